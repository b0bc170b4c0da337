import { afterEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
afterEach(() => h.emulator.dispose());

describe("the default world's documented ids", () => {
	it("has the documented staff and end users", () => {
		h = setupEmulator();
		const users = h.emulator.db.users;
		const staff = users.filter(u => u.role !== "end-user").map(u => [u.id, u.email, u.role, u.role_type]);
		expect(staff).toEqual([
			[1001, "admin@example.com", "admin", 4],
			[1002, "agent@example.com", "agent", null],
			[1003, "maria@example.com", "agent", null],
			[1004, "kenji@example.com", "agent", null],
			[1005, "light@example.com", "agent", 1],
			[1006, "tomas@example.com", "agent", null],
			[1007, "camille@example.com", "agent", null],
		]);
		// The French-speaking agent the workspace signs in as for the French UI (docs/workspace.md).
		expect(users.find(u => u.id === 1007)).toMatchObject({ locale: "fr", locale_id: 16 });
		expect(users.filter(u => u.role === "end-user").map(u => u.id)).toEqual(
			Array.from({ length: 12 }, (_, i) => 1101 + i),
		);
	});

	it("has organizations 9001–9005, and every organization a user or ticket carries exists", () => {
		h = setupEmulator();
		const { organizations, users, tickets } = h.emulator.db;
		expect(organizations.map(o => [o.id, o.name])).toEqual([
			[9001, "Brightwater Logistics"],
			[9002, "Hartmann Druck GmbH"],
			[9003, "Meridian Health Partners"],
			[9004, "Brightline Office Supplies"],
			[9005, "Harbour Print Partners"],
		]);
		const known = new Set(organizations.map(o => o.id));
		const carried = [...users, ...tickets].flatMap(r => (r.organization_id === null ? [] : [r.organization_id]));
		expect(carried.length).toBeGreaterThan(0);
		expect(carried.filter(id => !known.has(id))).toEqual([]);
		expect(tickets.find(t => t.id === 2)?.field_values["5114"]).toBe(9004);
	});

	it("has tickets 1–15 in the documented statuses", () => {
		h = setupEmulator();
		expect(Object.fromEntries(h.emulator.db.tickets.map(t => [t.id, t.status]))).toEqual({
			1: "open",
			2: "open",
			3: "new",
			4: "pending",
			5: "hold",
			6: "solved",
			7: "closed",
			8: "closed",
			9: "open",
			10: "closed",
			11: "open",
			12: "open",
			13: "pending",
			14: "open",
			15: "open",
		});
	});

	it("has the documented special tickets", async () => {
		h = setupEmulator();
		const t = async (id: number) => (await h.call("GET", `/api/v2/tickets/${id}.json`)).json.ticket;
		expect(await t(1)).toMatchObject({
			email_cc_ids: [1102, 1103],
			follower_ids: [1003],
			requester_id: 1101,
			assignee_id: 1002,
		});
		expect((await t(2)).custom_fields.every((f: { value: unknown }) => f.value !== null && f.value !== false)).toBe(
			true,
		);
		expect(await t(3)).toMatchObject({ assignee_id: null, email_cc_ids: [] });
		expect(await t(7)).toMatchObject({
			status: "closed",
			email_cc_ids: [1110, 1111],
			follower_ids: [1004],
			ticket_form_id: 7002,
		});
		expect(await t(8)).toMatchObject({ followup_ids: [9] });
		expect((await t(9)).via.source).toEqual({ from: { ticket_id: 8 }, to: {}, rel: "follow_up" });
		expect(await t(15)).toMatchObject({ type: "incident", problem_id: 14 });
		expect((await t(14)).has_incidents).toBe(true);
		const audits = (await h.call("GET", "/api/v2/tickets/7/audits.json")).json.audits;
		expect(
			audits.filter((a: { metadata: { custom: object } }) => Object.keys(a.metadata.custom).length > 0),
		).toHaveLength(2);
		const comments = (await h.call("GET", "/api/v2/tickets/12/comments.json")).json.comments;
		expect(comments[1]).toMatchObject({ author_id: 1005, public: false });
	});

	it("has one field of every custom type, a required-on-solve field and an inactive one", () => {
		h = setupEmulator();
		const custom = h.emulator.db.ticketFields.filter(f => f.id > 5100);
		expect(custom.map(f => [f.id, f.type])).toEqual([
			[5101, "text"],
			[5102, "textarea"],
			[5103, "integer"],
			[5104, "decimal"],
			[5105, "date"],
			[5106, "checkbox"],
			[5107, "regexp"],
			[5108, "tagger"],
			[5109, "multiselect"],
			[5110, "lookup"],
			[5111, "partialcreditcard"],
			[5112, "tagger"],
			[5113, "text"],
			[5114, "lookup"],
		]);
		expect(custom.find(f => f.id === 5112)?.required).toBe(true);
		expect(custom.find(f => f.id === 5113)?.active).toBe(false);
	});
});

describe("other worlds", () => {
	it("collaboratorsLegacy keeps the ids with CCs and followers off", () => {
		h = setupEmulator({ world: "collaboratorsLegacy" });
		expect(h.emulator.db.account.settings.tickets.follower_and_email_cc_collaborations).toBe(false);
		expect(h.emulator.db.tickets.find(t => t.id === 7)?.collaborator_ids).toEqual([1110, 1111, 1004]);
	});

	it("empty has three users, the fields and no tickets", () => {
		h = setupEmulator({ world: "empty" });
		expect(h.emulator.db.users.map(u => u.id)).toEqual([1001, 1002, 1101]);
		expect(h.emulator.db.tickets).toEqual([]);
		expect(h.emulator.db.ticketFields.length).toBeGreaterThan(10);
	});
});
