import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "./testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const create = (ticket: unknown, as?: string) => h.call("POST", "/api/v2/tickets.json", { ticket }, { as });
const update = (id: number, ticket: unknown, as?: string) => h.call("PUT", `/api/v2/tickets/${id}.json`, { ticket }, { as });

describe("creating a ticket", () => {
	it("answers 201 with Location, the ticket and its audit, and assigns the next id", async () => {
		const res = await create({ subject: "Hello", comment: { body: "Some question" } });
		expect(res.status).toBe(201);
		expect(res.json.ticket.id).toBe(16);
		expect(res.headers.location).toBe("http://emulator.test/api/v2/tickets/16.json");
		expect(res.json.audit.ticket_id).toBe(16);
		expect(res.json.audit.events[0]).toMatchObject({ type: "Comment", body: "Some question", public: true });
		expect(res.json.ticket).toMatchObject({ status: "new", requester_id: 1001, submitter_id: 1001, description: "Some question", via: { channel: "api" } });
	});

	it("refuses a ticket without a comment with 422 RecordInvalid", async () => {
		const res = await create({ subject: "No comment" });
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ error: "RecordInvalid", description: "Record validation errors", details: { description: [{ description: "Description: cannot be blank", error: "BlankValue" }] } });
		expect(h.emulator.db.tickets).toHaveLength(15);
	});

	it("ignores read-only keys such as id, created_at and description", async () => {
		const res = await create({ id: 1, created_at: "2000-01-01T00:00:00Z", description: "forged", comment: { body: "real" } });
		expect(res.json.ticket.id).toBe(16);
		expect(res.json.ticket.created_at).toBe("2025-03-03T10:00:00Z");
		expect(res.json.ticket.description).toBe("real");
	});

	it("opens a new ticket that has an assignee", async () => {
		const res = await create({ assignee_id: 1002, comment: { body: "x" } });
		expect(res.json.ticket.status).toBe("open");
	});

	it("makes the submitter the first comment's author unless comment.author_id says otherwise", async () => {
		const bySubmitter = await create({ submitter_id: 1101, comment: { body: "x" } });
		expect(bySubmitter.json.audit.events[0].author_id).toBe(1101);
		const byAuthor = await create({ comment: { body: "x", author_id: 1102 } });
		expect(byAuthor.json.audit.events[0].author_id).toBe(1102);
	});

	it("makes the first comment private with comment.public false", async () => {
		const res = await create({ comment: { body: "x", public: false } });
		const comments = await h.call("GET", `/api/v2/tickets/${res.json.ticket.id}/comments.json`);
		expect(comments.json.comments[0].public).toBe(false);
	});
});

describe("follow-ups", () => {
	it("links a follow-up to a closed ticket and copies its requester, subject, tags and fields", async () => {
		const res = await create({ via_followup_source_id: 7, comment: { body: "Still jamming" } }, "agent@example.com");
		const t = res.json.ticket;
		expect(t.via).toEqual({ channel: "web", source: { from: { ticket_id: 7 }, to: {}, rel: "follow_up" } });
		expect(t).toMatchObject({ requester_id: 1109, subject: "Scanner jams on every page", ticket_form_id: 7002, assignee_id: null, priority: null, type: null, email_cc_ids: [], follower_ids: [] });
		expect(t.tags).toEqual(expect.arrayContaining(["scanner", "jam"]));
		expect(t.custom_fields).toContainEqual({ id: 5108, value: "scanner_x2" });
		const source = await h.call("GET", "/api/v2/tickets/7.json");
		expect(source.json.ticket.followup_ids).toEqual([16]);
		expect(source.json.ticket.updated_at).toBe("2025-01-31T10:30:00Z");
		const related = await h.call("GET", "/api/v2/tickets/16/related.json");
		expect(related.json.followup_source_ids).toEqual(["7"]);
	});

	it("lets the request's tags replace the source's tags", async () => {
		const res = await create({ via_followup_source_id: 7, tags: ["again"], comment: { body: "x" } });
		expect(res.json.ticket.tags).toEqual(["again"]);
	});

	it("makes the caller the first comment's author even with a submitter_id", async () => {
		const res = await create({ via_followup_source_id: 7, submitter_id: 1101, comment: { body: "x" } }, "agent@example.com");
		expect(res.json.ticket.submitter_id).toBe(1002);
		expect(res.json.audit.events[0].author_id).toBe(1002);
	});

	it.each([[1], [6], [999]])("has no effect for source %i (not closed or unknown)", async (source) => {
		const res = await create({ via_followup_source_id: source, comment: { body: "x" } });
		expect(res.status).toBe(201);
		expect(res.json.ticket.via.source.rel).toBeNull();
		expect(res.json.ticket.via.channel).toBe("api");
	});
});

