import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const ids = (json: { tickets: Array<{ id: number }> }) => json.tickets.map(t => t.id);

describe("incidents of a problem", () => {
	it("lists problem 14's three incidents by id with offset keys", async () => {
		const res = await h.call("GET", "/api/v2/tickets/14/incidents.json");
		expect(res.status).toBe(200);
		expect(ids(res.json)).toEqual([11, 12, 15]);
		expect(res.json).toMatchObject({ next_page: null, previous_page: null, count: 3 });
		expect(res.json.tickets.every((t: { problem_id: number }) => t.problem_id === 14)).toBe(true);
	});

	it("answers cursor pages when page[size] is asked", async () => {
		const first = await h.call("GET", "/api/v2/tickets/14/incidents.json?page[size]=2");
		expect(ids(first.json)).toEqual([11, 12]);
		expect(first.json.meta.has_more).toBe(true);
		const next = new URL(first.json.links.next);
		expect(next.pathname).toBe("/api/v2/tickets/14/incidents.json");
		const second = await h.call("GET", `${next.pathname}${next.search}`);
		expect(ids(second.json)).toEqual([15]);
		expect(second.json.meta.has_more).toBe(false);
	});

	it("answers an empty list for a ticket without incidents, and follows a new link", async () => {
		expect(ids((await h.call("GET", "/api/v2/tickets/1/incidents.json")).json)).toEqual([]);
		await h.call("PUT", "/api/v2/tickets/3.json", { ticket: { type: "incident", problem_id: 14 } });
		expect(ids((await h.call("GET", "/api/v2/tickets/14/incidents.json")).json)).toEqual([3, 11, 12, 15]);
	});

	it("side-loads users when include=users asks for them", async () => {
		const res = await h.call("GET", "/api/v2/tickets/14/incidents.json?include=users");
		expect(res.json.users.map((u: { id: number }) => u.id)).toEqual(expect.arrayContaining([1102, 1103, 1110]));
	});
});

describe("a user's requested tickets and an organization's tickets", () => {
	it("lists the tickets a user requested, by id", async () => {
		const res = await h.call("GET", "/api/v2/users/1101/tickets/requested.json", undefined, {
			as: "agent@example.com",
		});
		expect(ids(res.json)).toEqual([1, 8, 9]);
		expect(res.json.count).toBe(3);
		expect(ids((await h.call("GET", "/api/v2/users/1002/tickets/requested.json")).json)).toEqual([]);
	});

	it("lists an organization's tickets by id, and none for an organization without members", async () => {
		const expected = h.emulator.db.tickets
			.filter(t => t.organization_id === 9001)
			.map(t => t.id)
			.sort((a, b) => a - b);
		expect(expected).toEqual(expect.arrayContaining([1, 11]));
		expect(ids((await h.call("GET", "/api/v2/organizations/9001/tickets.json")).json)).toEqual(expected);
		expect(ids((await h.call("GET", "/api/v2/organizations/9005/tickets.json")).json)).toEqual([]);
	});

	it("refuses end users and answers 404 for unknown users and organizations", async () => {
		const asEndUser = { as: "olivia.bennett@example.org" };
		expect((await h.call("GET", "/api/v2/users/1101/tickets/requested.json", undefined, asEndUser)).status).toBe(403);
		expect((await h.call("GET", "/api/v2/organizations/9001/tickets.json", undefined, asEndUser)).status).toBe(403);
		expect((await h.call("GET", "/api/v2/users/4242/tickets/requested.json")).json.error).toBe("RecordNotFound");
		expect((await h.call("GET", "/api/v2/organizations/4242/tickets.json")).status).toBe(404);
	});
});
