/**
 * Creating a follow-up: send the create (retried under its `Idempotency-Key`), watch an async job,
 * and put the outcome on signals. Never throws for an ApiError: failures become issues, the draft stays.
 */
import { batch, signal, type ReadonlySignal } from "@preact/signals";
import type { CreateTicketResult, ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { Ticket } from "../../platform/api/types";
import type { TicketCreateInput } from "../../platform/api/wire";
import { attemptFor } from "../../shared/idempotencyKey";
import type { Issue } from "../../shared/issues";
import { interpretJob, type JobOutcome, type PollSchedule } from "../../shared/jobPolling";
import { sleep as realSleep } from "../../shared/sleep";
import type { Id } from "../../shared/ticketTypes";
import { idempotentRetry } from "../../ticket/backoff";
import { pollJob } from "../../ticket/pollJob";
import type { Wait } from "../../ticket/waitClock";
import type { FollowUpModelOptions } from "./createFollowUpModel";
import { followUpErrorIssues } from "./followUpIssues";
import type { FollowUpDraft, FollowUpMode, FollowUpSource, PendingJob } from "./rules/followUpDraft";
import { buildFollowUpPayload } from "./rules/followUpPayload";

/** Where the create is. `uploading`: files are still uploading (the create button waits). */
export type FollowUpStatus = "idle" | "uploading" | "creating" | "queued" | "working" | "created" | "failed";

/** What the create runner needs. `alive()` turns false when the panel goes away. */
export interface FollowUpCreateDeps {
	api: Pick<ZendeskApi, "createTicket" | "getJobStatus" | "findTicketsByExternalId">;
	sleep(ms: number): Promise<void>;
	now(): number;
	random?(): number;
	alive(): boolean;
	/** Called with the wait before a retry (`null` once it ends), so the UI can count down. */
	onWaiting(wait: Wait | null): void;
}

/** The `external_id` a create carries so the ticket can be found again (`createMarker(key)`). */
export const createMarker = (idempotencyKey: string) => `zd-sidebar:${idempotencyKey}`;

/** Failures after which the create may have happened although no answer said so. */
const MAY_HAVE_CREATED = new Set(["timeout", "network", "server"]);

/** How long to look for a possibly queued async create's ticket before sending again: ~30 s, well past a job's few seconds. */
export const ASYNC_LOOKUP_WAITS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * `POST /api/v2/tickets` with the key, retried as `idempotentRetry` says: with the same key and body
 * Zendesk replays. Whether it honours the key through ZAF is unverified, so the ticket also carries
 * `external_id: createMarker(key)`, and after a failure that may have
 * created it (or when `maybeSent`) it is looked up by that marker first (an async create's over
 * `ASYNC_LOOKUP_WAITS_MS`) and returned as `replayed`. Rejects with the final ApiError.
 */
export async function sendCreate(
	deps: FollowUpCreateDeps,
	ticket: TicketCreateInput,
	options: { async: boolean; idempotencyKey: string; maybeSent?: boolean },
): Promise<CreateTicketResult> {
	const marker = createMarker(options.idempotencyKey);
	const marked: TicketCreateInput = { ...ticket, external_id: marker };
	let mayHaveCreated = options.maybeSent === true;
	let mayBeQueued = false; // an async create failed in a way that may have queued its job in this call
	for (let attempt = 1; ; attempt++) {
		try {
			if (mayHaveCreated) {
				const existing = await findMarked(deps, marker, mayBeQueued ? ASYNC_LOOKUP_WAITS_MS : []);
				if (existing) return { kind: "created", replayed: true, ticket: existing, audit: null };
				mayBeQueued = false;
			}
			return await deps.api.createTicket(marked, { async: options.async, idempotencyKey: options.idempotencyKey });
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (MAY_HAVE_CREATED.has(caught.kind)) {
				mayHaveCreated = true;
				mayBeQueued = options.async;
			}
			const retry = deps.alive() ? idempotentRetry(caught, attempt, deps.random) : null;
			if (retry === null) throw caught;
			await countDown(deps, retry.ms, retry.reason);
		}
	}
}

/** Sleeps `ms`, telling `onWaiting` when it ends and that it has. */
async function countDown(deps: FollowUpCreateDeps, ms: number, reason: Wait["reason"]): Promise<void> {
	deps.onWaiting({ until: deps.now() + ms, reason });
	await deps.sleep(ms);
	deps.onWaiting(null);
}

/** The ticket carrying `marker`, looked for once and then after each of `waits` (while the panel lives). */
async function findMarked(
	deps: FollowUpCreateDeps,
	marker: string,
	waits: readonly number[],
): Promise<Ticket | undefined> {
	for (let i = 0; ; i++) {
		const [existing] = await deps.api.findTicketsByExternalId(marker);
		const wait = waits[i];
		if (existing || wait === undefined || !deps.alive()) return existing;
		await countDown(deps, wait, "retry");
	}
}

/** How watching a job ended. `stopped`: the panel went away (the draft keeps the job to resume). */
export type JobWatchResult =
	| { kind: "completed"; ticketId: number | null }
	| { kind: "failed"; phase: "failed" | "killed" | "missing"; error: string | null; details: string | null }
	| { kind: "timed_out" }
	| { kind: "stopped" };

/** Follows the create's job (`pollJob`) and says what it means for the follow-up. */
export async function watchJob(
	deps: FollowUpCreateDeps,
	jobId: string,
	queuedAt: number,
	onProgress: (outcome: JobOutcome) => void,
	schedule?: PollSchedule,
): Promise<JobWatchResult> {
	const polled = await pollJob(deps, jobId, queuedAt, job => onProgress(interpretJob(job)), schedule);
	if (polled.kind === "missing") return { kind: "failed", phase: "missing", error: null, details: null };
	if (polled.kind !== "ended") return polled;
	const ended = interpretJob(polled.job);
	if (ended.phase === "completed") return { kind: "completed", ticketId: ended.ticketId };
	if (ended.phase === "failed" || ended.phase === "killed") return { kind: "failed", ...ended };
	return { kind: "failed", phase: "failed", error: null, details: null };
}

/** What the submission needs from the model (the rest comes from the model's options). */
export interface FollowUpSubmissionModel {
	alive(): boolean;
	now(): number;
	source: ReadonlySignal<FollowUpSource | null>;
	/** Reads the source again: it may have been closed (or reopened) since the draft was started. */
	readSource(): Promise<FollowUpSource>;
	/** The problems the form shows (once `attempted`: validation, then the server's). */
	issues(): readonly Issue[];
	getDraft(): FollowUpDraft;
	patchDraft(change: (d: FollowUpDraft) => FollowUpDraft): void;
	/** Called with the created ticket (or `null` when a job did not name it). */
	finish(ticketId: Id | null, mode: FollowUpMode): void;
}

/** Message per way a background job can end badly (total). */
const JOB_FAILURE_CODES: Record<"failed" | "killed" | "missing", string> = {
	failed: "followUp.job.failed",
	killed: "followUp.job.killed",
	missing: "followUp.job.missing",
};

/** The create's state (phase, job, wait, issues) and `submit`, plus `watch` to resume a queued job after a reload. */
export function createFollowUpSubmission(
	options: Pick<FollowUpModelOptions, "api" | "sleep" | "random" | "linkedNote" | "randomBytes" | "schedule">,
	model: FollowUpSubmissionModel,
) {
	const { getDraft, patchDraft, finish } = model;
	const phase = signal<Exclude<FollowUpStatus, "uploading">>("idle");
	const job = signal<JobOutcome | null>(null);
	/** The retry the create is waiting for (a 429, a hiccup, a lookup of an async create), or null. */
	const waiting = signal<Wait | null>(null);
	/** Validation issues only show once the agent has tried to create. */
	const attempted = signal(false);
	const serverIssues = signal<Issue[]>([]);
	const busy = () => phase.value === "creating" || phase.value === "queued" || phase.value === "working";
	const deps: FollowUpCreateDeps = {
		api: options.api,
		sleep: options.sleep ?? realSleep,
		now: model.now,
		alive: model.alive,
		...(options.random ? { random: options.random } : {}),
		onWaiting: wait => void (waiting.value = wait),
	};

	function fail(caught: ApiError): void {
		const d = getDraft();
		batch(() => {
			phase.value = "failed";
			serverIssues.value = followUpErrorIssues(caught, d);
		});
		if (caught.code === "IdempotentRequestError") patchDraft(x => ({ ...x, attempt: null }));
	}

	async function watch(pending: PendingJob, mode: FollowUpMode, startedAt: number): Promise<void> {
		phase.value = "queued";
		try {
			const onProgress = (outcome: JobOutcome) => {
				job.value = outcome;
				if (outcome.phase === "working") phase.value = "working";
			};
			const result = await watchJob(deps, pending.jobId, startedAt, onProgress, options.schedule);
			if (result.kind === "stopped") return;
			if (result.kind === "completed") return finish(result.ticketId ?? pending.ticketId, mode);
			phase.value = "failed";
			if (result.kind === "timed_out") {
				serverIssues.value = [{ field: "form", code: "followUp.job.timedOut" }];
				return;
			}
			// A new try needs a new key: the old one would replay the failed job.
			patchDraft(d => ({ ...d, pendingJob: null, attempt: null }));
			const code = JOB_FAILURE_CODES[result.phase];
			serverIssues.value = [{ field: "form", code, vars: { details: result.details ?? result.error ?? "—" } }];
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			fail(caught);
		}
	}

	async function create(s: FollowUpSource, d: FollowUpDraft): Promise<void> {
		const request = buildFollowUpPayload(s, d, { linkedNote: options.linkedNote(s.id) });
		if (request === null) {
			phase.value = "idle";
			return;
		}
		const attempt = attemptFor(d.attempt, request.body, options.randomBytes);
		patchDraft(x => ({ ...x, attempt })); // stored before sending: a reload after a timeout reuses the key
		try {
			const result = await sendCreate(deps, request.body.ticket, {
				async: d.createAsync,
				idempotencyKey: attempt.key,
				// A key already in the stored draft may have reached Zendesk before a reload: look first.
				maybeSent: d.attempt?.key === attempt.key,
			});
			if (result.kind === "created") return finish(result.ticket.id, request.mode);
			const pendingJob: PendingJob = { jobId: result.jobStatus.id, ticketId: result.ticketId, queuedAt: deps.now() };
			patchDraft(x => ({ ...x, pendingJob }));
			job.value = { phase: "queued", done: result.jobStatus.progress, total: result.jobStatus.total };
			await watch(pendingJob, request.mode, pendingJob.queuedAt);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			fail(caught);
		}
	}

	return {
		phase,
		job,
		waiting,
		attempted,
		serverIssues,
		busy,
		watch,
		/** Validates and creates. Does nothing while a create is under way (no double submit). */
		async submit(): Promise<void> {
			if (busy()) return;
			phase.value = "creating";
			batch(() => {
				attempted.value = true;
				serverIssues.value = [];
			});
			const pending = getDraft().pendingJob;
			if (pending !== null) return watch(pending, getDraft().mode, deps.now());
			let s = model.source.value;
			try {
				s = await model.readSource(); // catches a source closed (or reopened) since the draft was started
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				if (s === null) return fail(caught);
			}
			if (model.issues().length > 0) {
				phase.value = "idle";
				return;
			}
			await create(s, getDraft());
		},
	};
}