describe("new requesters", () => {
	it("creates the requester as an end user", async () => {
		const res = await create({ comment: { body: "x" }, requester: { name: "Pablo", email: "pablito@example.org", locale_id: 8 } });
		const user = h.emulator.db.users.find((u) => u.id === res.json.ticket.requester_id);
		expect(user).toMatchObject({ name: "Pablo", email: "pablito@example.org", role: "end-user", locale_id: 8 });
	});

	it("reuses an existing user by email without changing them", async () => {
		const res = await create({ comment: { body: "x" }, requester: { name: "Someone Else", email: "olivia.bennett@example.org", locale_id: 8 } });
		expect(res.json.ticket.requester_id).toBe(1101);
		expect(h.emulator.db.users.find((u) => u.id === 1101)).toMatchObject({ name: "Olivia Bennett", locale_id: 1 });
	});

	it.each([
		[{ name: "X", email: "not-an-email" }, "Requester: Email is invalid"],
		[{ email: "nobody.yet@example.org" }, "Requester: Name is required for a new user"],
	])("refuses requester %j with 422", async (requester, description) => {
		const res = await create({ comment: { body: "x" }, requester });
		expect(res.status).toBe(422);
		expect(res.json.details.requester[0].description).toBe(description);
		expect(h.emulator.db.users.some((u) => u.email === "nobody.yet@example.org")).toBe(false);
	});
});

describe("updating a ticket", () => {
	it("refuses any change to a closed ticket", async () => {
		const res = await update(7, { comment: { body: "x" } });
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ error: "RecordInvalid", description: "Record validation errors", details: { status: [{ description: "Status: closed prevents ticket update" }] } });
	});

	it("closes a ticket through the API", async () => {
		const res = await update(6, { status: "closed" });
		expect(res.json.ticket.status).toBe("closed");
	});

	it("answers a stale safe update with 409 UpdateConflict and applies nothing, comment included", async () => {
		const before = structuredClone(h.emulator.db.tickets.find((t) => t.id === 1));
		const comments = h.emulator.db.comments.length;
		const res = await update(1, { safe_update: true, updated_stamp: "2025-01-06T09:39:59Z", subject: "x", comment: { body: "lost" }, email_ccs: [{ user_email: "brand.new@example.org" }] });
		expect(res.status).toBe(409);
		expect(res.json).toEqual({ error: "UpdateConflict", description: "Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again." });
		expect(h.emulator.db.tickets.find((t) => t.id === 1)).toEqual(before);
		expect(h.emulator.db.comments).toHaveLength(comments);
		expect(h.emulator.db.users.some((u) => u.email === "brand.new@example.org")).toBe(false);
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
		expect(res.json.audit.events).toContainEqual(expect.objectContaining({ type: "Change", field_name: "priority", value: "low", previous_value: "urgent" }));
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

	it.each([[1024, 200], [1025, 422]])("takes metadata of %i UTF-8 bytes with status %i", async (bytes, status) => {
		const overhead = JSON.stringify({ k: "" }).length;
		const value = "é".repeat(Math.floor((bytes - overhead) / 2)) + "x".repeat((bytes - overhead) % 2);
		expect(Buffer.byteLength(JSON.stringify({ k: value }))).toBe(bytes);
		const res = await update(1, { status: "pending", metadata: { k: value } });
		expect(res.status).toBe(status);
		expect(h.emulator.db.tickets.find((t) => t.id === 1)?.status).toBe(status === 200 ? "pending" : "open");
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
	it("adds the requester, assignee, CCs and followers with include=users", async () => {
		const res = await h.call("GET", "/api/v2/tickets/1.json?include=users,groups");
		expect(res.json.users.map((u: { id: number }) => u.id).sort()).toEqual([1002, 1003, 1101, 1102, 1103]);
		expect(res.json.groups.map((g: { id: number }) => g.id)).toEqual([6001]);
	});
});

describe("tags endpoint and restricted keys", () => {
	it("adds with PUT, sets with POST and removes with DELETE on /tickets/{id}/tags", async () => {
		expect((await h.call("PUT", "/api/v2/tickets/1/tags.json", { tags: ["urgent_fix"] })).json.tags).toEqual(["printer", "fire", "hd_3000", "urgent_fix"]);
		expect((await h.call("DELETE", "/api/v2/tickets/1/tags.json", { tags: ["fire"] })).json.tags).toEqual(["printer", "hd_3000", "urgent_fix"]);
		expect((await h.call("POST", "/api/v2/tickets/1/tags.json", { tags: ["only"] })).json.tags).toEqual(["only"]);
		expect((await h.call("GET", "/api/v2/tickets/1/tags.json")).json.tags).toEqual(["only"]);
		expect(h.emulator.db.tickets.find((t) => t.id === 1)?.field_values["5108"]).toBeNull();
	});

	it("honours safe updates on the tags endpoint", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/1/tags.json", { tags: ["x"], safe_update: true, updated_stamp: "2020-01-01T00:00:00Z" });
		expect(res.status).toBe(409);
	});

	it("warns about removed read-only keys with X-Zendesk-API-Warn", async () => {
		const res = await update(1, { id: 5, priority: "low" });
		expect(res.headers["x-zendesk-api-warn"]).toBe('Removed restricted keys ["ticket.id"] from parameters according to whitelist');
	});
});
