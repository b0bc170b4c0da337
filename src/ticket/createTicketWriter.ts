/**
 * The one writer of a ticket (owned by `createTicketStore.ts`): serialises writes, always sends a
 * safe update (`send` stamps the snapshot's REST `updated_at`), and recovers without losing intent:
 * - 409 UpdateConflict: re-read, re-plan from the fresh ticket (re-apply, or ask), retry; bounded.
 * - 429: wait for Retry-After, with a countdown in `status`; bounded.
 * - DatabaseConflict / 5xx / timeout / dropped connection: re-read first (the write may have
 *   happened), re-plan (a satisfied plan answers `noop`), retry with backoff.
 * It never sends a payload planned on a stale ticket; an error it cannot cure rejects as is.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import { ApiError } from "../platform/api/errors";
import { idempotentRetry } from "./backoff";
import { sleep as realSleep } from "../shared/sleep";
import type { Wait } from "./waitClock";

/** What a plan decides for a snapshot of the ticket. */
export type Plan<P, C = unknown> = { kind: "send"; payload: P } | { kind: "noop" } | { kind: "ask"; conflicts: C };

/** The outcome of `save`. `rebased` is true when the payload had to be re-planned on fresh data. */
export type SaveOutcome<S, C = unknown> =
	| { kind: "saved"; snapshot: S; rebased: boolean }
	| { kind: "noop"; snapshot: S; rebased: boolean }
	| { kind: "ask"; snapshot: S; conflicts: C };

/** What the writer is doing, for the UI (spinner, countdown). */
export type WriterStatus = { state: "idle" } | { state: "saving" } | ({ state: "waiting" } & Wait);

/** How many times a 409 UpdateConflict is re-planned before giving up. */
export const MAX_CONFLICT_REBASES = 3;

/** Dependencies of the writer: how to read and write this ticket, and time. */
export interface TicketWriterOptions<S extends { updatedAt: string }, P> {
	/** Reads the ticket fresh from the REST API. */
	load(): Promise<S>;
	/** Sends a safe update of `payload` with `updated_stamp = stamp`; resolves with the saved ticket. */
	send(payload: P, stamp: string): Promise<S>;
	sleep?(ms: number): Promise<void>;
	now?(): number;
	random?(): number;
}

/** Creates a serialising, conflict-rebasing writer for one ticket. @example createTicketWriter({ load: () => api.getTicket(7), send: (p, stamp) => api.updateTicket(7, {...p, safe_update: true, updated_stamp: stamp}) }) */
export function createTicketWriter<S extends { updatedAt: string }, P>(options: TicketWriterOptions<S, P>) {
	const sleep = options.sleep ?? realSleep;
	const now = options.now ?? Date.now;
	/** The latest snapshot known (from loads, saves and `observe`). */
	let known: S | undefined;
	const status = signal<WriterStatus>({ state: "idle" });
	let queue: Promise<unknown> = Promise.resolve();

	async function run<C>(plan: (s: S, rebased: boolean) => Plan<P, C>): Promise<SaveOutcome<S, C>> {
		let current = known ?? (await options.load());
		known = current;
		let rebased = false;
		let conflicts = 0;
		let failures = 0;
		let decision = plan(current, rebased);
		for (;;) {
			if (decision.kind === "noop") return { kind: "noop", snapshot: current, rebased };
			if (decision.kind === "ask") return { kind: "ask", snapshot: current, conflicts: decision.conflicts };
			try {
				const saved = await options.send(decision.payload, current.updatedAt);
				known = saved;
				return { kind: "saved", snapshot: saved, rebased };
			} catch (err) {
				if (!(err instanceof ApiError)) throw err;
				if (err.kind === "conflict") {
					if (++conflicts > MAX_CONFLICT_REBASES) throw err;
				} else {
					const retry = idempotentRetry(err, ++failures, options.random);
					if (retry === null) throw err;
					status.value = { state: "waiting", reason: retry.reason, until: now() + retry.ms };
					await sleep(retry.ms);
					status.value = { state: "saving" };
					if (err.kind === "rate_limited") continue; // Zendesk did not process it: same payload, same stamp.
				}
				// The ticket changed, or the write may have happened: re-read, and re-plan if it moved on.
				const fresh = await options.load();
				known = fresh;
				// The same stamp means the same ticket (e.g. a 503 that applied nothing): same decision,
				// and no rebase counted against a plan's budget of automatic retries.
				if (fresh.updatedAt === current.updatedAt) continue;
				current = fresh;
				rebased = true;
				decision = plan(current, rebased);
			}
		}
	}

	return {
		status: status as ReadonlySignal<WriterStatus>,
		/** Tells the writer about a snapshot read elsewhere (so the next save starts from it). */
		observe(s: S): void {
			known = s;
		},
		/** Plans and sends one logical change. `plan` must be pure: it is called again on fresh data. */
		save<C>(plan: (snapshot: S, rebased: boolean) => Plan<P, C>): Promise<SaveOutcome<S, C>> {
			const task = async () => {
				status.value = { state: "saving" };
				try {
					return await run(plan);
				} finally {
					status.value = { state: "idle" };
				}
			};
			const result = queue.then(task);
			queue = result.catch(() => undefined);
			return result;
		},
	};
}
