/**
 * Sending a follow-up and following its job: the idempotency key stored in the draft before the
 * request leaves, the create (or the background job, polled with backoff), and the outcome on the
 * model's state. Never throws for an ApiError: failures land in the state with the draft kept.
 */
import type { ApiError } from "../../platform/api/errors";
import { isApiError } from "../../platform/api/errors";
import { attemptFor, type RandomBytes } from "../../shared/idempotencyKey";
import type { JobOutcome, PollSchedule } from "../../shared/jobPolling";
import { batch } from "@preact/signals";
import type { FollowUpDraft, PendingJob } from "./rules/followUpDraft";
import { buildFollowUpPayload } from "./rules/followUpPayload";
import type { FollowUpMode, FollowUpSource, Id } from "./rules/followUpTypes";
import { sendCreate, watchJob, type FollowUpCreateDeps } from "./followUpCreate";
import { followUpErrorIssues } from "./followUpErrorIssues";
import type { FollowUpState } from "./followUpState";

/** What the submission needs from the model. */
export interface FollowUpSubmissionOptions {
	state: FollowUpState;
	getDraft(): FollowUpDraft;
	patchDraft(change: (d: FollowUpDraft) => FollowUpDraft): void;
	deps: FollowUpCreateDeps;
	now(): number;
	/** Called with the created ticket (or `null` when a job did not name it). */
	finish(ticketId: Id | null, mode: FollowUpMode): void;
	linkedNote(sourceId: Id): string;
	randomBytes?: RandomBytes;
	schedule?: PollSchedule;
}

/** Message per way a background job can end badly (total). */
const JOB_FAILURE_CODES: Record<"failed" | "killed" | "missing", string> = {
	failed: "followUp.job.failed",
	killed: "followUp.job.killed",
	missing: "followUp.job.missing",
};

/** Builds `create` (send a draft), `watch` (follow a queued job, also one resumed after a reload) and `fail`. */
export function createFollowUpSubmission(options: FollowUpSubmissionOptions) {
	const { state, getDraft, patchDraft, deps: createDeps, now, finish } = options;
	const { phase, serverIssues } = state;

	function fail(caught: ApiError): void {
		const d = getDraft();
		batch(() => {
			phase.value = "failed";
			state.error.value = caught;
			serverIssues.value = followUpErrorIssues(caught, d);
		});
		if (caught.code === "IdempotentRequestError") patchDraft(x => ({ ...x, attempt: null }));
	}

	async function watch(pending: PendingJob, mode: FollowUpMode, startedAt: number): Promise<void> {
		phase.value = "queued";
		try {
			const onProgress = (outcome: JobOutcome) => {
				state.job.value = outcome;
				if (outcome.phase === "working") phase.value = "working";
			};
			const result = await watchJob(createDeps, pending.jobId, startedAt, onProgress, options.schedule);
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
			const result = await sendCreate(createDeps, request.body.ticket, {
				async: d.createAsync,
				idempotencyKey: attempt.key,
				// A key already in the stored draft may have reached Zendesk before a reload: look first.
				maybeSent: d.attempt?.key === attempt.key,
			});
			if (result.kind === "created") return finish(result.ticket.id, request.mode);
			const pendingJob: PendingJob = { jobId: result.jobStatus.id, ticketId: result.ticketId, queuedAt: now() };
			patchDraft(x => ({ ...x, pendingJob }));
			state.job.value = { phase: "queued", done: result.jobStatus.progress, total: result.jobStatus.total };
			await watch(pendingJob, request.mode, pendingJob.queuedAt);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			fail(caught);
		}
	}

	return { create, watch, fail };
}
