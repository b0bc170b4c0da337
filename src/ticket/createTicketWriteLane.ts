/**
 * The shared half of "one writer per ticket": a lane that every section's ticket writer of the
 * open ticket runs on (built once by `TicketSharedProvider`). It serialises writes across sections
 * (People and Fields never have two PUTs to the ticket in flight), exposes ONE status for the panel
 * (saving, waiting out a 429, retrying), remembers the newest REST `updated_at` any section has
 * seen, so a writer whose snapshot is older re-reads before planning instead of earning a 409, and
 * carries the timing functions (sleep, clock, jitter) the writers use. It sends nothing itself and
 * does not retry: that is `createTicketWriter`'s job.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { WriterStatus } from "./createTicketWriter";

/** Timing the writers on this lane use (injectable so tests and `npm run stress` need not wait real seconds). */
export interface TicketWriteLaneOptions {
	sleep?(ms: number): Promise<void>;
	now?(): number;
	random?(): number;
}

/** The per-ticket lane. */
export interface TicketWriteLane {
	/** What the running write is doing (idle when nothing runs). One value for the whole panel. */
	readonly status: ReadonlySignal<WriterStatus>;
	/** Runs `task` after every task queued before it has settled; resolves or rejects with it. */
	run<T>(task: () => Promise<T>): Promise<T>;
	/** Called by the running writer when its status changes. */
	report(status: WriterStatus): void;
	/** Records a REST `updated_at` seen by any section (reads and write answers). */
	noteStamp(updatedAt: string): void;
	/** True when some section has seen a newer `updated_at` than this one (so a snapshot with it is stale). */
	isStale(updatedAt: string): boolean;
	/** How many tasks are queued or running (for tests and the stress report). */
	readonly pending: number;
	sleep(ms: number): Promise<void>;
	now(): number;
	random(): number;
}

/** Creates a lane. @example const lane = createTicketWriteLane(); createPeopleModel({ ..., lane }) */
export function createTicketWriteLane(options: TicketWriteLaneOptions = {}): TicketWriteLane {
	const status = signal<WriterStatus>({ state: "idle" });
	let tail: Promise<unknown> = Promise.resolve();
	let pending = 0;
	let newest = Number.NEGATIVE_INFINITY;
	const time = (stamp: string) => {
		const ms = Date.parse(stamp);
		return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
	};
	return {
		status,
		run(task) {
			pending++;
			const result = tail.then(task);
			tail = result
				.catch(() => undefined)
				.finally(() => {
					pending--;
					if (pending === 0) status.value = { state: "idle" };
				});
			return result;
		},
		report(next) {
			status.value = next;
		},
		noteStamp(updatedAt) {
			newest = Math.max(newest, time(updatedAt));
		},
		isStale(updatedAt) {
			return time(updatedAt) < newest;
		},
		get pending() {
			return pending;
		},
		sleep: options.sleep ?? (ms => new Promise<void>(resolve => setTimeout(resolve, ms))),
		now: options.now ?? Date.now,
		random: options.random ?? Math.random,
	};
}
