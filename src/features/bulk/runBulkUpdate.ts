/**
 * One bulk change across tickets as `PUT tickets/update_many` jobs (≤ 100 items, each its own safe
 * update), followed to the end. Every item is planned from a fresh `show_many`; items refused with
 * `UpdateConflict`, and every item of a job that failed, timed out or could not be sent, are read
 * and planned again, then only they are re-sent, in bounded rounds. Items are safe updates of
 * deltas, so a job that did run after all is never applied twice: its duplicate meets a newer stamp.
 */
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError } from "../../platform/api/errors";
import type { Id, JobResult, Ticket } from "../../platform/api/types";
import type { TicketUpdateInput } from "../../platform/api/wire";
import type { Issue } from "../../shared/issues";
import { idempotentRetry } from "../../ticket/backoff";
import { pollJob } from "../../ticket/pollJob";
import type { PendingMetadata } from "../../ticket/metadata/createMetadataModel";
import type { Wait } from "../../ticket/waitClock";
import { planBulkItem, type BulkIntent, type BulkTicket } from "./rules/bulkPlan";

/** At most this many tickets per job (Zendesk's limit). */
const MAX_PER_JOB = 100;
/** Rounds after the first: conflicted or uncertain items are re-read and sent again at most this often. */
const MAX_RETRY_ROUNDS = 2;

/** What happened to one ticket. */
export type BulkOutcome =
	| { kind: "updated"; retried: boolean }
	| { kind: "unchanged" }
	| {
			kind: "refused";
			/** `busy`: it kept changing through every retry; `stopped`: the run stopped before it was done. */
			reason: "closed" | "permission" | "validation" | "missing" | "busy" | "stopped" | "other";
			details: string | null;
	  }
	/** Another agent set these fields to other values: nothing was sent; the agent decides (`force`). */
	| { kind: "conflict"; fields: readonly { id: Id; theirs: unknown }[] };

/** Where the run is, for the progress line. */
export type BulkProgress =
	| { phase: "reading" }
	| { phase: "queued" | "working"; round: number; done: number; total: number }
	| ({ phase: "waiting" } & Wait);

/** What the run needs. `attach` adds the pending audit metadata to one item (or refuses). */
export interface BulkDeps {
	api: Pick<ZendeskApi, "showManyTickets" | "showManyUsers" | "updateManyTickets" | "getJobStatus">;
	attach: PendingMetadata["attach"];
	sleep(ms: number): Promise<void>;
	now(): number;
	alive(): boolean;
	random?(): number;
	onProgress(progress: BulkProgress): void;
}

/** The run's result: an outcome per ticket, or the metadata's reasons not to send anything. */
export type BulkRun =
	{ kind: "done"; outcomes: ReadonlyMap<Id, BulkOutcome>; metadata: boolean } | { kind: "blocked"; issues: Issue[] };

/**
 * Runs `intent` on `ids`. `seen`: the field values the agent saw per ticket (default: the first
 * read); a field changed since to another value is asked about, never overwritten. Rejects only
 * for a final ApiError before anything was sent; after that a failure ends the run with the outcomes so far.
 */
