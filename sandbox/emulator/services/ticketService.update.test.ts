import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const update = (id: number, ticket: unknown, as?: string) =>
	h.call("PUT", `/api/v2/tickets/${id}.json`, { ticket }, { as });

describe("updating a ticket", () => {
	it("refuses any change to a closed ticket", async () => {
		const res = await update(7, { comment: { body: "x" } });
		expect(res.status).toBe(422);
		expect(res.json).toEqual({
			error: "RecordInvalid",
			description: "Record validation errors",
			details: { status: [{ description: "Status: closed prevents ticket update" }] },
		});
	});

	it("closes a ticket through the API", async () => {
		const res = await update(6, { status: "closed" });
		expect(res.json.ticket.status).toBe("closed");
	});

	it("answers a stale safe update with 409 UpdateConflict and applies nothing, comment included", async () => {
		const before = structuredClone(h.emulator.db.tickets.find(t => t.id === 1));
		const comments = h.emulator.db.comments.length;
		const res = await update(1, {
			safe_update: true,
			updated_stamp: "2025-01-06T09:39:59Z",
			subject: "x",
			comment: { body: "lost" },
			email_ccs: [{ user_email: "brand.new@example.org" }],
		});
		expect(res.status).toBe(409);
		expect(res.json).toEqual({
			error: "UpdateConflict",
			description:
				"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
		});
		expect(h.emulator.db.tickets.find(t => t.id === 1)).toEqual(before);
		expect(h.emulator.db.comments).toHaveLength(comments);
		expect(h.emulator.db.users.some(u => u.email === "brand.new@example.org")).toBe(false);
	});

	it("accepts a safe update whose stamp matches at second precision, whatever safe_update's value", async () => {
		const res = await update(1, { safe_update: false, updated_stamp: "2025-01-06T09:40:00.000Z", priority: "low" });
		expect(res.status).toBe(200);
		expect(res.json.ticket.priority).toBe("low");
	});

	it("refuses safe_update without updated_stamp with 422", async () => {
		const res = await update(1, { safe_update: true, priority: "low" });
		expect(res.status).toBe(422);
		expect(res.json.details.updated_stamp).toBeDefined();
	});

	it("moves updated_at to the current second only when something changes", async () => {
		h.clock.advance(1500);
		const res = await update(1, { priority: "low" });
		expect(res.json.ticket.updated_at).toBe("2025-03-03T10:00:01Z");
		expect(res.json.audit.events).toContainEqual(
			expect.objectContaining({ type: "Change", field_name: "priority", value: "low", previous_value: "urgent" }),
		);
	});

	it("answers a no-op update with the ticket, no audit, and keeps updated_at and metadata unsaved", async () => {
		const audits = h.emulator.db.audits.length;
		const res = await update(1, { priority: "urgent", tags: ["fire", "printer", "hd_3000"], metadata: { a: 1 } });
		expect(res.status).toBe(200);
		expect(res.json.audit).toBeUndefined();
		expect(res.json.ticket.updated_at).toBe("2025-01-06T09:40:00Z");
		expect(h.emulator.db.audits).toHaveLength(audits);
	});

	it("stores metadata on the audit beside the system metadata", async () => {
		const res = await update(1, { status: "pending", metadata: { time_spent: "4m12s", account: "integrations" } });
		expect(res.json.audit.metadata.custom).toEqual({ time_spent: "4m12s", account: "integrations" });
		expect(res.json.audit.metadata.system).toMatchObject({ ip_address: "127.0.0.1" });
	});

	it("stores keys that are special in JavaScript (__proto__, constructor) like any other, as Zendesk's Ruby does", async () => {
		// A raw body: an object literal with __proto__ would set a prototype instead of a key.
		const body = '{"ticket":{"status":"pending","metadata":{"__proto__":"x","constructor":"c"}}}';
		const res = await h.call("PUT", "/api/v2/tickets/1.json", body);
		expect(res.status).toBe(200);
		expect(res.text).toContain('"custom":{"__proto__":"x","constructor":"c"}');
		const audits = await h.call("GET", "/api/v2/tickets/1/audits.json");
		expect(JSON.stringify(audits.json.audits.at(-1).metadata.custom)).toBe('{"__proto__":"x","constructor":"c"}');
	});

	it.each([
		[1024, 200],
		[1025, 422],
	])("takes metadata of %i UTF-8 bytes with status %i", async (bytes, status) => {
		const overhead = JSON.stringify({ k: "" }).length;
		const value = "é".repeat(Math.floor((bytes - overhead) / 2)) + "x".repeat((bytes - overhead) % 2);
		expect(Buffer.byteLength(JSON.stringify({ k: value }))).toBe(bytes);
		const res = await update(1, { status: "pending", metadata: { k: value } });
		expect(res.status).toBe(status);
		expect(h.emulator.db.tickets.find(t => t.id === 1)?.status).toBe(status === 200 ? "pending" : "open");
	});

	it("refuses setting a ticket back to new", async () => {
		expect((await update(1, { status: "new" })).status).toBe(422);
	});

	it("strips read-only keys instead of refusing them", async () => {
		const res = await update(1, { id: 99, url: "x", priority: "low" });
		expect(res.status).toBe(200);
		expect(res.json.ticket.id).toBe(1);
	});
});

