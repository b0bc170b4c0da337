/**
 * Follows one background job (`GET job_statuses/{id}`) to its end for the async follow-up and bulk
 * updates: polls with backoff (`shared/jobPolling.ts`), tolerates a few 404s while the job appears,
 * waits out 429s and rides over transient failures. Rejects only for a final ApiError.
 */
import type { ZendeskApi } from "../platform/api/client";
import { isApiError } from "../platform/api/errors";
import type { JobStatus } from "../platform/api/types";
import { DEFAULT_POLL_SCHEDULE, MAX_JOB_NOT_FOUND, nextPollDelay, type PollSchedule } from "../shared/jobPolling";

/** What polling needs: the API, time, and whether the panel still wants the answer. */
interface PollJobDeps {
	api: Pick<ZendeskApi, "getJobStatus">;
	sleep(ms: number): Promise<void>;
	now(): number;
	alive(): boolean;
}

/** How polling ended. `stopped`: the panel went away (whoever stored the job id can resume). */
type PollJobResult =
	{ kind: "ended"; job: JobStatus } | { kind: "missing" } | { kind: "timed_out" } | { kind: "stopped" };

const ENDED: ReadonlySet<string> = new Set(["completed", "failed", "killed"]);
const TRANSIENT: ReadonlySet<string> = new Set(["server", "network", "timeout", "db_conflict"]);

/** Polls until the job is completed, failed or killed, or `schedule.maxDurationMs` after `queuedAt`. */
export async function pollJob(
	deps: PollJobDeps,
	jobId: string,
	queuedAt: number,
	onStatus: (job: JobStatus) => void,
	schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
): Promise<PollJobResult> {
	let notFound = 0;
	let retryAfter: number | undefined;
	for (let attempt = 0; ; attempt++) {
		const delay = nextPollDelay(attempt, schedule, retryAfter);
		retryAfter = undefined;
		if (deps.now() - queuedAt + delay > schedule.maxDurationMs) return { kind: "timed_out" };
		await deps.sleep(delay);
		if (!deps.alive()) return { kind: "stopped" };
		try {
			const job = await deps.api.getJobStatus(jobId);
			onStatus(job);
			if (ENDED.has(job.status)) return { kind: "ended", job };
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (caught.kind === "not_found") {
				if (++notFound > MAX_JOB_NOT_FOUND) return { kind: "missing" };
			} else if (caught.kind === "rate_limited") {
				retryAfter = caught.retryAfterSeconds;
			} else if (!TRANSIENT.has(caught.kind)) {
				throw caught;
			}
		}
	}
}
