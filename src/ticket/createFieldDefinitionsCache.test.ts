import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../platform/api/client";
import { createMemoryStorage, type StorageLike } from "../platform/storage/createDraftStore";
import { createFieldDefinitionsCache, FIELD_DEFINITIONS_KEY } from "./createFieldDefinitionsCache";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

const FORM = "GET /api/v2/ticket_forms/7002.json?include=ticket_fields";
const FIELDS = "GET /api/v2/ticket_fields.json";
const FORMS = "GET /api/v2/ticket_forms.json";
/** Form 7002 "Hardware issue" lists these fields (default world). */
const FORM_7002_FIELDS = [5001, 5002, 5003, 5005, 5006, 5007, 5102, 5105, 5107, 5108, 5109, 5112];

/** The default world in-process; `requests()` lists what reached it since the last call. */
function setup() {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com" });
	cleanups.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	const api = createZendeskApi(port);
	const requests = () => {
		const seen = emulator.controls.requests().map(r => `${r.method} ${r.url}`);
		emulator.controls.clearRequests();
		return seen;
	};
	const cache = (options: { storage?: StorageLike; now?: () => number } = {}) =>
		createFieldDefinitionsCache({ api, ...options });
	return { emulator, api, requests, cache };
}

const MINUTE = 60_000;

const ids = (list: ReadonlyArray<{ id: number }>) => list.map(item => item.id).sort((a, b) => a - b);

