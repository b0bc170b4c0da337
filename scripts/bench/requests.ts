/**
 * Counting the app's API requests at the emulator: its request log (`GET /__sandbox/requests`,
 * here read in-process) holds every API request with a `client` field; the workspace page's and
 * the in-process client's own reads carry `x-sandbox-client: host` and are left out. Pure helpers
 * plus a "wait until the app is quiet" poll. Used by the benchmark and e2e/requests.e2e.ts.
 */

/** One entry of the emulator's request log (the fields read here). */
export interface LoggedRequest {
	seq: number;
	method: string;
	url: string;
	status: number;
	/** `"host"` for the workspace's own reads, `"app"` otherwise (older logs: missing = app). */
	client?: string;
}

/** The app's requests only (not the host page's reads). */
export function appRequests(log: readonly LoggedRequest[]): LoggedRequest[] {
	return log.filter(entry => (entry.client ?? "app") !== "host");
}

/** `GET /api/v2/tickets/1` style labels, without `.json` and with decoded query strings. */
export function requestLabel(entry: Pick<LoggedRequest, "method" | "url">): string {
	const [path = "", query] = entry.url.split("?");
	const clean = path.replace(/\.json$/, "");
	return query ? `${entry.method} ${clean}?${decodeURIComponent(query)}` : `${entry.method} ${clean}`;
}

/** Counts by method, e.g. `{GET: 2, PUT: 1}`. */
export function countByMethod(entries: readonly LoggedRequest[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const entry of entries) counts[entry.method] = (counts[entry.method] ?? 0) + 1;
	return counts;
}

/**
 * Resolves with the app's requests once none has arrived for `quietMs` (after at least
 * `minWaitMs`), or rejects after `timeoutMs`. `read` returns the whole log.
 */
export async function settledAppRequests(
	read: () => readonly LoggedRequest[] | Promise<readonly LoggedRequest[]>,
	{
		quietMs = 600,
		minWaitMs = 0,
		timeoutMs = 15_000,
	}: { quietMs?: number; minWaitMs?: number; timeoutMs?: number } = {},
): Promise<LoggedRequest[]> {
	const started = Date.now();
	let last = -1;
	let lastChange = Date.now();
	for (;;) {
		const now = appRequests(await read());
		if (now.length !== last) {
			last = now.length;
			lastChange = Date.now();
		}
		const waited = Date.now() - started;
		if (waited >= minWaitMs && Date.now() - lastChange >= quietMs) return now;
		if (waited > timeoutMs) throw new Error(`the app kept sending requests for ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}
