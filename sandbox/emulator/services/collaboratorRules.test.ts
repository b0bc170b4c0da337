import { afterEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
afterEach(() => h.emulator.dispose());
const start = (world = "default") => {
	h = setupEmulator({ world });
};
const update = (id: number, ticket: unknown) => h.call("PUT", `/api/v2/tickets/${id}.json`, { ticket });
const create = (ticket: unknown) => h.call("POST", "/api/v2/tickets.json", { ticket });
const userByEmail = (email: string) => h.emulator.db.users.find(u => u.email === email);

describe("email CCs", () => {
	it("adds by user_id (string or number) and removes with delete", async () => {
		start();
		const res = await update(1, {
			email_ccs: [{ user_id: "1104", action: "put" }, { user_id: 1105 }, { user_id: 1102, action: "delete" }],
		});
		expect(res.json.ticket.email_cc_ids).toEqual([1103, 1104, 1105]);
		expect(res.json.audit.events).toContainEqual(
			expect.objectContaining({
				type: "EmailCcChange",
				// By email address (ticketChanges.ts `people`).
				previous_email_ccs: ["liam.oconnor@example.org", "sofia.rossi@example.net"],
				current_email_ccs: ["sofia.rossi@example.net", "noah.fischer@example.org", "amara.okafor@example.net"],
			}),
		);
	});

	it("creates a user for an unknown email, named by user_name or the email's local part", async () => {
		start();
		const res = await update(1, {
			email_ccs: [
				{ user_email: "else@example.com", user_name: "Someone Else" },
				{ user_email: "jane.doe@example.org" },
			],
		});
		expect(userByEmail("else@example.com")).toMatchObject({ name: "Someone Else", role: "end-user" });
		expect(userByEmail("jane.doe@example.org")?.name).toBe("jane.doe");
		expect(res.json.ticket.email_cc_ids).toContain(userByEmail("else@example.com")?.id);
	});

	it("creates nobody for an unknown email with delete", async () => {
		start();
		await update(1, { email_ccs: [{ user_email: "ghost@example.org", action: "delete" }] });
		expect(userByEmail("ghost@example.org")).toBeUndefined();
	});

	it("answers 400 for more than 48 entries in one request and changes nothing", async () => {
		start();
		const entries = Array.from({ length: 49 }, (_, i) => ({ user_email: `cc${i}@example.org` }));
		const res = await update(1, { email_ccs: entries, priority: "low" });
		expect(res.status).toBe(400);
		expect(res.json.error).toBe("TooManyValues");
		expect(userByEmail("cc0@example.org")).toBeUndefined();
		expect(h.emulator.db.tickets.find(t => t.id === 1)?.priority).toBe("urgent");
	});

	it("truncates existing plus new CCs to 48, existing first, without an error", async () => {
		start();
		const res = await update(1, {
			email_ccs: Array.from({ length: 48 }, (_, i) => ({ user_email: `cc${i}@example.org` })),
		});
		expect(res.status).toBe(200);
		const ids: number[] = res.json.ticket.email_cc_ids;
		expect(ids).toHaveLength(48);
		expect(ids.slice(0, 2)).toEqual([1102, 1103]);
		expect(ids[47]).toBe(userByEmail("cc45@example.org")?.id);
	});

	it("does not change CCs (nor create users) when the same update adds an internal note", async () => {
		start();
		const res = await update(1, {
			comment: { body: "note", public: false },
			email_ccs: [{ user_email: "new.cc@example.org" }, { user_id: 1102, action: "delete" }],
		});
		expect(res.json.ticket.email_cc_ids).toEqual([1102, 1103]);
		expect(userByEmail("new.cc@example.org")).toBeUndefined();
	});

	it("applies the internal-note rule on create too", async () => {
		start();
		const res = await create({
			comment: { body: "note", public: false },
			email_ccs: [{ user_email: "new.cc@example.org" }],
		});
		expect(res.json.ticket.email_cc_ids).toEqual([]);
		expect(userByEmail("new.cc@example.org")).toBeUndefined();
	});
});

describe("followers", () => {
	it("adds agents by user_id or user_email with put as default, and removes with delete", async () => {
		start();
		const res = await update(1, {
			followers: [
				{ user_id: "1004" },
				{ user_email: "tomas@example.com", action: "put" },
				{ user_id: 1003, action: "delete" },
			],
		});
		expect(res.json.ticket.follower_ids).toEqual([1004, 1006]);
	});

	it("ignores unknown users and end users, and prefers user_id over user_email", async () => {
		start();
		const res = await update(1, {
			followers: [
				{ user_id: 424242 },
				{ user_email: "ghost@example.com" },
				{ user_id: 1104 },
				{ user_id: 1006, user_email: "kenji@example.com" },
			],
		});
		expect(res.json.ticket.follower_ids).toEqual([1003, 1006]);
	});
});

describe("collaborators", () => {
	it("turns end users into CCs and agents into followers, creating users from {name, email}", async () => {
		start();
		const res = await create({
			comment: { body: "x" },
			collaborators: [1104, "kenji@example.com", { name: "Someone Special", email: "someone@example.com" }],
		});
		const someone = userByEmail("someone@example.com");
		expect(someone?.name).toBe("Someone Special");
		expect(res.json.ticket.email_cc_ids).toEqual([1104, someone?.id]);
		expect(res.json.ticket.follower_ids).toEqual([1004]);
		expect(res.json.ticket.collaborator_ids).toEqual([1104, someone?.id, 1004]);
	});

	it("replaces all collaborators with collaborator_ids on update", async () => {
		start();
		const res = await update(1, { collaborator_ids: [1105, 1006] });
		expect(res.json.ticket.email_cc_ids).toEqual([1105]);
		expect(res.json.ticket.follower_ids).toEqual([1006]);
	});

	it("keeps existing collaborators with additional_collaborators", async () => {
		start();
		const res = await update(1, { additional_collaborators: ["sofia.rossi@example.net", 1105, 1004] });
		expect(res.json.ticket.email_cc_ids).toEqual([1102, 1103, 1105]);
		expect(res.json.ticket.follower_ids).toEqual([1003, 1004]);
	});

	it("uses the legacy collaborator list when CCs and followers are disabled", async () => {
		start("collaboratorsLegacy");
		const before = await h.call("GET", "/api/v2/tickets/1.json");
		expect(before.json.ticket).toMatchObject({
			collaborator_ids: [1102, 1103, 1003],
			email_cc_ids: [],
			follower_ids: [],
		});
		const ignored = await update(1, { email_ccs: [{ user_id: 1105 }], followers: [{ user_id: 1004 }] });
		expect(ignored.json.audit).toBeUndefined();
		const res = await update(1, { additional_collaborators: [1105] });
		expect(res.json.ticket.collaborator_ids).toEqual([1102, 1103, 1003, 1105]);
		expect((await h.call("GET", "/api/v2/tickets/1/email_ccs.json")).json.users).toEqual([]);
		expect((await h.call("GET", "/api/v2/tickets/1/collaborators.json")).json.users).toHaveLength(4);
	});
});

describe("people lists", () => {
	it("lists email CCs, followers and collaborators of a ticket", async () => {
		start();
		const names = async (path: string) =>
			(await h.call("GET", `/api/v2/tickets/7/${path}.json`)).json.users.map((u: { name: string }) => u.name);
		expect(await names("email_ccs")).toEqual(["Ethan Clarke", "Yuki Tanaka"]);
		expect(await names("followers")).toEqual(["Kenji Watanabe"]);
		expect(await names("collaborators")).toEqual(["Ethan Clarke", "Yuki Tanaka", "Kenji Watanabe"]);
	});
});
