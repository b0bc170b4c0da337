import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const job = async (id: string) => (await h.call("GET", `/api/v2/job_statuses/${id}.json`)).json.job_status;

describe("async ticket creation", () => {
	it("answers 202 at once with the ticket id and a queued job, then completes in the background", async () => {
		const res = await h.call("POST", "/api/v2/tickets.json?async=true", {
			ticket: { subject: "Async", comment: { body: "x" } },
		});
		expect(res.status).toBe(202);
		expect(res.json.ticket).toEqual({ id: 16 });
		expect(res.json.job_status).toMatchObject({
			status: "queued",
			total: 1,
			progress: null,
			results: null,
			message: null,
		});
		expect(res.json.job_status.url).toBe(`http://emulator.test/api/v2/job_statuses/${res.json.job_status.id}.json`);
		expect((await h.call("GET", "/api/v2/tickets/16.json")).status).toBe(404);
		h.clock.advance(100);
		expect(await job(res.json.job_status.id)).toMatchObject({ status: "working", progress: 0 });
		h.clock.advance(100);
		const done = await job(res.json.job_status.id);
		expect(done.status).toBe("completed");
		expect(done.results).toEqual([{ id: 16, index: 0, action: "create", success: true, status: "Created" }]);
		expect((await h.call("GET", "/api/v2/tickets/16.json")).json.ticket.subject).toBe("Async");
	});

	it("fails the job when the ticket is invalid and skips the id", async () => {
		const res = await h.call("POST", "/api/v2/tickets.json?async=true", { ticket: { subject: "No comment" } });
		expect(res.status).toBe(202);
		h.emulator.controls.flushJobs();
		const failed = await job(res.json.job_status.id);
		expect(failed.status).toBe("failed");
		expect(failed.results[0]).toMatchObject({ success: false, error: "RecordInvalid" });
		const next = await h.call("POST", "/api/v2/tickets.json", { ticket: { comment: { body: "x" } } });
		expect(next.json.ticket.id).toBe(res.json.ticket.id + 1);
	});

	it("fails the next job on demand (failNextJobs)", async () => {
		h.emulator.controls.updateSettings({ failNextJobs: 1 });
		const res = await h.call("POST", "/api/v2/tickets.json?async=true", { ticket: { comment: { body: "x" } } });
		h.emulator.controls.flushJobs();
		expect((await job(res.json.job_status.id)).status).toBe("failed");
		expect((await h.call("GET", `/api/v2/tickets/${res.json.ticket.id}.json`)).status).toBe(404);
	});

	it("moves faster or slower with jobStepMs", async () => {
		h.emulator.controls.updateSettings({ jobStepMs: 5000 });
		const res = await h.call("POST", "/api/v2/tickets.json?async=true", { ticket: { comment: { body: "x" } } });
		h.clock.advance(4999);
		expect((await job(res.json.job_status.id)).status).toBe("queued");
		h.clock.advance(10_001);
		expect((await job(res.json.job_status.id)).status).toBe("completed");
	});
});

describe("create_many", () => {
	it("creates each ticket and reports failures per item inside a completed job", async () => {
		const res = await h.call("POST", "/api/v2/tickets/create_many.json", {
			tickets: [{ comment: { body: "a" } }, { subject: "bad" }, { comment: { body: "c" } }],
		});
		expect(res.status).toBe(200);
		h.clock.advance(200);
		expect(await job(res.json.job_status.id)).toMatchObject({ status: "working", progress: 1 });
		h.emulator.controls.flushJobs();
		const done = await job(res.json.job_status.id);
		expect(done).toMatchObject({ status: "completed", total: 3, progress: 3 });
		expect(done.results).toEqual([
			{ id: 16, index: 0, action: "create", success: true, status: "Created" },
			{
				id: null,
				index: 1,
				action: "create",
				success: false,
				error: "RecordInvalid",
				details: "Description: cannot be blank",
			},
			{ id: 17, index: 2, action: "create", success: true, status: "Created" },
		]);
	});

	it("refuses more than 100 tickets", async () => {
		const tickets = Array.from({ length: 101 }, () => ({ comment: { body: "x" } }));
		expect((await h.call("POST", "/api/v2/tickets/create_many.json", { tickets })).status).toBe(400);
	});
});