describe("roles", () => {
	it("lets a light agent add only private comments", async () => {
		const res = await update(1, { comment: { body: "note", public: true } }, "light@example.com");
		expect(res.status).toBe(200);
		expect(res.json.audit.events[0]).toMatchObject({ type: "Comment", public: false, author_id: 1005 });
		expect((await update(1, { priority: "low" }, "light@example.com")).status).toBe(403);
	});

	it("lets a light agent change email CCs only when the account allows it", async () => {
		const body = { comment: { body: "cc", public: false }, email_ccs: [{ user_id: 1104 }] };
		expect((await update(1, body, "light@example.com")).status).toBe(403);
		h.emulator.controls.updateSettings({ lightAgentEmailCcsAllowed: true });
		expect((await update(1, body, "light@example.com")).status).toBe(200);
	});

	it("refuses a light agent as assignee", async () => {
		const res = await update(1, { assignee_id: 1005 });
		expect(res.status).toBe(422);
		expect(res.json.details.assignee).toBeDefined();
	});

	it("answers 403 with the nested error body to end users", async () => {
		const res = await update(1, { priority: "low" }, "olivia.bennett@example.org");
		expect(res.status).toBe(403);
		expect(res.json.error.title).toBe("Forbidden");
	});
});

describe("sideloading", () => {
	it("adds comment authors to the comments list with include=users", async () => {
		const res = await h.call("GET", "/api/v2/tickets/12/comments.json?include=users");
		expect(res.json.users.map((u: { id: number }) => u.id)).toEqual([1005, 1103]);
	});

	it("adds the requester, assignee, CCs and followers with include=users", async () => {
		const res = await h.call("GET", "/api/v2/tickets/1.json?include=users,groups");
		expect(res.json.users.map((u: { id: number }) => u.id).sort()).toEqual([1002, 1003, 1101, 1102, 1103]);
		expect(res.json.groups.map((g: { id: number }) => g.id)).toEqual([6001]);
	});
});

describe("tags endpoint and restricted keys", () => {
	it("adds with PUT, sets with POST and removes with DELETE on /tickets/{id}/tags", async () => {
		expect((await h.call("PUT", "/api/v2/tickets/1/tags.json", { tags: ["urgent_fix"] })).json.tags).toEqual([
			"printer",
			"fire",
			"hd_3000",
			"urgent_fix",
		]);
		expect((await h.call("DELETE", "/api/v2/tickets/1/tags.json", { tags: ["fire"] })).json.tags).toEqual([
			"printer",
			"hd_3000",
			"urgent_fix",
		]);
		expect((await h.call("POST", "/api/v2/tickets/1/tags.json", { tags: ["only"] })).json.tags).toEqual(["only"]);
		expect((await h.call("GET", "/api/v2/tickets/1/tags.json")).json.tags).toEqual(["only"]);
		expect(h.emulator.db.tickets.find(t => t.id === 1)?.field_values["5108"]).toBeNull();
	});

	it("ignores additional_tags and remove_tags on a single ticket PUT (update_many only)", async () => {
		const res = await update(1, { additional_tags: ["urgent_fix"], remove_tags: ["fire"], priority: "low" });
		expect(res.status).toBe(200);
		expect(res.json.ticket).toMatchObject({ priority: "low", tags: ["printer", "fire", "hd_3000"] });
		const tagsOnly = await update(1, { additional_tags: ["urgent_fix"] });
		expect(tagsOnly.json.audit).toBeUndefined();
	});

	it("honours safe updates on the tags endpoint", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/1/tags.json", {
			tags: ["x"],
			safe_update: true,
			updated_stamp: "2020-01-01T00:00:00Z",
		});
		expect(res.status).toBe(409);
	});

	it("warns about removed read-only keys with X-Zendesk-API-Warn", async () => {
		const res = await update(1, { id: 5, priority: "low" });
		expect(res.headers["x-zendesk-api-warn"]).toBe(
			'Removed restricted keys ["ticket.id"] from parameters according to whitelist',
		);
	});
});
