import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const LIGHT = "light@example.com";
const update = (id: number, ticket: unknown, as = LIGHT) =>
	h.call("PUT", `/api/v2/tickets/${id}.json`, { ticket }, { as });
const ticket = (id: number) => h.emulator.db.tickets.find(t => t.id === id)!;

/** Zendesk's light-agent role: private comments only; properties only on tickets they requested; never the status. */
describe("light agents (Zendesk's light-agent role)", () => {
	it.each([
		["followers", { followers: [{ user_id: "1004", action: "put" }] }],
		["custom fields", { custom_fields: [{ id: 5001, value: "x" }] }],
		["tags", { tags: ["x"] }],
		["the subject", { subject: "Renamed" }],
		["the status", { status: "pending" }],
		["a comment with a property", { comment: { body: "note", public: false }, priority: "low" }],
	])(
		"refuses a change of %s on someone else's ticket with Zendesk's 403 body, changing nothing",
		async (_what, body) => {
			const before = structuredClone(ticket(1));
			const res = await update(1, { ...body, safe_update: true, updated_stamp: before.updated_at });
			expect(res.status).toBe(403);
			expect(res.json.error).toMatchObject({ title: "Forbidden" });
			expect(ticket(1)).toEqual(before);
		},
	);

	it("lets a light agent who is the ticket's requester change its properties", async () => {
		ticket(3).requester_id = 1005;
		const res = await update(3, { priority: "low", followers: [{ user_id: "1004", action: "put" }] });
		expect(res.status).toBe(200);
		expect(res.json.ticket).toMatchObject({ priority: "low", follower_ids: [1004] });
	});

	it("refuses the status even to a light agent who requested the ticket", async () => {
		ticket(3).requester_id = 1005;
		expect((await update(3, { status: "pending" })).status).toBe(403);
		// Sending the status it already has changes nothing, so it is not a status change.
		expect((await update(3, { status: "new", priority: "low" })).status).toBe(200);
	});

	it("lets a light agent create a ticket on behalf of an end user, its first comment private", async () => {
		const res = await h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { subject: "For Olivia", requester_id: 1101, comment: { body: "Reported by phone", public: true } } },
			{ as: LIGHT },
		);
		expect(res.status).toBe(201);
		expect(res.json.ticket.requester_id).toBe(1101);
		expect(res.json.audit.events[0]).toMatchObject({ type: "Comment", public: false, author_id: 1005 });
	});
});
