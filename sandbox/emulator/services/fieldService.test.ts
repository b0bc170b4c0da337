import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const ids = (list: Array<{ id: number }>) => list.map(item => item.id);
const FORM_7002_FIELDS = [5001, 5002, 5003, 5005, 5006, 5007, 5108, 5107, 5105, 5102, 5109, 5112];

/** `GET /ticket_fields` as `as` sees it, by id. */
async function allFields(as: string) {
	const list = (await h.call("GET", "/api/v2/ticket_fields.json", undefined, { as })).json.ticket_fields as Array<{
		id: number;
	}>;
	return new Map(list.map(field => [field.id, field] as const));
}

describe("ticket forms with include=ticket_fields", () => {
	it("sideloads exactly the fields a form lists, as GET /ticket_fields shows them, by position", async () => {
		const res = await h.call("GET", "/api/v2/ticket_forms/7002.json?include=ticket_fields", undefined, {
			as: "agent@example.com",
		});
		expect(res.status).toBe(200);
		expect(res.json.ticket_form.id).toBe(7002);
		const fields = res.json.ticket_fields as Array<{ id: number }>;
		expect(ids(fields).sort()).toEqual([...FORM_7002_FIELDS].sort());
		const byId = await allFields("agent@example.com");
		expect(fields).toEqual(ids(fields).map(id => byId.get(id)));
		expect(ids(fields)).toEqual([...byId.keys()].filter(id => FORM_7002_FIELDS.includes(id)));
	});

	it("answers without ticket_fields when not asked, and ignores other include values", async () => {
		for (const url of ["/api/v2/ticket_forms/7001.json", "/api/v2/ticket_forms/7001.json?include=users,groups"]) {
			const res = await h.call("GET", url);
			expect(res.status).toBe(200);
			expect(Object.keys(res.json)).toEqual(["ticket_form"]);
		}
		const both = await h.call("GET", "/api/v2/ticket_forms/7001.json?include=users,ticket_fields");
		expect(Object.keys(both.json).sort()).toEqual(["ticket_fields", "ticket_form"]);
	});

	it("gives an end user only the portal-visible fields, like GET /ticket_fields", async () => {
		const as = "olivia.bennett@example.org";
		const res = await h.call("GET", "/api/v2/ticket_forms/7001.json?include=ticket_fields", undefined, { as });
		const fields = res.json.ticket_fields as Array<{ id: number; visible_in_portal: boolean }>;
		expect(fields.every(field => field.visible_in_portal)).toBe(true);
		expect(ids(fields)).not.toContain(5104);
		expect(ids(fields)).toEqual([...(await allFields(as)).keys()].filter(id => id !== 5113));
	});

	it("answers 404 for an unknown form, with or without the include", async () => {
		expect((await h.call("GET", "/api/v2/ticket_forms/424242.json?include=ticket_fields")).status).toBe(404);
	});

	it("shows many forms in request order, each once, with the union of their fields each once", async () => {
		const res = await h.call(
			"GET",
			"/api/v2/ticket_forms/show_many.json?ids=7002,424242,7001,7002&include=ticket_fields",
		);
		expect(res.status).toBe(200);
		expect(ids(res.json.ticket_forms)).toEqual([7002, 7001]);
		const fields = ids(res.json.ticket_fields);
		expect(new Set(fields).size).toBe(fields.length);
		const listed = new Set<number>(
			res.json.ticket_forms.flatMap((f: { ticket_field_ids: number[] }) => f.ticket_field_ids),
		);
		expect(fields.sort()).toEqual([...listed].sort());
	});

	it("shows many forms without fields unless asked, honours active, and answers [] without ids", async () => {
		h.emulator.db.ticketForms.find(f => f.id === 7002)!.active = false;
		const plain = await h.call("GET", "/api/v2/ticket_forms/show_many.json?ids=7001,7002");
		expect(Object.keys(plain.json)).toEqual(["ticket_forms"]);
		expect(ids(plain.json.ticket_forms)).toEqual([7001, 7002]);
		expect(
			ids((await h.call("GET", "/api/v2/ticket_forms/show_many.json?ids=7001,7002&active=true")).json.ticket_forms),
		).toEqual([7001]);
		const none = await h.call("GET", "/api/v2/ticket_forms/show_many.json?include=ticket_fields");
		expect(none.json).toEqual({ ticket_forms: [], ticket_fields: [] });
	});

	it("skips forms an end user may not see", async () => {
		h.emulator.db.ticketForms.find(f => f.id === 7002)!.end_user_visible = false;
		const res = await h.call(
			"GET",
			"/api/v2/ticket_forms/show_many.json?ids=7001,7002&include=ticket_fields",
			undefined,
			{
				as: "olivia.bennett@example.org",
			},
		);
		expect(ids(res.json.ticket_forms)).toEqual([7001]);
	});
});
