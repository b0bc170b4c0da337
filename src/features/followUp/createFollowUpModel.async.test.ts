import { afterEach, describe, expect, it } from "vitest";
import type { FollowUpStatus } from "./followUpCreate";
import { createMemoryStorage } from "../../platform/storage/createDraftStore";
import { settle, setupFollowUp } from "../../testing/followUpTestSetup";

let world: ReturnType<typeof setupFollowUp>;
afterEach(() => world?.dispose());

async function ready(options: Parameters<typeof setupFollowUp>[0] = {}) {
	world = setupFollowUp(options);
	await world.model.load();
	world.model.start();
	world.model.edit(d => ({ ...d, comment: "Created in the background.", createAsync: true }));
	return world;
}

function track(status: { subscribe(fn: (v: FollowUpStatus) => void): () => void }) {
	const seen: FollowUpStatus[] = [];
	const stop = status.subscribe(v => {
		if (seen[seen.length - 1] !== v) seen.push(v);
	});
	return { seen, stop };
}

const jobPolls = () => world.emulator.controls.requests().filter(r => r.url.includes("/api/v2/job_statuses/"));

describe("createFollowUpModel in the background", () => {
	it("queues, polls the job and ends with the new follow-up", async () => {
		// Job steps of 2 s: the 1 s, 2.5 s, 4.75 s ... polls see it queued, then working, then completed.
		const { model, newTickets, emulator } = await ready({ settings: { jobStepMs: 2000 } });
		const { seen, stop } = track(model.status);
		await model.submit();
		stop();
		expect(seen).toEqual(["idle", "creating", "queued", "working", "created"]);
		const made = newTickets()[0];
		expect(made?.via.source).toMatchObject({ rel: "follow_up", from: { ticket_id: 7 } });
		expect(emulator.db.tickets.find(t => t.id === 7)?.followup_ids).toContain(made?.id);
		expect(model.created.value).toEqual({ ticketId: made?.id, mode: "followUp" });
		expect(jobPolls().length).toBeGreaterThan(1);
	});

	it("polls no faster than once a second, with growing waits", async () => {
		const { model, sleeps } = await ready({ settings: { jobStepMs: 4000 } });
		await model.submit();
		expect(model.status.value).toBe("created");
		expect(sleeps.length).toBeGreaterThan(2);
		expect(Math.min(...sleeps)).toBeGreaterThanOrEqual(1000);
		for (let i = 1; i < sleeps.length; i++) expect(sleeps[i]).toBeGreaterThanOrEqual(sleeps[i - 1] ?? 0);
	});

	it("reports a failed job clearly, keeps the draft and lets the agent try again", async () => {
		const { model, newTickets } = await ready({ settings: { failNextJobs: 1 } });
		await model.submit();
		expect(model.status.value).toBe("failed");
		expect(model.issues.value).toEqual([
			{ field: "form", code: "followUp.job.failed", vars: { details: "Injected failure (sandbox failNextJobs)" } },
		]);
		expect(model.draft.value).toMatchObject({ comment: "Created in the background.", pendingJob: null, attempt: null });
		expect(newTickets()).toHaveLength(0);
		await model.submit();
		expect(model.status.value).toBe("created");
		expect(newTickets()).toHaveLength(1);
	});

	it("says the job is still running when polling takes too long, and checks again without creating twice", async () => {
		const { model, emulator, newTickets } = await ready({
			settings: { jobStepMs: 10_000_000 },
			model: { schedule: { firstDelayMs: 1000, factor: 2, maxDelayMs: 4000, maxDurationMs: 10_000 } },
		});
		await model.submit();
		expect(model.status.value).toBe("failed");
		expect(model.issues.value.map(i => i.code)).toEqual(["followUp.job.timedOut"]);
		expect(model.draft.value?.pendingJob).not.toBeNull();
		emulator.controls.flushJobs();
		await model.submit();
		expect(model.status.value).toBe("created");
		expect(newTickets()).toHaveLength(1);
	});

	it("resumes watching a queued job after the panel is reloaded", async () => {
		const storage = createMemoryStorage();
		await ready({ storage, model: { sleep: () => new Promise<void>(() => undefined) } });
		void world.model.submit();
		await settle(10);
		expect(world.model.status.value).toBe("queued");
		const pending = world.model.draft.value?.pendingJob;
		expect(pending?.jobId).toBeTruthy();
		world.model.dispose();
		const second = world.make({ sleep: world.sleep });
		await second.load();
		expect(second.status.value).toBe("queued");
		for (let i = 0; i < 50 && second.status.value !== "created"; i++) await settle(2);
		expect(second.status.value).toBe("created");
		expect(second.created.value?.ticketId).toBe(world.newTickets()[0]?.id);
		expect(world.newTickets()).toHaveLength(1);
		second.dispose();
	});
});
