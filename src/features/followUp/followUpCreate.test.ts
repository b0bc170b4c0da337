import { describe, expect, it } from "vitest";
import { ApiError } from "../../platform/api/errors";
import type { JobStatus, Ticket } from "../../platform/api/types";
import type { JobOutcome } from "../../shared/jobPolling";
import { ASYNC_LOOKUP_WAITS_MS, createMarker, sendCreate, watchJob, type FollowUpCreateDeps } from "./followUpCreate";

type Answer = Partial<JobStatus> | ApiError;

/** A job endpoint that plays back answers in order (the last one repeats), on a fake clock. */
function setup(answers: Answer[]) {
	let time = 0;
	const sleeps: number[] = [];
	let polls = 0;
	const deps: FollowUpCreateDeps = {
		api: {
			createTicket: () => Promise.reject(new Error("not used")),
			getJobStatus: async id => {
				const answer = answers[Math.min(polls++, answers.length - 1)];
				if (answer instanceof ApiError) throw answer;
				return { id, status: "queued", total: 1, progress: 0, message: null, results: [], ...answer };
			},
			findTicketsByExternalId: () => Promise.reject(new Error("not used")),
		},
		sleep: async ms => {
			sleeps.push(ms);
			time += ms;
		},
		now: () => time,
		alive: () => true,
		onWaiting: () => undefined,
	};
	const seen: JobOutcome[] = [];
	return { deps, sleeps, seen, polls: () => polls, onProgress: (o: JobOutcome) => seen.push(o) };
}

const notFound = () => new ApiError({ kind: "not_found", message: "404", status: 404 });
const done = {
	status: "completed" as const,
	progress: 1,
	results: [{ id: 77, index: 0, action: "create", success: true, status: "Created", error: null, details: null }],
};

describe("watchJob", () => {
	it("tolerates a few 404s while a new job appears", async () => {
		const { deps, onProgress } = setup([notFound(), notFound(), notFound(), done]);
		expect(await watchJob(deps, "j1", 0, onProgress)).toEqual({ kind: "completed", ticketId: 77 });
	});

	it("gives up when the job stays unknown", async () => {
		const { deps, onProgress, polls } = setup([notFound()]);
		expect(await watchJob(deps, "j1", 0, onProgress)).toEqual({
			kind: "failed",
			phase: "missing",
			error: null,
			details: null,
		});
		expect(polls()).toBe(4);
	});

	it("waits as long as a 429 asks before polling again", async () => {
		const { deps, onProgress, sleeps } = setup([
			new ApiError({ kind: "rate_limited", message: "429", retryAfterSeconds: 20 }),
			done,
		]);
		await watchJob(deps, "j1", 0, onProgress);
		expect(sleeps).toEqual([1000, 20_000]);
	});

	it("rides over server errors and reports progress", async () => {
		const { deps, onProgress, seen } = setup([
			{ status: "working", progress: 0 },
			new ApiError({ kind: "server", message: "503", status: 503 }),
			done,
		]);
		expect((await watchJob(deps, "j1", 0, onProgress)).kind).toBe("completed");
		expect(seen.map(o => o.phase)).toEqual(["working", "completed"]);
	});

	it("stops on a final error such as 403", async () => {
		const { deps, onProgress } = setup([new ApiError({ kind: "forbidden", message: "403", status: 403 })]);
		await expect(watchJob(deps, "j1", 0, onProgress)).rejects.toMatchObject({ kind: "forbidden" });
	});

	it("reports a killed job with Zendesk's message", async () => {
		const { deps, onProgress } = setup([{ status: "killed", message: "Killed by admin" }]);
		expect(await watchJob(deps, "j1", 0, onProgress)).toEqual({
			kind: "failed",
			phase: "killed",
			error: null,
			details: "Killed by admin",
		});
	});

	it("times out after the schedule's maximum duration without failing the job", async () => {
		const { deps, onProgress, sleeps } = setup([{ status: "working" }]);
		const schedule = { firstDelayMs: 1000, factor: 2, maxDelayMs: 4000, maxDurationMs: 10_000 };
		expect(await watchJob(deps, "j1", 0, onProgress, schedule)).toEqual({ kind: "timed_out" });
		expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
	});

	it("stops quietly when the panel goes away", async () => {
		const { deps, onProgress } = setup([{ status: "working" }]);
		expect(await watchJob({ ...deps, alive: () => false }, "j1", 0, onProgress)).toEqual({ kind: "stopped" });
	});
});

