/**
 * The request log behind `GET /__sandbox/requests` (the benchmark counts requests with it).
 * Sandbox-control requests are not logged.
 */

/** One answered request. */
export interface RequestLogEntry {
	seq: number;
	at: string;
	method: string;
	url: string;
	/** Authenticated user's email, or null. */
	user: string | null;
	userId: number | null;
	status: number;
	/** True when an injected fault answered (or cut) it. */
	fault: boolean;
	/**
	 * Who sent it, from the `x-sandbox-client` header: `"host"` for the workspace page's and the
	 * in-process fake client's own reads, `"app"` (no header) for everything else, i.e. the app's
	 * relayed requests and plain API clients. The benchmark counts only `"app"`.
	 */
	client: string;
	durationMs: number;
}

/** Keep at most this many entries (oldest dropped). */
export const MAX_LOG_ENTRIES = 10_000;

/** Appends an entry, dropping the oldest beyond the cap. */
export function appendLog(log: RequestLogEntry[], entry: Omit<RequestLogEntry, "seq">, seq: number): void {
	log.push({ seq, ...entry });
	if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
}