describe("update_many", () => {
	it("applies one change to many tickets with ?ids=", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json?ids=1,2", { ticket: { priority: "low" } });
		h.emulator.controls.flushJobs();
		const done = await job(res.json.job_status.id);
		expect(done.results).toEqual([
			{ id: 1, action: "update", success: true, status: "Updated" },
			{ id: 2, action: "update", success: true, status: "Updated" },
		]);
		expect(h.emulator.db.tickets.filter(t => t.id <= 2).map(t => t.priority)).toEqual(["low", "low"]);
	});

	it("reports UpdateConflict per item for stale stamps in a batch", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{ id: 1, priority: "low", safe_update: true, updated_stamp: "2025-01-06T09:40:00Z" },
				{ id: 2, priority: "low", safe_update: true, updated_stamp: "2020-01-01T00:00:00Z" },
				{ id: 4, priority: "low", safe_update: true },
				{ id: 7, priority: "low" },
			],
		});
		h.emulator.controls.flushJobs();
		const done = await job(res.json.job_status.id);
		expect(done.results[0]).toEqual({ id: 1, action: "update", success: true, status: "Updated" });
		expect(done.results[1]).toEqual({
			index: 1,
			id: 2,
			action: "update",
			success: false,
			error: "UpdateConflict",
			details:
				"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
		});
		expect(done.results[2]).toMatchObject({ id: 4, success: false, error: "RecordInvalid" });
		expect(done.results[3]).toMatchObject({
			id: 7,
			success: false,
			error: "RecordInvalid",
			details: "Status: closed prevents ticket update",
		});
		expect(h.emulator.db.tickets.find(t => t.id === 2)?.priority).toBe("normal");
	});

	it("conflicts when a ticket changed after the bulk job was queued", async () => {
		h.emulator.controls.updateSettings({ jobStepMs: 5000 });
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json?ids=1", { ticket: { priority: "low" } });
		h.clock.advance(1000);
		h.emulator.controls.actAs({ ticketId: 1, changes: { subject: "Changed meanwhile" } });
		h.emulator.controls.flushJobs();
		expect((await job(res.json.job_status.id)).results[0]).toMatchObject({
			id: 1,
			success: false,
			error: "UpdateConflict",
		});
	});
});

describe("job statuses", () => {
	it("lists jobs with show_many and forgets them after a day", async () => {
		const a = await h.call("POST", "/api/v2/tickets/create_many.json", { tickets: [{ comment: { body: "a" } }] });
		const ids = [a.json.job_status.id, "unknown"].join(",");
		expect((await h.call("GET", `/api/v2/job_statuses/show_many.json?ids=${ids}`)).json.job_statuses).toHaveLength(1);
		h.clock.advance(24 * 60 * 60 * 1000);
		expect((await h.call("GET", `/api/v2/job_statuses/${a.json.job_status.id}.json`)).status).toBe(404);
	});
});

describe("job limit", () => {
	it("answers 429 TooManyJobs with 30 jobs queued or running", async () => {
		h.emulator.controls.updateSettings({ jobStepMs: 60_000 });
		for (let i = 0; i < 30; i++)
			expect(
				(await h.call("POST", "/api/v2/tickets.json?async=true", { ticket: { comment: { body: `n${i}` } } })).status,
			).toBe(202);
		const refused = await h.call("POST", "/api/v2/tickets/create_many.json", { tickets: [{ comment: { body: "x" } }] });
		expect(refused.status).toBe(429);
		expect(refused.json.error).toBe("TooManyJobs");
		h.emulator.controls.flushJobs();
		expect(
			(await h.call("POST", "/api/v2/tickets/create_many.json", { tickets: [{ comment: { body: "x" } }] })).status,
		).toBe(200);
	});
});

