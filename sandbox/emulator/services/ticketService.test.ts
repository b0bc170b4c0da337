import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const create = (ticket: unknown, as?: string) => h.call("POST", "/api/v2/tickets.json", { ticket }, { as });

describe("creating a ticket", () => {
	it("answers 201 with Location, the ticket and its audit, and assigns the next id", async () => {
		const res = await create({ subject: "Hello", comment: { body: "Some question" } });
		expect(res.status).toBe(201);
		expect(res.json.ticket.id).toBe(16);
		expect(res.headers.location).toBe("http://emulator.test/api/v2/tickets/16.json");
		expect(res.json.audit.ticket_id).toBe(16);
		expect(res.json.audit.events[0]).toMatchObject({ type: "Comment", body: "Some question", public: true });
		expect(res.json.ticket).toMatchObject({
			status: "new",
			requester_id: 1001,
			submitter_id: 1001,
			description: "Some question",
			via: { channel: "api" },
		});
	});

	it("refuses a ticket without a comment with 422 RecordInvalid", async () => {
		const res = await create({ subject: "No comment" });
		expect(res.status).toBe(422);
		expect(res.json).toEqual({
			error: "RecordInvalid",
			description: "Record validation errors",
			details: { description: [{ description: "Description: cannot be blank", error: "BlankValue" }] },
		});
		expect(h.emulator.db.tickets).toHaveLength(15);
	});

	it("ignores read-only keys such as id, created_at and description", async () => {
		const res = await create({
			id: 1,
			created_at: "2000-01-01T00:00:00Z",
			description: "forged",
			comment: { body: "real" },
		});
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
		expect(t).toMatchObject({
			requester_id: 1109,
			subject: "Scanner jams on every page",
			ticket_form_id: 7002,
			assignee_id: null,
			priority: null,
			type: null,
			email_cc_ids: [],
			follower_ids: [],
		});
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
		const res = await create(
			{ via_followup_source_id: 7, submitter_id: 1101, comment: { body: "x" } },
			"agent@example.com",
		);
		expect(res.json.ticket.submitter_id).toBe(1002);
		expect(res.json.audit.events[0].author_id).toBe(1002);
	});

	it.each([[1], [6], [999]])("has no effect for source %i (not closed or unknown)", async source => {
		const res = await create({ via_followup_source_id: source, comment: { body: "x" } });
		expect(res.status).toBe(201);
		expect(res.json.ticket.via.source.rel).toBeNull();
		expect(res.json.ticket.via.channel).toBe("api");
	});
});

describe("new requesters", () => {
	it("creates the requester as an end user", async () => {
		const res = await create({
			comment: { body: "x" },
			requester: { name: "Pablo", email: "pablito@example.org", locale_id: 8 },
		});
		const user = h.emulator.db.users.find(u => u.id === res.json.ticket.requester_id);
		expect(user).toMatchObject({ name: "Pablo", email: "pablito@example.org", role: "end-user", locale_id: 8 });
	});

	it("reuses an existing user by email without changing them", async () => {
		const res = await create({
			comment: { body: "x" },
			requester: { name: "Someone Else", email: "olivia.bennett@example.org", locale_id: 8 },
		});
		expect(res.json.ticket.requester_id).toBe(1101);
		expect(h.emulator.db.users.find(u => u.id === 1101)).toMatchObject({ name: "Olivia Bennett", locale_id: 1 });
	});

	it.each([
		[{ name: "X", email: "not-an-email" }, "Requester: Email is invalid"],
		[{ email: "nobody.yet@example.org" }, "Requester: Name is required for a new user"],
	])("refuses requester %j with 422", async (requester, description) => {
		const res = await create({ comment: { body: "x" }, requester });
		expect(res.status).toBe(422);
		expect(res.json.details.requester[0].description).toBe(description);
		expect(h.emulator.db.users.some(u => u.email === "nobody.yet@example.org")).toBe(false);
	});
});
