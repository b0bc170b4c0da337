/**
 * Background jobs (job_statuses, §6.3 [V REF-JOBS]): a job moves queued → working → completed (or
 * failed) on the emulator's clock, one item per step, so progress is visible while polling.
 * Knows no HTTP.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../db/clock";
import type { JobRecord, UserRecord } from "../db/records";
import { fail, isStaff, ok, type Result, type ServiceContext } from "./serviceTypes";

/** "At most 30 queued or running jobs per account" [V REF-RL]. */
export const MAX_JOBS_IN_FLIGHT = 30;
/** "Job data is kept for one day" [V]. */
export const JOB_TTL_MS = 24 * 60 * 60 * 1000;

/** One unit of a job's work: returns its result entry; `fatal` ends the job as `failed`. */
export type JobStep = () => { result: Record<string, unknown>; fatal?: boolean; message?: string };

/** Runs jobs on a clock; `cancelAll` stops every pending timer (reset, dispose). */
export interface JobRunner {
	/** Runs `steps` in the background; with `fail`, the job goes queued → working → failed without doing any work. */
	start(job: JobRecord, steps: JobStep[], options?: { fail?: boolean }): void;
	cancelAll(): void;
	/** Runs every pending step now, without waiting for timers (tests, `POST /__sandbox/jobs/flush`). */
	flush(): void;
	/** Number of jobs with pending timers. */
	active(): number;
}

const rubyTime = (ms: number) =>
	new Date(ms)
		.toISOString()
		.replace("T", " ")
		.replace(/\.\d{3}Z$/, " +0000");

/** A runner whose step delay is read at each step (so `jobStepMs` can change while jobs run). */
export function createJobRunner(clock: Clock, stepMs: () => number, notify: (job: JobRecord) => void): JobRunner {
	const timers = new Map<string, { handle: unknown; fn: () => void }>();
	const schedule = (job: JobRecord, fn: () => void) => {
		const handle = clock.setTimeout(() => {
			timers.delete(job.id);
			fn();
		}, stepMs());
		timers.set(job.id, { handle, fn });
	};
	return {
		start(job, steps, options = {}) {
			let index = 0;
			// Zendesk shows `results: null` until the job ends (captured zp-job-queued, zp-job-working).
			const collected: NonNullable<JobRecord["results"]> = [];
			const finish = (status: JobRecord["status"], message: string) => {
				job.status = status;
				job.message = message;
				job.results = collected;
				notify(job);
			};
			const next = () => {
				const step = steps[index];
				if (options.fail) return finish("failed", "Injected failure (sandbox failNextJobs)");
				if (!step) return finish("completed", `Completed at ${rubyTime(clock.now())}`);
				const outcome = step();
				index += 1;
				collected.push(outcome.result);
				job.progress = index;
				if (outcome.fatal) return finish("failed", outcome.message ?? "Job failed");
				// The last item completes the job at once; otherwise wait one step for the next item.
				if (index >= steps.length) return finish("completed", `Completed at ${rubyTime(clock.now())}`);
				notify(job);
				schedule(job, next);
			};
			schedule(job, () => {
				job.status = "working";
				job.progress = 0;
				notify(job);
				schedule(job, next);
			});
		},
		cancelAll() {
			for (const timer of timers.values()) clock.clearTimeout(timer.handle);
			timers.clear();
		},
		flush() {
			for (let guard = 0; guard < 100_000 && timers.size > 0; guard++) {
				const [id, timer] = timers.entries().next().value as [string, { handle: unknown; fn: () => void }];
				clock.clearTimeout(timer.handle);
				timers.delete(id);
				timer.fn();
			}
		},
		active: () => timers.size,
	};
}

/** A new queued job ("status queued, progress/results null" as in zenpy#558 [F]), or TooManyJobs. */
export function queueJob(ctx: ServiceContext, owner: UserRecord, jobType: string, total: number): Result<JobRecord> {
	const inFlight = ctx.db.jobs.filter(j => j.status === "queued" || j.status === "working").length;
	if (inFlight >= MAX_JOBS_IN_FLIGHT) {
		return fail({
			kind: "bad_request",
			error: "TooManyJobs",
			description: `Only ${MAX_JOBS_IN_FLIGHT} jobs can be queued or running at the same time`,
		});
	}
	const job: JobRecord = {
		id: `V3-${randomBytes(16).toString("hex")}`,
		job_type: jobType,
		status: "queued",
		total,
		progress: null,
		message: null,
		results: null,
		created_ms: ctx.clock.now(),
		owner_id: owner.id,
	};
	ctx.db.jobs.push(job);
	return ok(job);
}

/** `GET /job_statuses/{id}`: agents; jobs older than a day are gone. */
export function showJob(ctx: ServiceContext, actor: UserRecord, id: string): Result<JobRecord> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const job = ctx.db.jobs.find(j => j.id === id && ctx.clock.now() - j.created_ms < JOB_TTL_MS);
	return job ? ok(job) : fail({ kind: "not_found" });
}

/** `GET /job_statuses/show_many?ids=` and `GET /job_statuses` (newest first when listing). */
export function listJobs(ctx: ServiceContext, actor: UserRecord, ids?: string[]): Result<JobRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const live = ctx.db.jobs.filter(j => ctx.clock.now() - j.created_ms < JOB_TTL_MS);
	return ok(ids ? ids.flatMap(id => live.find(j => j.id === id) ?? []) : [...live].reverse().slice(0, 100));
}