describe("sendCreate when Zendesk may have ignored the Idempotency-Key", () => {
	/** A ticket store with real state; `lost` answers are processed but reach the app as timeouts. */
	function setupCreate(faults: Array<"lost" | "rate_limited" | "lookup_down">) {
		const tickets: Array<{ id: number; external_id: string | null | undefined }> = [];
		const calls: string[] = [];
		const timeout = () => new ApiError({ kind: "timeout", message: "timeout" });
		const deps: FollowUpCreateDeps = {
			api: {
				createTicket: async input => {
					calls.push("POST");
					const fault = faults[0] === "lookup_down" ? undefined : faults.shift();
					if (fault === "rate_limited")
						throw new ApiError({ kind: "rate_limited", message: "429", status: 429, retryAfterSeconds: 1 });
					tickets.push({ id: 100 + tickets.length, external_id: input.external_id });
					if (fault === "lost") throw timeout();
					return { kind: "created", replayed: false, ticket: { id: 100 + tickets.length - 1 } as Ticket, audit: null };
				},
				getJobStatus: () => Promise.reject(new Error("not used")),
				findTicketsByExternalId: async marker => {
					calls.push("GET");
					if (faults[0] === "lookup_down") {
						faults.shift();
						throw timeout();
					}
					return tickets.filter(t => t.external_id === marker).map(t => ({ id: t.id }) as Ticket);
				},
			},
			sleep: async () => undefined,
			now: () => 0,
			alive: () => true,
			onWaiting: () => undefined,
		};
		return { deps, tickets, calls };
	}
	const body = { comment: { body: "x" } };

	it("returns the ticket the lost attempt made, found by its marker, instead of sending again", async () => {
		const { deps, tickets, calls } = setupCreate(["lost"]);
		const result = await sendCreate(deps, body, { async: false, idempotencyKey: "followup-1" });
		expect(result).toMatchObject({ kind: "created", replayed: true, ticket: { id: 100 } });
		expect(tickets).toEqual([{ id: 100, external_id: createMarker("followup-1") }]);
		expect(calls).toEqual(["POST", "GET"]);
	});

	it("retries a failed lookup before it sends anything again", async () => {
		const { deps, tickets, calls } = setupCreate(["lost", "lookup_down"]);
		await sendCreate(deps, body, { async: false, idempotencyKey: "followup-2" });
		expect(tickets).toHaveLength(1);
		expect(calls).toEqual(["POST", "GET", "GET"]);
	});

	it("does not look up after a 429, which Zendesk did not process", async () => {
		const { deps, tickets, calls } = setupCreate(["rate_limited"]);
		await sendCreate(deps, body, { async: false, idempotencyKey: "followup-3" });
		expect(calls).toEqual(["POST", "POST"]);
		expect(tickets).toHaveLength(1);
	});

	it("looks first when an earlier session may have sent the key", async () => {
		const { deps, calls } = setupCreate([]);
		await sendCreate(deps, body, { async: false, idempotencyKey: "followup-4", maybeSent: true });
		expect(calls).toEqual(["GET", "POST"]);
	});

	it("keeps looking for an async create's ticket while its job may still make it, and never sends twice", async () => {
		// The POST was queued but its answer lost; the job makes the ticket only after a few seconds.
		const tickets: Array<{ id: number; external_id: string | null | undefined }> = [];
		const calls: string[] = [];
		let clock = 0;
		let queued: { at: number; external_id: string | null | undefined } | null = null;
		const land = () => {
			if (queued && clock >= queued.at) {
				tickets.push({ id: 200, external_id: queued.external_id });
				queued = null;
			}
		};
		const waits: number[] = [];
		const deps: FollowUpCreateDeps = {
			api: {
				createTicket: async input => {
					calls.push("POST");
					if (calls.length === 1) {
						queued = { at: clock + 5_000, external_id: input.external_id };
						throw new ApiError({ kind: "timeout", message: "timeout" });
					}
					throw new Error("a second POST: the job's ticket would be made twice");
				},
				getJobStatus: () => Promise.reject(new Error("not used")),
				findTicketsByExternalId: async marker => {
					calls.push("GET");
					land();
					return tickets.filter(t => t.external_id === marker).map(t => ({ id: t.id }) as Ticket);
				},
			},
			sleep: async ms => {
				waits.push(ms);
				clock += ms;
			},
			now: () => clock,
			alive: () => true,
			onWaiting: () => undefined,
			random: () => 0,
		};
		const result = await sendCreate(deps, body, { async: true, idempotencyKey: "followup-6" });
		expect(result).toMatchObject({ kind: "created", replayed: true, ticket: { id: 200 } });
		expect(calls.filter(c => c === "POST")).toHaveLength(1);
		expect(tickets).toHaveLength(1);
		// The backoff before the retry, then lookups until the job's ticket showed up.
		expect(waits.slice(1)).toEqual(ASYNC_LOOKUP_WAITS_MS.slice(0, waits.length - 1));
	});
});
