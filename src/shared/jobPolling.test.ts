import { describe, expect, it } from "vitest";
import type { JobOutcome, JobStatusView } from "./jobPolling";
import { DEFAULT_POLL_SCHEDULE, interpretJob, nextPollDelay } from "./jobPolling";

describe("nextPollDelay", () => {
	const cases: Array<[attempt: number, delay: number]> = [
		[0, 1000],
		[1, 1500],
		[2, 2250],
		[3, 3375],
		[5, 7594],
		[6, 10_000],
		[50, 10_000],
		[-3, 1000],
	];
	it.each(cases)("waits after poll %d for %d ms", (attempt, delay) => {
		expect(nextPollDelay(attempt, DEFAULT_POLL_SCHEDULE)).toBe(delay);
	});

	it("never polls faster than once a second, whatever the schedule says", () => {
		expect(nextPollDelay(0, { ...DEFAULT_POLL_SCHEDULE, firstDelayMs: 100 })).toBe(1000);
	});

	it("waits at least as long as Retry-After asks", () => {
		expect(nextPollDelay(0, DEFAULT_POLL_SCHEDULE, 30)).toBe(30_000);
		expect(nextPollDelay(6, DEFAULT_POLL_SCHEDULE, 2)).toBe(10_000);
	});

	it("keeps growing until the cap", () => {
		const delays = Array.from({ length: 10 }, (_, i) => nextPollDelay(i, DEFAULT_POLL_SCHEDULE));
		for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
		expect(Math.max(...delays)).toBe(DEFAULT_POLL_SCHEDULE.maxDelayMs);
	});
});

describe("interpretJob", () => {
	const job = (overrides: Partial<JobStatusView>): JobStatusView => ({
		status: "queued",
		progress: null,
		total: null,
		message: null,
		results: null,
		...overrides,
	});
	const cases: Array<[name: string, view: JobStatusView, outcome: JobOutcome]> = [
		["a queued job", job({ total: 1 }), { phase: "queued", done: null, total: 1 }],
		["a working job", job({ status: "working", progress: 0, total: 1 }), { phase: "working", done: 0, total: 1 }],
		["an unknown status", job({ status: "paused" }), { phase: "working", done: null, total: null }],
		[
			"a completed create",
			job({ status: "completed", progress: 1, total: 1, results: [{ id: 245, index: 0, status: "Created" }] }),
			{ phase: "completed", ticketId: 245 },
		],
		[
			"a completed job without results",
			job({ status: "completed", results: null }),
			{ phase: "completed", ticketId: null },
		],
		[
			"a completed job whose item failed",
			job({
				status: "completed",
				results: [{ index: 0, success: false, error: "RecordInvalid", details: "Requester: Email is invalid" }],
			}),
			{ phase: "failed", error: "RecordInvalid", details: "Requester: Email is invalid" },
		],
		[
			"a failed job",
			job({ status: "failed", message: "Internal error" }),
			{ phase: "failed", error: null, details: "Internal error" },
		],
		["a killed job", job({ status: "killed", message: "" }), { phase: "killed", error: null, details: null }],
		[
			"results given as an object",
			job({ status: "completed", results: { success: true } }),
			{ phase: "completed", ticketId: null },
		],
		["junk results", job({ status: "completed", results: [null, 3] }), { phase: "completed", ticketId: null }],
	];
	it.each(cases)("reads %s", (_name, view, outcome) => {
		expect(interpretJob(view)).toEqual(outcome);
	});
});
