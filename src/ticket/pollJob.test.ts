import { describe, expect, it } from "vitest";
import type { JobStatus } from "../platform/api/types";
import { DEFAULT_POLL_SCHEDULE } from "../shared/jobPolling";
import { pollJob } from "./pollJob";

/** A poller whose clock starts `elapsedMs` after the job was queued and moves only when it sleeps. */
function poller(elapsedMs: number) {
	let now = elapsedMs;
	const polls: string[] = [];
	const deps = {
		api: {
			getJobStatus: (id: string) => {
				polls.push(id);
				return Promise.resolve({ status: "completed" } as JobStatus);
			},
		},
		sleep: (ms: number) => {
			now += ms;
			return Promise.resolve();
		},
		now: () => now,
		alive: () => true,
	};
	return { deps, polls };
}

describe("pollJob's deadline", () => {
	it("polls when the poll ends before the maximum duration", async () => {
		const { deps, polls } = poller(DEFAULT_POLL_SCHEDULE.maxDurationMs - 10_000);
		expect((await pollJob(deps, "j1", 0, () => undefined)).kind).toBe("ended");
		expect(polls).toEqual(["j1"]);
	});

	it("stops once the next poll would end after it", async () => {
		const { deps, polls } = poller(DEFAULT_POLL_SCHEDULE.maxDurationMs - 500);
		expect(await pollJob(deps, "j1", 0, () => undefined)).toEqual({ kind: "timed_out" });
		expect(polls).toEqual([]);
	});
});
