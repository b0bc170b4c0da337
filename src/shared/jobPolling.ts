/** Polling `GET /api/v2/job_statuses/{id}`: when to ask again or give up, what a status means. No timers, no requests. */
import { isRecord } from "./isRecord";

/** The polling schedule: ≥ 1 s between polls (§6.3 etiquette), growing by `factor`, capped, bounded overall. */
export interface PollSchedule {
	firstDelayMs: number;
	factor: number;
	maxDelayMs: number;
	maxDurationMs: number;
}

/** Defaults: 1 s, 1.5 s, 2.25 s … up to 10 s, for at most 3 minutes. */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = {
	firstDelayMs: 1000,
	factor: 1.5,
	maxDelayMs: 10_000,
	maxDurationMs: 180_000,
};

/** How many 404s we tolerate while a fresh job becomes visible (node-zendesk's `watch` does the same). */
export const MAX_JOB_NOT_FOUND = 3;

/** Delay before poll number `attempt` (0-based): at least 1 s, and at least `retryAfterSeconds` when asked. */
export function nextPollDelay(attempt: number, schedule: PollSchedule, retryAfterSeconds?: number): number {
	const grown = schedule.firstDelayMs * Math.pow(schedule.factor, attempt);
	const delay = Math.max(1000, Math.min(schedule.maxDelayMs, grown));
	const asked = retryAfterSeconds !== undefined && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
	return Math.round(Math.max(delay, asked));
}

/** A job status as the model passes it in (camelCase, values as Zendesk sent them). */
export interface JobStatusView {
	status: string;
	progress: number | null;
	total: number | null;
	message: string | null;
	/** Zendesk's `results`: an array of per-item results, an object, or `null` while queued. */
	results: unknown;
}

/** What a job status means for one async ticket create. */
export type JobOutcome =
	| { phase: "queued" | "working"; done: number | null; total: number | null }
	| { phase: "completed"; ticketId: number | null }
	| { phase: "failed" | "killed"; error: string | null; details: string | null };

/** What a job status means: `completed` with `success: false` or an `error` is a failure; unknown is working. */
export function interpretJob(job: JobStatusView): JobOutcome {
	const first = Array.isArray(job.results) ? (job.results[0] as unknown) : undefined;
	const item = isRecord(first) ? first : undefined;
	const itemError = item !== undefined && (item.success === false || typeof item.error === "string");
	const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
	const failure = { error: text(item?.error), details: text(item?.details) ?? text(job.message) };
	switch (job.status) {
		case "queued":
			return { phase: "queued", done: job.progress, total: job.total };
		case "completed":
			if (itemError) return { phase: "failed", ...failure };
			return { phase: "completed", ticketId: typeof item?.id === "number" ? item.id : null };
		case "failed":
		case "killed":
			return { phase: job.status, ...failure };
		default:
			return { phase: "working", done: job.progress, total: job.total };
	}
}
