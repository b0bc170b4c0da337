import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const ids = (body: { users: Array<{ id: number }> }) => body.users.map(u => u.id);

describe("users", () => {
	it("shows the authenticated user with /users/me, end users included", async () => {
		const res = await h.call("GET", "/api/v2/users/me.json", undefined, { as: "olivia.bennett@example.org" });
		expect(res.json.user).toMatchObject({ id: 1101, role: "end-user", email: "olivia.bennett@example.org" });
	});

	it("accepts {email}:{password} Basic auth for seeded users", async () => {
		const header = `Basic ${Buffer.from("agent@example.com:sandbox-password").toString("base64")}`;
		const res = await h.call("GET", "/api/v2/users/me.json", undefined, {
			as: null,
			headers: { authorization: header },
		});
		expect(res.json.user.id).toBe(1002);
		const wrong = `Basic ${Buffer.from("agent@example.com:nope").toString("base64")}`;
		expect(
			(await h.call("GET", "/api/v2/users/me.json", undefined, { as: null, headers: { authorization: wrong } })).status,
		).toBe(401);
	});

	it("shows many users in request order, skipping unknown ids", async () => {
		expect(ids((await h.call("GET", "/api/v2/users/show_many.json?ids=1103,424242,1001")).json)).toEqual([1103, 1001]);
	});

	it("searches name, email and role", async () => {
		expect(ids((await h.call("GET", "/api/v2/users/search.json?query=olivia")).json)).toEqual([1101]);
		expect(ids((await h.call("GET", "/api/v2/users/search.json?query=example.net")).json)).toEqual([
			1103, 1105, 1107, 1111,
		]);
		expect(
			ids((await h.call("GET", `/api/v2/users/search.json?query=${encodeURIComponent("role:agent ma")}`)).json),
		).toEqual([1003]);
		expect((await h.call("GET", "/api/v2/users/search.json?query=olivia")).json.count).toBe(1);
	});

	it("autocompletes by the start of the name or of a word in it", async () => {
		expect(ids((await h.call("GET", "/api/v2/users/autocomplete.json?name=li")).json)).toEqual([1001, 1102]);
		expect(ids((await h.call("GET", "/api/v2/users/autocomplete.json?name=Ma")).json)).toEqual([1003, 1106, 1108]);
	});

	it("creates an end user, refuses a duplicate email with DuplicateValue, and lets the new user authenticate with the token", async () => {
		const res = await h.call(
			"POST",
			"/api/v2/users.json",
			{ user: { name: "Roger Wilco", email: "roge@example.org" } },
			{ as: "agent@example.com" },
		);
		expect(res.status).toBe(201);
		expect(res.json.user).toMatchObject({ id: 1113, role: "end-user" });
		const dup = await h.call("POST", "/api/v2/users.json", { user: { name: "Again", email: "ROGE@example.org" } });
		expect(dup.status).toBe(422);
		expect(dup.json.details.email[0].error).toBe("DuplicateValue");
		expect((await h.call("GET", "/api/v2/users/me.json", undefined, { as: "roge@example.org" })).json.user.id).toBe(
			1113,
		);
	});

	it("lets admins create agents", async () => {
		const res = await h.call("POST", "/api/v2/users.json", {
			user: { name: "New Agent", email: "new.agent@example.com", role: "agent" },
		});
		expect(res.json.user.role).toBe("agent");
	});
});

describe("fields and forms", () => {
	it("lists system and custom fields by position, options with their tags", async () => {
		const fields = (await h.call("GET", "/api/v2/ticket_fields.json")).json.ticket_fields;
		expect(fields.slice(0, 3).map((f: { type: string }) => f.type)).toEqual(["subject", "description", "status"]);
		const product = fields.find((f: { id: number }) => f.id === 5108);
		expect(product.custom_field_options.map((o: { value: string }) => o.value)).toEqual([
			"hd_3000",
			"hd_5555",
			"scanner_x2",
			"other_product",
		]);
		expect(fields.map((f: { type: string }) => f.type)).toEqual(
			expect.arrayContaining([
				"text",
				"textarea",
				"integer",
				"decimal",
				"date",
				"checkbox",
				"regexp",
				"tagger",
				"multiselect",
				"lookup",
				"partialcreditcard",
			]),
		);
	});

	it("shows end users only the portal-visible fields", async () => {
		const fields = (await h.call("GET", "/api/v2/ticket_fields.json", undefined, { as: "olivia.bennett@example.org" }))
			.json.ticket_fields;
		expect(fields.some((f: { id: number }) => f.id === 5112)).toBe(false);
	});

	it("keeps the form's field order", async () => {
		const form = (await h.call("GET", "/api/v2/ticket_forms/7002.json")).json.ticket_form;
		expect(form.ticket_field_ids).toEqual([5001, 5002, 5003, 5005, 5006, 5007, 5108, 5107, 5105, 5102, 5109, 5112]);
	});
});