export async function runBulkUpdate(
	deps: BulkDeps,
	ids: readonly Id[],
	intent: BulkIntent,
	seen: ReadonlyMap<Id, BaseValues>,
): Promise<BulkRun> {
	deps.onProgress({ phase: "reading" });
	const outcomes = new Map<Id, BulkOutcome>();
	const first = await deps.api.showManyTickets(ids);
	const found = new Set(first.map(ticket => ticket.id));
	const base = new Map(first.map(ticket => [ticket.id, seen.get(ticket.id) ?? ticket.customFields] as const));
	for (const id of ids) if (!found.has(id)) outcomes.set(id, { kind: "refused", reason: "missing", details: null });
	let pending: Ticket[] = first;
	let withMetadata = false;
	let sent = false;
	/** Ends the run early: every ticket still pending without an outcome is `stopped`. */
	const stop = (details: string | null): BulkRun => {
		for (const ticket of pending)
			if (!outcomes.has(ticket.id)) outcomes.set(ticket.id, { kind: "refused", reason: "stopped", details });
		return { kind: "done", outcomes, metadata: withMetadata };
	};
	for (let round = 0; pending.length > 0 && deps.alive(); round++) {
		try {
			const emails = await emailsOf(deps, pending);
			const items: Array<TicketUpdateInput & { id: Id }> = [];
			for (const ticket of pending) {
				const then = { ...ticket, customFields: base.get(ticket.id) ?? ticket.customFields };
				const plan = planBulkItem(ticket, intent, id => emails.get(id) ?? null, then);
				if (plan.kind === "noop") outcomes.set(ticket.id, { kind: "unchanged" });
				else if (plan.kind === "skip") outcomes.set(ticket.id, { kind: "refused", reason: "closed", details: null });
				else if (plan.kind === "ask") outcomes.set(ticket.id, { kind: "conflict", fields: plan.fields });
				else {
					const attached = deps.attach(plan.patch);
					if (!attached.ok) return sent ? stop(null) : { kind: "blocked", issues: attached.issues };
					withMetadata ||= attached.update.metadata !== undefined;
					items.push({ ...attached.update, id: ticket.id, safe_update: true, updated_stamp: ticket.updatedAt });
				}
			}
			const again: Id[] = [];
			for (let start = 0; start < items.length && deps.alive(); start += MAX_PER_JOB) {
				const chunk = items.slice(start, start + MAX_PER_JOB);
				sent = true;
				const results = await sendAndFollow(deps, chunk, round);
				if (results === null) {
					again.push(...chunk.map(item => item.id));
					continue;
				}
				for (const [index, item] of chunk.entries()) {
					const result = results.find(r => r.id === item.id) ?? results.find(r => r.index === index);
					if (result === undefined || result.error === "UpdateConflict") again.push(item.id);
					else if (result.success === false || result.error) outcomes.set(item.id, refusal(result));
					else outcomes.set(item.id, { kind: "updated", retried: round > 0 });
				}
			}
			if (again.length === 0 || !deps.alive()) break;
			if (round >= MAX_RETRY_ROUNDS) {
				for (const id of again) outcomes.set(id, { kind: "refused", reason: "busy", details: null });
				break;
			}
			pending = await deps.api.showManyTickets(again);
		} catch (caught) {
			if (!isApiError(caught) || !sent) throw caught;
			return stop(caught.message);
		}
	}
	return { kind: "done", outcomes, metadata: withMetadata };
}

/** Sends one job and follows it; `null` when its outcome is unknown (failed job, timeout, lost answer). */
async function sendAndFollow(
	deps: BulkDeps,
	items: Array<TicketUpdateInput & { id: Id }>,
	round: number,
): Promise<readonly JobResult[] | null> {
	for (let attempt = 1; ; attempt++) {
		try {
			const job = await deps.api.updateManyTickets(items);
			const queuedAt = deps.now();
			deps.onProgress({ phase: "queued", round, done: 0, total: items.length });
			const polled = await pollJob(deps, job.id, queuedAt, status =>
				deps.onProgress({
					phase: status.status === "queued" ? "queued" : "working",
					round,
					done: status.progress ?? 0,
					total: status.total ?? items.length,
				}),
			);
			return polled.kind === "ended" && polled.job.status === "completed" ? polled.job.results : null;
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			// Safe updates make a re-send harmless: a job that did run meets newer stamps and is refused.
			const retry = deps.alive() ? idempotentRetry(caught, attempt, deps.random) : null;
			if (retry === null) {
				if (["rate_limited", "timeout", "network", "server"].includes(caught.kind)) return null;
				throw caught;
			}
			deps.onProgress({ phase: "waiting", until: deps.now() + retry.ms, reason: retry.reason });
			await deps.sleep(retry.ms);
		}
	}
}

function refusal(result: JobResult): BulkOutcome {
	const code = result.error ?? "";
	const reason = /closed/i.test(code + (result.details ?? ""))
		? "closed"
		: /permission|forbidden|access/i.test(code)
			? "permission"
			: /invalid/i.test(code)
				? "validation"
				: "other";
	return { kind: "refused", reason, details: result.details ?? (result.error || null) };
}

/** Emails of the CCs and followers on these tickets (one request for the users not met yet). */
async function emailsOf(deps: BulkDeps, tickets: readonly Ticket[]): Promise<Map<Id, string>> {
	const ids = [...new Set(tickets.flatMap(t => [...t.emailCcIds, ...t.followerIds]))];
	if (ids.length === 0) return new Map();
	const users = await deps.api.showManyUsers(ids);
	return new Map(users.flatMap(user => (user.email ? [[user.id, user.email.toLowerCase()] as const] : [])));
}

/** The custom field values of a ticket as the agent saw it: the base of a bulk run, kept in the draft. */
export type BaseValues = BulkTicket["customFields"];