describe("createFieldDefinitionsCache", () => {
	it("reads a form with its fields in ONE request, shared by concurrent and later callers", async () => {
		const { requests, cache } = setup();
		const definitions = cache();
		const [a, b] = await Promise.all([definitions.forForm(7002), definitions.forForm(7002)]);
		const c = await definitions.forForm(7002);
		expect(requests()).toEqual([FORM]);
		expect(ids(a.forms)).toEqual([7002]);
		expect(ids(a.fields)).toEqual(FORM_7002_FIELDS);
		expect(b).toEqual(a);
		expect(c).toEqual(a);
	});

	it("names the forms already loaded without a request (knownForms), and only those", async () => {
		const { requests, cache } = setup();
		const definitions = cache();
		expect(definitions.knownForms([7001, 7002])).toEqual([]);
		await definitions.forForm(7002);
		requests();
		expect(definitions.knownForms([7001, 7002]).map(form => [form.id, form.name])).toEqual([[7002, "Hardware issue"]]);
		await definitions.forms();
		requests();
		expect(ids(definitions.knownForms([7002, 7001, 9999]))).toEqual([7001, 7002]);
		expect(requests()).toEqual([]);
	});

	it("gives a ticket without a form every field and form, two requests once", async () => {
		const { requests, cache } = setup();
		const definitions = cache();
		const all = await definitions.forForm(null);
		await definitions.get();
		expect(requests().sort()).toEqual([FIELDS, FORMS]);
		expect(ids(all.forms)).toEqual([7001, 7002]);
		expect(all.fields.length).toBeGreaterThan(FORM_7002_FIELDS.length);
	});

	it("answers a form from every field and form once those are known, with the same definitions as the one request", async () => {
		const { requests, cache } = setup();
		const one = await cache().forForm(7002);
		const definitions = cache();
		await definitions.get();
		requests();
		expect(await definitions.forForm(7002)).toEqual(one);
		expect(requests()).toEqual([]);
	});

	it("asks only for the fields when every field is all it needs (audit labels, follow-up titles)", async () => {
		const { requests, cache } = setup();
		const definitions = cache();
		await Promise.all([definitions.fields(), definitions.fields()]);
		expect(requests()).toEqual([FIELDS]);
		await definitions.forms();
		expect(requests()).toEqual([FORMS]);
		await definitions.get();
		expect(requests()).toEqual([]);
	});

	it.each([
		["404", { status: 404 }],
		["403", { status: 403 }],
		["no sideload", { status: 200, body: { ticket_form: { id: 7002, name: "Hardware issue", ticket_field_ids: [] } } }],
	])("falls back to every field and form when the form cannot be read with its fields (%s)", async (_, fault) => {
		const { emulator, requests, cache } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/ticket_forms/7002", ...fault });
		const definitions = cache();
		const fallback = await definitions.forForm(7002);
		expect(requests().sort()).toEqual([FIELDS, FORMS, FORM].sort());
		expect(ids(fallback.forms)).toEqual([7002]);
		expect(ids(fallback.fields)).toEqual(FORM_7002_FIELDS);
		await definitions.forForm(7002);
		expect(requests()).toEqual([]);
	});

	it("gives every field and form for a form Zendesk does not know (the fields then show by position)", async () => {
		const { cache } = setup();
		const all = await cache().forForm(424242);
		expect(ids(all.forms)).toEqual([7001, 7002]);
		expect(ids(all.fields)).toContain(5113);
	});

	it("gives a form that lists no fields every field (Zendesk then shows all active ones)", async () => {
		const { emulator, requests, cache } = setup();
		emulator.db.ticketForms.find(form => form.id === 7002)!.ticket_field_ids = [];
		const definitions = await cache().forForm(7002);
		expect(requests()).toEqual([FORM, FIELDS]);
		expect(definitions.forms.map(form => form.ticketFieldIds)).toEqual([[]]);
		expect(ids(definitions.fields)).toEqual(ids(emulator.db.ticketFields));
	});

	it("does not keep a failure: the next call asks again", async () => {
		const { emulator, requests, cache } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/ticket_forms/7002", status: 503, times: 1 });
		emulator.controls.addFault({ method: "GET", path: "/api/v2/ticket_fields", status: 503, times: 1 });
		const definitions = cache();
		await expect(definitions.forForm(7002)).rejects.toMatchObject({ kind: "server" });
		await expect(definitions.fields()).rejects.toMatchObject({ kind: "server" });
		requests();
		expect(ids((await definitions.forForm(7002)).fields)).toEqual(FORM_7002_FIELDS);
		expect((await definitions.fields()).length).toBeGreaterThan(0);
		expect(requests()).toEqual([FORM, FIELDS]);
	});

	it("treats a refused forms request as no forms", async () => {
		const { emulator, cache } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/ticket_forms", status: 403 });
		expect((await cache().get()).forms).toEqual([]);
	});

	it("reuses what it stored in the next panel until it expires, each kind on its own time", async () => {
		const { requests, cache } = setup();
		const storage = createMemoryStorage();
		let now = 1000;
		await cache({ storage, now: () => now }).forForm(7002);
		now += 6 * MINUTE;
		await cache({ storage, now: () => now }).fields();
		requests();
		now += 6 * MINUTE; // the form is 12 minutes old, the fields 6 (SESSION_TTL_MS: 10)
		const next = cache({ storage, now: () => now });
		await next.fields();
		expect(requests()).toEqual([]);
		await next.forForm(7002);
		expect(requests()).toEqual([FORM]);
	});

	it.each([
		["not json", "{"],
		["no slots", JSON.stringify({ at: 1000, definitions: { fields: [], forms: [] } })],
		[
			"a field without a title",
			JSON.stringify({ slots: { fields: { at: 1000, value: [{ id: 1, type: "text", options: [] }] } } }),
		],
		[
			"a form under another form's slot",
			JSON.stringify({
				slots: {
					"form:7002": {
						at: 1000,
						value: { form: { id: 7001, ticketFieldIds: [], agentConditions: [] }, fields: [] },
					},
				},
			}),
		],
		["a time in the future", JSON.stringify({ slots: { fields: { at: 99_999, value: [] } } })],
	])("ignores stored garbage: %s", async (_, raw) => {
		const { requests, cache } = setup();
		const storage = createMemoryStorage();
		storage.setItem(FIELD_DEFINITIONS_KEY, raw);
		const definitions = cache({ storage, now: () => 1000 });
		await Promise.all([definitions.fields(), definitions.forForm(7002)]);
		expect(requests().sort()).toEqual([FIELDS, FORM].sort());
	});
});
