import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

type Organizations = { organizations: Array<{ id: number; name: string }> };
const ids = (body: Organizations) => body.organizations.map(o => o.id);
const names = (body: Organizations) => body.organizations.map(o => o.name);

describe("organizations", () => {
	it("shows one organization with the OAS OrganizationObject keys and its own URL", async () => {
		const res = await h.call("GET", "/api/v2/organizations/9002.json", undefined, { as: "agent@example.com" });
		expect(res.status).toBe(200);
		expect(res.json.organization).toEqual({
			url: "http://emulator.test/api/v2/organizations/9002.json",
			id: 9002,
			name: "Hartmann Druck GmbH",
			shared_tickets: false,
			shared_comments: false,
			external_id: "CRM-5120",
			created_at: "2025-01-02T08:00:00Z",
			updated_at: "2025-01-02T08:00:00Z",
			domain_names: ["hartmann-druck.example"],
			details: "Speicherstraße 8, 20457 Hamburg, Germany",
			notes: null,
			group_id: null,
			tags: ["printing", "vat_de"],
			organization_fields: {},
		});
	});

	it("answers an unknown organization with RecordNotFound", async () => {
		const res = await h.call("GET", "/api/v2/organizations/424242.json");
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ error: "RecordNotFound", description: "Not found" });
	});

	it("shows many organizations in request order, each once, skipping unknown ids, with the list envelope", async () => {
		const res = await h.call("GET", "/api/v2/organizations/show_many.json?ids=9004,424242,9001,9004");
		expect(ids(res.json)).toEqual([9004, 9001]);
		expect(res.json).toMatchObject({ count: 2, next_page: null, previous_page: null });
	});

	it("shows many organizations by external id, case-insensitively", async () => {
		const res = await h.call("GET", "/api/v2/organizations/show_many.json?external_ids=partner-17,CRM-4471,nope");
		expect(ids(res.json)).toEqual([9004, 9001]);
	});

	it("reads at most 100 ids of a show_many", async () => {
		const many = [...Array.from({ length: 100 }, (_, i) => 100_000 + i), 9001].join(",");
		expect(ids((await h.call("GET", `/api/v2/organizations/show_many.json?ids=${many}`)).json)).toEqual([]);
	});

	it("autocompletes organizations whose name starts with the value, case-insensitively, sorted by name", async () => {
		const call = async (name: string) =>
			names((await h.call("GET", `/api/v2/organizations/autocomplete.json?name=${encodeURIComponent(name)}`)).json);
		expect(await call("bright")).toEqual(["Brightline Office Supplies", "Brightwater Logistics"]);
		expect(await call("Har")).toEqual(["Harbour Print Partners", "Hartmann Druck GmbH"]);
		expect(await call("HARTM")).toEqual(["Hartmann Druck GmbH"]);
		// "Starts with" the name, not with any word of it.
		expect(await call("Druck")).toEqual([]);
		expect(await call("H")).toEqual(["Harbour Print Partners", "Hartmann Druck GmbH"]);
	});

	it("pages autocomplete results with offset pagination", async () => {
		const first = await h.call("GET", "/api/v2/organizations/autocomplete.json?name=har&per_page=1");
		expect(names(first.json)).toEqual(["Harbour Print Partners"]);
		expect(first.json).toMatchObject({
			count: 2,
			previous_page: null,
			next_page: "http://emulator.test/api/v2/organizations/autocomplete.json?name=har&page=2&per_page=1",
		});
		const second = await h.call("GET", first.json.next_page.replace("http://emulator.test", ""));
		expect(names(second.json)).toEqual(["Hartmann Druck GmbH"]);
		expect(second.json.next_page).toBeNull();
		expect(second.json.previous_page).toContain("page=1");
	});

	it.each([
		["no name", "/api/v2/organizations/autocomplete.json"],
		["a blank name", "/api/v2/organizations/autocomplete.json?name=%20%20"],
	])("refuses an autocomplete with %s: 400 in the OAS Errors shape", async (_, url) => {
		const res = await h.call("GET", url);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ errors: [{ code: "QueryError", title: "Missing required parameter: name" }] });
	});

	it.each(["agent@example.com", "light@example.com", "admin@example.com"])("lets %s read organizations", async as => {
		for (const url of [
			"/api/v2/organizations/9001.json",
			"/api/v2/organizations/show_many.json?ids=9001",
			"/api/v2/organizations/autocomplete.json?name=br",
		])
			expect((await h.call("GET", url, undefined, { as })).status).toBe(200);
	});

	it("refuses end users every organization read with the nested 403", async () => {
		for (const url of [
			"/api/v2/organizations/9001.json",
			"/api/v2/organizations/show_many.json?ids=9001",
			"/api/v2/organizations/autocomplete.json?name=br",
		]) {
			const res = await h.call("GET", url, undefined, { as: "olivia.bennett@example.org" });
			expect(res.status).toBe(403);
			expect(res.json.error.title).toBe("Forbidden");
		}
	});

	it("stores an organization lookup value only for an existing organization", async () => {
		const put = (value: unknown) =>
			h.call("PUT", "/api/v2/tickets/3.json", { ticket: { custom_fields: [{ id: 5114, value }] } });
		const saved = await put("9005");
		expect(saved.status).toBe(200);
		expect(saved.json.ticket.custom_fields.find((f: { id: number }) => f.id === 5114)?.value).toBe(9005);
		const refused = await put(1003);
		expect(refused.status).toBe(422);
		expect(refused.json.details.base[0]).toMatchObject({
			description: "Partner organization is not valid",
			ticket_field_id: 5114,
			ticket_field_type: "FieldLookup",
		});
	});
});
