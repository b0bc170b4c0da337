/**
 * Every ticket write from the app goes through one writer per ticket. It serialises writes,
 * always sends a safe update (the caller's `send` puts `safe_update` + `updated_stamp` from the
 * snapshot it is given, i.e. the REST `updated_at`), and recovers without losing intent:
 *
 * - 409 UpdateConflict: re-read, re-plan from the fresh ticket (the plan re-applies the agent's
 *   intent, or asks the agent when someone else changed the same thing), retry — bounded.
 * - 429: wait for Retry-After, exposing a countdown in `status`; bounded.
 * - DatabaseConflict / 5xx / timeout / dropped connection: re-read first (the write may have
 *   happened), re-plan (a plan that is already satisfied answers `noop`), retry with backoff.
 *
 * It never writes a payload computed from a stale ticket, and never swallows an error it cannot
 * cure: those reject with the ApiError. The ticket's store (`createTicketStore.ts`) owns the one
 * writer of the open ticket, so every section's writes are serialised and the panel has one status.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import { ApiError } from "../platform/api/errors";
import { MAX_ATTEMPTS, retryDelayMs, shouldRetry } from "./backoff";
import { sleep as realSleep } from "../shared/sleep";

/** What a plan decides for a snapshot of the ticket. */
export type Plan<P, C = unknown> = { kind: "send"; payload: P } | { kind: "noop" } | { kind: "ask"; conflicts: C };

/** The outcome of `save`. `rebased` is true when the payload had to be re-planned on fresh data. */
export type SaveOutcome<S, C = unknown> =
	| { kind: "saved"; snapshot: S; rebased: boolean }
	| { kind: "noop"; snapshot: S; rebased: boolean }
	| { kind: "ask"; snapshot: S; conflicts: C };

/** What the writer is doing, for the UI (spinner, countdown). */
export type WriterStatus =
	{ state: "idle" } | { state: "saving" } | { state: "waiting"; reason: "rate_limited" | "retry"; until: number };

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

/** A serialising, conflict-rebasing writer for one ticket. */
export interface TicketWriter<S extends { updatedAt: string }, P> {
	/** Latest snapshot the writer knows (from loads and saves), or undefined. */
	readonly snapshot: ReadonlySignal<S | undefined>;
	readonly status: ReadonlySignal<WriterStatus>;
	/** Tells the writer about a snapshot read elsewhere (so the next save starts from it). */
	observe(snapshot: S): void;
	/** Plans and sends one logical change. `plan` must be pure: it is called again on fresh data. */
	save<C>(plan: (snapshot: S, rebased: boolean) => Plan<P, C>): Promise<SaveOutcome<S, C>>;
}

/** Creates the writer. @example createTicketWriter({ load: () => api.getTicket(7), send: (p, stamp) => api.updateTicket(7, {...p, safe_update: true, updated_stamp: stamp}) }) */
export function createTicketWriter<S extends { updatedAt: string }, P>(
	options: TicketWriterOptions<S, P>,
): TicketWriter<S, P> {
	const sleep = options.sleep ?? realSleep;
	const now = options.now ?? Date.now;
	const random = options.random;
	const snapshot = signal<S | undefined>(undefined);
	const status = signal<WriterStatus>({ state: "idle" });
	let queue: Promise<unknown> = Promise.resolve();
	const setStatus = (next: WriterStatus) => {
		status.value = next;
	};
	const remember = (s: S) => {
		snapshot.value = s;
	};

	async function wait(ms: number, reason: "rate_limited" | "retry"): Promise<void> {
		setStatus({ state: "waiting", reason, until: now() + ms });
		await sleep(ms);
		setStatus({ state: "saving" });
	}

	async function run<C>(plan: (s: S, rebased: boolean) => Plan<P, C>): Promise<SaveOutcome<S, C>> {
		const known = snapshot.value;
		let current = known === undefined ? await options.load() : known;
		remember(current);
		let rebased = false;
		let conflicts = 0;
		let failures = 0;
		let decision = plan(current, rebased);
		for (;;) {
			if (decision.kind === "noop") return { kind: "noop", snapshot: current, rebased };
			if (decision.kind === "ask") return { kind: "ask", snapshot: current, conflicts: decision.conflicts };
			try {
				const saved = await options.send(decision.payload, current.updatedAt);
				remember(saved);
				return { kind: "saved", snapshot: saved, rebased };
			} catch (err) {
				if (!(err instanceof ApiError)) throw err;
				if (err.kind === "conflict") {
					if (++conflicts > MAX_CONFLICT_REBASES) throw err;
				} else {
					failures++;
					const ctx = {
						kind: err.kind,
						attempt: failures,
						idempotent: true,
						retryAfterSeconds: err.retryAfterSeconds,
						retryAfterGuessed: err.retryAfterGuessed,
						maxAttempts: MAX_ATTEMPTS,
					};
					if (!shouldRetry(ctx)) throw err;
					await wait(retryDelayMs(ctx, random), err.kind === "rate_limited" ? "rate_limited" : "retry");
					if (err.kind === "rate_limited") continue; // Zendesk did not process it: same payload, same stamp.
				}
				// The ticket changed, or the write may have happened: re-read, and re-plan if it moved on.
				const fresh = await options.load();
				remember(fresh);
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
		snapshot,
		status,
		observe(s) {
			remember(s);
		},
		save(plan) {
			const task = async () => {
				setStatus({ state: "saving" });
				try {
					return await run(plan);
				} finally {
					setStatus({ state: "idle" });
				}
			};
			const result = queue.then(task);
			queue = result.catch(() => undefined);
			return result;
		},
	};
}