describe("update_many batch items (issue 14: bulk safe updates)", () => {
	const stamp = (id: number) => h.emulator.db.tickets.find(t => t.id === id)!.updated_at;
	const ticket = (id: number) => h.emulator.db.tickets.find(t => t.id === id)!;
	const audits = (id: number) => h.emulator.db.audits.filter(a => a.ticket_id === id);

	it("keeps results null while queued and working, then reports every item", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{ id: 11, safe_update: true, updated_stamp: stamp(11), priority: "high" },
				{ id: 12, safe_update: true, updated_stamp: stamp(12), priority: "high" },
			],
		});
		expect(res.json.job_status).toMatchObject({ status: "queued", total: 2, results: null });
		h.clock.advance(100);
		expect(await job(res.json.job_status.id)).toMatchObject({ status: "working", results: null });
		h.clock.advance(100);
		expect(await job(res.json.job_status.id)).toMatchObject({ status: "working", progress: 1, results: null });
		h.emulator.controls.flushJobs();
		expect((await job(res.json.job_status.id)).results).toEqual([
			{ id: 11, action: "update", status: "Updated", success: true },
			{ id: 12, action: "update", status: "Updated", success: true },
		]);
	});

	it("compares each item's own updated_stamp and applies nothing of a stale item", async () => {
		const before = structuredClone(ticket(12));
		const auditCount = audits(12).length;
		const users = h.emulator.db.users.length;
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{ id: 11, safe_update: true, updated_stamp: stamp(11), additional_tags: ["eu_outage"] },
				{
					id: 12,
					safe_update: true,
					updated_stamp: "2025-02-12T09:00:00Z",
					additional_tags: ["eu_outage"],
					comment: { body: "Linked to the outage", public: false },
					email_ccs: [{ user_email: "new.cc@example.org", action: "put" }],
					metadata: { source: "bulk" },
				},
			],
		});
		h.emulator.controls.flushJobs();
		const done = await job(res.json.job_status.id);
		expect(done.results[1]).toEqual({
			index: 1,
			id: 12,
			action: "update",
			success: false,
			error: "UpdateConflict",
			details:
				"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
		});
		expect(ticket(12)).toEqual(before);
		expect(audits(12)).toHaveLength(auditCount);
		expect(h.emulator.db.users).toHaveLength(users);
		expect(ticket(11).tags).toContain("eu_outage");
	});

	it("adds and removes tags per item without overwriting the others (arrays or a string)", async () => {
		h.emulator.db.tickets.find(t => t.id === 11)!.tags = ["printer", "spooler"];
		h.emulator.db.tickets.find(t => t.id === 12)!.tags = ["shipping"];
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{
					id: 11,
					safe_update: true,
					updated_stamp: stamp(11),
					additional_tags: ["eu_outage"],
					remove_tags: ["spooler"],
				},
				// The batch example of "Adding tags to tickets without overwriting existing tags" passes a string.
				{ id: 12, safe_update: true, updated_stamp: stamp(12), additional_tags: "eu_outage" },
			],
		});
		h.emulator.controls.flushJobs();
		expect((await job(res.json.job_status.id)).results.every((r: { success: boolean }) => r.success)).toBe(true);
		expect(ticket(11).tags).toEqual(["printer", "eu_outage"]);
		expect(ticket(12).tags).toEqual(["shipping", "eu_outage"]);
	});

	it("applies email_ccs and followers put/delete, custom fields and metadata per item", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{
					id: 1,
					safe_update: true,
					updated_stamp: stamp(1),
					email_ccs: [
						{ user_id: 1102, action: "delete" },
						{ user_id: 1104, action: "put" },
					],
					followers: [{ user_id: 1003, action: "delete" }],
					custom_fields: [{ id: 5101, value: "ORD-1" }],
					metadata: { source: "bulk", item: 0 },
				},
				{
					id: 11,
					safe_update: true,
					updated_stamp: stamp(11),
					followers: [{ user_id: 1004, action: "put" }],
					custom_fields: [{ id: 5101, value: "ORD-11" }],
					metadata: { source: "bulk", item: 1 },
				},
			],
		});
		h.emulator.controls.flushJobs();
		expect((await job(res.json.job_status.id)).results.every((r: { success: boolean }) => r.success)).toBe(true);
		expect(ticket(1)).toMatchObject({ email_cc_ids: [1103, 1104], follower_ids: [] });
		expect(ticket(11).follower_ids).toContain(1004);
		const field = (id: number) => ticket(id).field_values["5101"];
		expect([field(1), field(11)]).toEqual(["ORD-1", "ORD-11"]);
		expect(audits(1).at(-1)?.metadata.custom).toEqual({ source: "bulk", item: 0 });
		expect(audits(11).at(-1)?.metadata.custom).toEqual({ source: "bulk", item: 1 });
	});

	it("fails a closed ticket's item with the single update's RecordInvalid and still runs the others", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{ id: 10, safe_update: true, updated_stamp: stamp(10), additional_tags: ["eu_outage"] },
				{ id: 11, safe_update: true, updated_stamp: stamp(11), additional_tags: ["eu_outage"] },
			],
		});
		h.emulator.controls.flushJobs();
		const done = await job(res.json.job_status.id);
		expect(done.status).toBe("completed");
		expect(done.results).toEqual([
			{
				index: 0,
				id: 10,
				action: "update",
				success: false,
				error: "RecordInvalid",
				details: "Status: closed prevents ticket update",
			},
			{ id: 11, action: "update", status: "Updated", success: true },
		]);
		expect(ticket(10).tags).not.toContain("eu_outage");
	});
});
