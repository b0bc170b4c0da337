/**
 * Time for the emulator: "now" plus timers, injectable so tests never sleep. Zendesk stamps are
 * ISO 8601 UTC with second precision (zendesk-ticket-api.md §2 [V]).
 */

/** A source of time and timers. The real one wraps Date.now/setTimeout; tests use createManualClock. */
export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Runs `fn` after `ms` milliseconds of this clock's time. */
	setTimeout(fn: () => void, ms: number): unknown;
	/** Cancels a timer made by this clock's setTimeout. */
	clearTimeout(handle: unknown): void;
}

/** A Clock whose time only moves when `advance` is called (runs due timers in order). */
export interface ManualClock extends Clock {
	/** Moves time forward and runs every timer that falls due, including timers those timers set. */
	advance(ms: number): void;
	/** Runs timers until none is left (moving time as needed); stops after `limit` timers. */
	runAll(limit?: number): void;
	/** Number of timers waiting. */
	pending(): number;
}

/** The wall clock. Does not unref timers: callers dispose them. */
export function createRealClock(): Clock {
	return {
		now: () => Date.now(),
		setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
		clearTimeout: handle => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
	};
}

/** A deterministic clock starting at `start` (ms or ISO string). Never touches real timers. */
export function createManualClock(start: number | string = "2025-01-15T09:00:00Z"): ManualClock {
	let time = typeof start === "string" ? Date.parse(start) : start;
	let nextId = 1;
	const timers = new Map<number, { at: number; fn: () => void; seq: number }>();
	const takeNext = (until: number): number | undefined => {
		let best: number | undefined;
		for (const [id, timer] of timers) {
			if (timer.at > until) continue;
			const current = best === undefined ? undefined : timers.get(best);
			if (!current || timer.at < current.at || (timer.at === current.at && timer.seq < current.seq)) best = id;
		}
		return best;
	};
	const clock: ManualClock = {
		now: () => time,
		setTimeout(fn, ms) {
			const id = nextId++;
			timers.set(id, { at: time + Math.max(0, ms), fn, seq: id });
			return id;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
		advance(ms) {
			const target = time + ms;
			for (let id = takeNext(target); id !== undefined; id = takeNext(target)) {
				const timer = timers.get(id);
				timers.delete(id);
				if (!timer) continue;
				time = Math.max(time, timer.at);
				timer.fn();
			}
			time = target;
		},
		runAll(limit = 10_000) {
			for (let i = 0; i < limit && timers.size > 0; i++) {
				const id = takeNext(Number.POSITIVE_INFINITY);
				if (id === undefined) return;
				const timer = timers.get(id);
				timers.delete(id);
				if (!timer) continue;
				time = Math.max(time, timer.at);
				timer.fn();
			}
		},
		pending: () => timers.size,
	};
	return clock;
}

/** Formats ms as Zendesk does: `2025-01-15T09:00:00Z` (UTC, whole seconds, truncated). */
export function isoSecond(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Parses an ISO 8601 stamp to whole seconds since the epoch; undefined when unparseable. */
export function parseStampSeconds(value: unknown): number | undefined {
	if (typeof value !== "string" || value.trim() === "") return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
