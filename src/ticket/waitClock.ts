/**
 * The panel's one clock for automatic waits (Retry-After, backoff): every place showing a wait
 * counts down from its `until` on this one ticking signal, so two never disagree. It ticks only
 * while a wait is shown, keeps the one sentence screen readers hear per wait (`announced`), and
 * never starts, ends or shortens a wait.
 */
import { signal, type ReadonlySignal } from "@preact/signals";

/** An automatic wait: when it ends (ms since epoch, on the clock's time source) and why. */
export interface Wait {
	until: number;
	reason: "rate_limited" | "retry";
}

/** What screen readers were told about a wait: the seconds left when it was first shown. */
interface WaitAnnouncement {
	wait: Wait;
	seconds: number;
}

/** Why 250 ms: a second's change shows at most a quarter of a second late, for 4 renders a second. */
const TICK_MS = 250;

/** Whole seconds left until `until` (never negative). Pure. */
export function secondsLeft(until: number, now: number): number {
	return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Creates the clock of one panel over `now` (the same time source as the waits' deadlines). */
export function createWaitClock(now: () => number = Date.now) {
	const time = signal(now());
	const announced = signal<WaitAnnouncement | null>(null);
	/** How many places show each wait, by `reason@until`. */
	const shown = new Map<string, number>();
	let timer: ReturnType<typeof setInterval> | undefined;
	const keyOf = (wait: Wait) => `${wait.reason}@${wait.until}`;
	return {
		/** The time, refreshed every TICK_MS while a wait is shown; every countdown reads this signal. */
		now: time as ReadonlySignal<number>,
		/** The wait announced last, while something still shows it; null otherwise. */
		announced: announced as ReadonlySignal<WaitAnnouncement | null>,
		/** Says `wait` is shown: the clock ticks until every shown wait is released; a new wait is announced. Returns the release. */
		show(wait: Wait): () => void {
			const key = keyOf(wait);
			const holders = shown.get(key) ?? 0;
			shown.set(key, holders + 1);
			time.value = now();
			timer ??= setInterval(() => (time.value = now()), TICK_MS);
			const last = announced.value;
			if (holders === 0 && (last === null || keyOf(last.wait) !== key))
				announced.value = { wait, seconds: secondsLeft(wait.until, time.value) };
			let released = false;
			return () => {
				if (released) return;
				released = true;
				const left = (shown.get(key) ?? 1) - 1;
				if (left > 0) shown.set(key, left);
				else {
					shown.delete(key);
					const current = announced.value;
					if (current !== null && keyOf(current.wait) === key) announced.value = null;
				}
				if (shown.size === 0) {
					clearInterval(timer);
					timer = undefined;
				}
			};
		},
	};
}

/** The clock of one panel. */
export type WaitClock = ReturnType<typeof createWaitClock>;
