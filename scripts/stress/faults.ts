/**
 * The menu of faults a stress scenario draws from, and how each is injected: through the
 * emulator's own fault controls (`/__sandbox/faults`: 409s, 429 with Retry-After, 503, dropped
 * connections, delays past the app's timeout) or through the stress transport (a write that is
 * applied but whose answer is lost).
 */
import { STRESS_TIMEOUT_MS, type StressWorld } from "./world";

/** One kind of trouble on the way to Zendesk. */
export type FaultKind =
	"updateConflict" | "dbConflict" | "rateLimited" | "unavailable" | "dropped" | "timeout" | "lostAnswer";

/** Every kind, for writes that are safe updates. Creates leave out `updateConflict`. */
export const WRITE_FAULTS: readonly FaultKind[] = [
	"updateConflict",
	"dbConflict",
	"rateLimited",
	"unavailable",
	"dropped",
	"timeout",
	"lostAnswer",
];
export const CREATE_FAULTS: readonly FaultKind[] = WRITE_FAULTS.filter(kind => kind !== "updateConflict");
export const READ_FAULTS: readonly FaultKind[] = ["dbConflict", "rateLimited", "unavailable", "dropped", "timeout"];

/**
 * How many faults one request gets in a row. Mostly 0–3 (cured by the app's own retries); 5 runs
 * past every retry budget, so the agent sees an error, keeps the draft and tries again later.
 */
const COUNTS = [0, 1, 1, 2, 2, 3, 5] as const;

/** Picks one element. */
export function pick<T>(random: () => number, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error("[stress] pick from an empty list");
	return item;
}

/** A scenario's variant as `key=value` pairs (lists joined with `+`), for the report. */
export const describeVariant = (parts: Record<string, unknown>): string =>
	Object.entries(parts)
		.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") || "-" : String(v)}`)
		.join(" ");

/**
 * Injects a random run of faults for `method` on `path` (an emulator fault pattern) / `pathRe`
 * (the same path as a regex, for lost answers). Returns the kinds, in order, for the report.
 */
export function injectFaults(
	world: StressWorld,
	random: () => number,
	request: { method: string; path: string; pathRe: RegExp },
	menu: readonly FaultKind[],
): FaultKind[] {
	const kinds = Array.from({ length: pick(random, COUNTS) }, () => pick(random, menu));
	for (const kind of kinds) {
		if (kind === "lostAnswer") {
			world.loseAnswer(request.method, request.pathRe);
			continue;
		}
		const base = { method: request.method, path: request.path, times: 1 };
		const spec =
			kind === "updateConflict"
				? {
						...base,
						status: 409,
						body: {
							error: "UpdateConflict",
							description:
								"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
						},
					}
				: kind === "dbConflict"
					? { ...base, status: 409, body: { error: "DatabaseConflict", description: "Database collision" } }
					: kind === "rateLimited"
						? { ...base, status: 429, retryAfter: 1 + Math.floor(random() * 90) }
						: kind === "unavailable"
							? { ...base, status: 503 }
							: kind === "dropped"
								? { ...base, drop: true }
								: { ...base, delayMs: STRESS_TIMEOUT_MS * 3 };
		world.addFault(spec);
	}
	return kinds;
}
