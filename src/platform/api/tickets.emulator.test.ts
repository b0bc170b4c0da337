import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createManualClock } from "../../../sandbox/emulator/db/clock";
import { createReplayEmulator } from "../../../sandbox/emulator/realResponses/createReplayEmulator";
import { loadRealResponses } from "../../../sandbox/emulator/realResponses/loadRealResponses";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi, type TicketUpdateItem } from "./client";
import { ApiError } from "./errors";

/**
 * The related-ticket lists, show_many and update_many of the API client against the emulator
 * (default world: problem 14 has the incidents 11, 12 and 15; see sandbox/emulator/worlds/default.ts),
 * through the relay, the fake SDK client and the real adapter. Jobs run when the test flushes them.
 */
const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) dispose();
});

function setup(userEmail = "agent@example.com") {
	const emulator = createEmulator({ clock: createManualClock("2025-03-03T10:00:00Z"), settings: { jobStepMs: 100 } });
	const { port, client } = createInProcessPort({ emulator, userEmail, ticketId: 14 });
	disposers.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	const requests = () => emulator.controls.requests().filter(r => r.client === "app");
	return { emulator, api: createZendeskApi(port), requests };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe("related ticket lists", () => {
	it("lists the three incidents of problem 14 as normalized tickets", async () => {
		const { api } = setup();
		const incidents = await api.listIncidents(14);
		expect(incidents.map(t => t.id)).toEqual([11, 12, 15]);
		expect(incidents.every(t => t.problemId === 14 && t.type === "incident" && t.status === "open")).toBe(true);
		expect(await api.listIncidents(1)).toEqual([]);
	});

	it("follows cursor pages of a long incident list", async () => {
		const { emulator, api, requests } = setup();
		for (let i = 0; i < 130; i++) {
			const seed = structuredClone(emulator.db.tickets.find(t => t.id === 15)!);
			emulator.db.tickets.push({ ...seed, id: 1000 + i });
		}
		const incidents = await api.listIncidents(14);
		expect(incidents).toHaveLength(133);
		expect(requests()).toHaveLength(2);
		expect(new Set(incidents.map(t => t.id)).size).toBe(133);
	});

	it("lists the tickets a user requested and an organization's tickets, by id", async () => {
		const { emulator, api } = setup();
		expect((await api.listRequestedTickets(1101)).map(t => t.id)).toEqual([1, 8, 9]);
		const org = emulator.db.tickets.filter(t => t.organization_id === 9001).map(t => t.id);
		expect(org.length).toBeGreaterThan(0);
		expect((await api.listOrganizationTickets(9001)).map(t => t.id)).toEqual(org);
		expect(await api.listOrganizationTickets(9005)).toEqual([]);
	});

	it("turns an unknown problem, user or organization into kind not_found", async () => {
		const { api } = setup();
		expect((await failure(api.listIncidents(999))).kind).toBe("not_found");
		expect((await failure(api.listRequestedTickets(999))).kind).toBe("not_found");
		expect((await failure(api.listOrganizationTickets(999))).kind).toBe("not_found");
	});
});

describe("showManyTickets", () => {
	it("reads tickets in chunks of 100, skips unknown ids, and sends nothing without ids", async () => {
		const { api, requests } = setup();
		expect(await api.showManyTickets([])).toEqual([]);
		expect(requests()).toHaveLength(0);
		const ids = [14, 15, 14, 999, ...Array.from({ length: 120 }, (_, i) => 2000 + i)];
		const found = await api.showManyTickets(ids);
		expect(found.map(t => t.id)).toEqual([14, 15]);
		expect(requests().map(r => r.url.split("?")[0])).toEqual([
			"/api/v2/tickets/show_many.json",
			"/api/v2/tickets/show_many.json",
		]);
	});
});

describe("updateManyTickets", () => {
	it("queues a batch job and reads per-item results: success, stale stamp, closed ticket", async () => {
		const { emulator, api } = setup();
		const [eleven, twelve] = await api.showManyTickets([11, 12]);
		const items: TicketUpdateItem[] = [
			{
				id: 11,
				safe_update: true,
				updated_stamp: eleven!.updatedAt,
				additional_tags: ["eu_outage"],
				metadata: { source: "bulk" },
			},
			{ id: 12, safe_update: true, updated_stamp: "2000-01-01T00:00:00Z", additional_tags: ["eu_outage"] },
			{ id: 10, safe_update: true, updated_stamp: "2025-02-07T08:00:00Z", priority: "low" },
		];
		const queued = await api.updateManyTickets(items);
		expect(queued).toMatchObject({ status: "queued", total: 3, results: [] });
		emulator.controls.flushJobs();
		const done = await api.getJobStatus(queued.id);
		expect(done.status).toBe("completed");
		expect(done.results).toEqual([
			{ id: 11, index: null, action: "update", success: true, status: "Updated", error: null, details: null },
			{
				id: 12,
				index: 1,
				action: "update",
				success: false,
				status: null,
				error: "UpdateConflict",
				details:
					"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
			},
			expect.objectContaining({ id: 10, index: 2, success: false, error: "RecordInvalid" }),
		]);
		expect(done.results[2]?.details).toContain("closed prevents ticket update");
		const after = await api.showManyTickets([11, 12]);
		expect(after[0]?.tags).toEqual(expect.arrayContaining([...eleven!.tags, "eu_outage"]));
		expect(after[1]?.tags).toEqual(twelve!.tags);
	});

	it("rejects more than 100 items with a 400, queuing nothing", async () => {
		const { emulator, api } = setup();
		const items = Array.from({ length: 101 }, () => ({ id: 11, priority: "low" as const }));
		const error = await failure(api.updateManyTickets(items));
		expect(error.status).toBe(400);
		expect(emulator.db.jobs).toHaveLength(0);
	});
});

describe("update_many results as Zendesk recorded them", () => {
	function replay(id: string) {
		const capture = loadRealResponses().find(c => c.id === id);
		if (!capture) throw new Error(`no capture ${id}`);
		const { port, client } = createInProcessPort({ emulator: createReplayEmulator(capture), ticketId: 1 });
		disposers.push(() => client.close());
		return createZendeskApi(port);
	}

	it("reads a live update_many job: a success without index, failures without action and success", async () => {
		const job = await replay("zp-job-completed-mixed-errors").getJobStatus("V3-mixed");
		expect(job.results[0]).toEqual({
			id: 6164110654490,
			index: null,
			action: "update",
			success: true,
			status: "Updated",
			error: null,
			details: null,
		});
		expect(job.results[1]).toMatchObject({
			id: 6164110666394,
			index: 1,
			success: null,
			error: "OrganizationUpdateFailed",
		});
	});

	it("reads the guide's UpdateConflict item and a queued job's null results", async () => {
		const conflict = await replay("doc-job-update-conflict").getJobStatus("V3-doc");
		expect(conflict.results).toEqual([
			{
				id: 9999,
				index: 0,
				action: null,
				success: null,
				status: null,
				error: "UpdateConflict",
				details:
					"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
			},
		]);
		expect((await replay("zp-job-queued").getJobStatus("V3-queued")).results).toEqual([]);
	});
});
