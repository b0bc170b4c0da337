import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import type { FieldDraftValue } from "../../shared/customFieldsTypes";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../../platform/storage/createDraftStore";
import { createFieldDefinitionsCache, type FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";
import { createTicketStore } from "../../ticket/createTicketStore";
import { createFieldsModel } from "./createFieldsModel";
import { createMetadataModel } from "../../ticket/metadata/createMetadataModel";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

interface SetupOptions {
	ticketId?: number;
	storage?: StorageLike;
	definitions?: (api: ReturnType<typeof createZendeskApi>) => FieldDefinitionsCache;
	defaultMetadata?: unknown;
}

/** A fresh emulator (default world), the real models over the in-process port. */
async function setup(options: SetupOptions = {}) {
	const { ticketId = 2, storage = createMemoryStorage() } = options;
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId });
	const api = createZendeskApi(port);
	const userId = emulator.db.users.find(u => u.email === "agent@example.com")?.id ?? 0;
	const drafts = createDraftStore(storage, userId, ticketId);
	const metadata = createMetadataModel({ drafts, defaultSetting: options.defaultMetadata });
	const definitions = options.definitions?.(api) ?? createFieldDefinitionsCache({ api });
	const store = createTicketStore({ api, zaf: port, ticketId, metadata });
	const model = createFieldsModel({ ticket: store, drafts, definitions, metadata });
	cleanups.push(() => {
		model.dispose();
		store.dispose();
		client.close();
		emulator.dispose();
	});
	await model.load();
	emulator.controls.clearRequests();
	const ticket = () => emulator.db.tickets.find(t => t.id === ticketId);
	const puts = () => emulator.controls.requests().filter(r => r.method === "PUT");
	const audits = () => emulator.db.audits.filter(a => a.ticket_id === ticketId);
	return { emulator, port, client, api, model, metadata, storage, drafts, ticket, puts, audits };
}

describe("fields model against the emulator", () => {
	it("shows the form's editable fields in form order, read-only ones marked, inactive and system fields left out", async () => {
		const { model } = await setup();
		expect(model.shown.value.map(s => [s.field.id, s.editable, s.requiredOnSolve])).toEqual([
			[5101, true, false],
			[5102, true, false],
			[5103, true, false],
			[5104, true, false],
			[5105, true, false],
			[5106, true, false],
			[5107, true, false],
			[5108, true, false],
			[5109, true, false],
			[5110, true, false],
			[5111, false, false],
			[5112, true, true],
			[5114, true, false],
		]);
		expect(model.valueOf(5103)).toBe("12");
		expect(model.valueOf(5109)).toEqual(["platform_windows", "platform_macos"]);
	});

	it("saves an edit of every editable type in ONE safe update, with the pending metadata on its audit", async () => {
		const { model, metadata, ticket, puts, audits } = await setup({ defaultMetadata: '{"source":"sidebar-app"}' });
		const edits: Array<[number, FieldDraftValue]> = [
			[5101, "ORD-2"],
			[5102, "line 1\nline 2"],
			[5103, "42"],
			[5104, "19.5"],
			[5105, "2025-03-01"],
			[5106, false],
			[5107, "AB-1234"],
			[5108, "Scanner X2"],
			[5109, ["Linux", "iOS"]],
			[5110, "1002"],
			[5112, "resolved_fixed"],
		];
		for (const [id, value] of edits) model.edit(id, value);
		metadata.setKey(0, "time_spent");
		metadata.setValue(0, "4m");
		expect(await model.save()).toBe("saved");
		expect(puts()).toHaveLength(1);
		expect(ticket()?.field_values).toMatchObject({
			"5101": "ORD-2",
			"5102": "line 1\nline 2",
			"5103": "42",
			"5104": "19.5",
			"5105": "2025-03-01",
			"5106": false,
			"5107": "AB-1234",
			"5108": "scanner_x2",
			"5109": ["platform_linux", "platform_ios"],
			"5110": 1002,
			"5112": "resolved_fixed",
		});
		expect(audits().at(-1)?.metadata.custom).toEqual({ source: "sidebar-app", time_spent: "4m" });
		expect(model.drafts.value).toEqual({});
		expect(model.notices.value).toEqual([]);
		expect(metadata.rows.value).toEqual([]);
		expect(metadata.status.value).toMatchObject({ kind: "attached", keys: ["source", "time_spent"] });
	});

	it("detects a dropdown tag Zendesk silently dropped by reading the ticket back, and keeps the draft", async () => {
		// A stale cached definition still offers an option the admin has since deleted.
		const { model, ticket, puts } = await setup({
			definitions: api => {
				const real = createFieldDefinitionsCache({ api });
				return {
					...real,
					async forForm(formId) {
						const defs = await real.forForm(formId);
						const fields = defs.fields.map(f =>
							f.id === 5108
								? {
										...f,
										options: [...f.options, { id: null, name: "Inkjet 90", value: "inkjet_90", isDefault: false }],
									}
								: f,
						);
						return { ...defs, fields };
					},
				};
			},
		});
		model.edit(5108, "Inkjet 90");
		model.edit(5101, "ORD-3");
		expect(await model.save()).toBe("saved");
		expect(puts()).toHaveLength(1);
		expect(ticket()?.field_values["5108"]).toBe("hd_5555");
		expect(model.notices.value).toEqual([
			{ field: "field.5108", code: "fields.notices.dropped", vars: { sent: "Inkjet 90" } },
		]);
		expect(Object.keys(model.drafts.value)).toEqual(["5108"]);
		expect(model.valueOf(5108)).toBe("Inkjet 90");
		expect(model.valueOf(5101)).toBe("ORD-3");
	});

	it("refuses bad input on the right fields without sending anything, and keeps every draft (also in storage)", async () => {
		const storage = createMemoryStorage();
		const { model, puts } = await setup({ storage });
		model.edit(5103, "twelve");
		model.edit(5107, "ab-12");
		model.edit(5104, "1,5");
		model.edit(5101, "fine");
		expect(await model.save()).toBe("invalid");
		expect(puts()).toHaveLength(0);
		expect(model.issues.value.map(i => [i.field, i.code])).toEqual([
			["field.5103", "fields.issues.integerInvalid"],
			["field.5104", "fields.issues.decimalInvalid"],
			["field.5107", "fields.issues.regexpMismatch"],
		]);
		expect(model.valueOf(5103)).toBe("twelve");
		expect(storage.size).toBe(1);
	});

	it("restores the drafts in a new panel for the same agent and ticket", async () => {
		const storage = createMemoryStorage();
		const first = await setup({ storage });
		first.model.edit(5101, "half-typed");
		const second = await setup({ storage });
		expect(second.model.valueOf(5101)).toBe("half-typed");
		expect(second.model.dirty.value).toBe(true);
	});

	it("refuses a metadata-only save, sends nothing and keeps the metadata", async () => {
		const { model, metadata, puts, audits } = await setup();
		const before = audits().length;
		metadata.setKey(0, "note");
		metadata.setValue(0, "checked");
		expect(await model.save()).toBe("nothing");
		expect(puts()).toHaveLength(0);
		expect(audits()).toHaveLength(before);
		expect(metadata.status.value).toEqual({ kind: "refused" });
		expect(model.issues.value).toEqual([{ field: "fields", code: "metadata.issues.metadataOnly" }]);
		expect(metadata.rows.value).toEqual([{ key: "note", value: "checked" }]);
	});

	it("also treats re-typing the current values as nothing to save", async () => {
		const { model, metadata, puts } = await setup();
		model.edit(5103, "13");
		model.edit(5103, "12");
		metadata.setKey(0, "k");
		metadata.setValue(0, "v");
		expect(await model.save()).toBe("nothing");
		expect(puts()).toHaveLength(0);
		expect(model.drafts.value).toEqual({});
		expect(metadata.status.value.kind).toBe("refused");
	});

	it("blocks the save while the metadata is over 1 KB, and says so", async () => {
		const { model, metadata, puts } = await setup();
		model.edit(5101, "ORD-4");
		metadata.setKey(0, "big");
		metadata.setValue(0, "x".repeat(1100));
		expect(await model.save()).toBe("invalid");
		expect(puts()).toHaveLength(0);
		expect(model.issues.value).toEqual([{ field: "fields", code: "fields.issues.metadataBlocked" }]);
		expect(metadata.issues.value.map(i => i.code)).toContain("metadata.issues.tooLarge");
	});

	it("puts Zendesk's 422 details on the field they concern and keeps the draft", async () => {
		const { model, puts } = await setup();
		model.edit(5110, "999999");
		expect(await model.save()).toBe("invalid");
		expect(puts()).toHaveLength(1);
		expect(model.issues.value).toEqual([
			{ field: "field.5110", code: "fields.issues.rejected", vars: { description: "Account manager is not valid" } },
		]);
		expect(model.valueOf(5110)).toBe("999999");
	});

	it("asks instead of overwriting when someone else changed the same field meanwhile, then overwrites on the second save", async () => {
		const { model, emulator, ticket } = await setup();
		model.edit(5101, "mine");
		const other = createInProcessPort({ emulator, userEmail: "maria@example.com", ticketId: 2 });
		cleanups.push(() => other.client.close());
		await createZendeskApi(other.port).updateTicket(2, { custom_fields: [{ id: 5101, value: "theirs" }] });
		expect(await model.save()).toBe("conflict");
		expect(ticket()?.field_values["5101"]).toBe("theirs");
		expect(model.notices.value).toEqual([
			{ field: "field.5101", code: "fields.notices.conflict", vars: { theirs: "theirs" } },
		]);
		expect(model.valueOf(5101)).toBe("mine");
		expect(await model.save()).toBe("saved");
		expect(ticket()?.field_values["5101"]).toBe("mine");
	});

	it("shows a conflict again after a reload, and asks again when the other agent changes the field once more", async () => {
		const { model, emulator, ticket, port, storage, api } = await setup();
		model.edit(5101, "mine");
		const other = createInProcessPort({ emulator, userEmail: "maria@example.com", ticketId: 2 });
		cleanups.push(() => other.client.close());
		const otherApi = createZendeskApi(other.port);
		await otherApi.updateTicket(2, { custom_fields: [{ id: 5101, value: "theirs" }] });
		expect(await model.save()).toBe("conflict");
		model.dispose();
		// The panel reloads: a new core and model over the same storage.
		const drafts = createDraftStore(storage, 1002, 2);
		const metadata = createMetadataModel({ drafts, defaultSetting: undefined });
		const store = createTicketStore({ api, zaf: port, ticketId: 2, metadata });
		const reloaded = createFieldsModel({
			ticket: store,
			drafts,
			definitions: createFieldDefinitionsCache({ api }),
			metadata,
		});
		cleanups.push(() => (reloaded.dispose(), store.dispose()));
		await reloaded.load();
		expect(reloaded.valueOf(5101)).toBe("mine");
		expect(reloaded.notices.value).toEqual([
			{ field: "field.5101", code: "fields.notices.conflict", vars: { theirs: "theirs" } },
		]);
		// Someone changes it again: that value was never shown, so saving asks again instead of overwriting it.
		await otherApi.updateTicket(2, { custom_fields: [{ id: 5101, value: "theirs, again" }] });
		await store.refresh();
		expect(await reloaded.save()).toBe("conflict");
		expect(ticket()?.field_values["5101"]).toBe("theirs, again");
		expect(reloaded.notices.value).toEqual([
			{ field: "field.5101", code: "fields.notices.conflict", vars: { theirs: "theirs, again" } },
		]);
		// The agent has seen it now: saving again keeps the agent's value.
		expect(await reloaded.save()).toBe("saved");
		expect(ticket()?.field_values["5101"]).toBe("mine");
		expect(reloaded.notices.value).toEqual([]);
	});

	it("picks up an unrelated change by someone else (ticket.updated) and saves on top of it", async () => {
		const { model, emulator, ticket, puts } = await setup();
		model.edit(5101, "mine");
		const other = createInProcessPort({ emulator, userEmail: "maria@example.com", ticketId: 2 });
		cleanups.push(() => other.client.close());
		await createZendeskApi(other.port).updateTicket(2, { custom_fields: [{ id: 5102, value: "their steps" }] });
		expect(await model.save()).toBe("saved");
		expect(ticket()?.field_values).toMatchObject({ "5101": "mine", "5102": "their steps" });
		expect(puts().map(r => r.status)).toEqual([200, 200]);
	});

	it("loads only the ticket's form with its fields (one request), not every field and form", async () => {
		const emulator = createEmulator({ settings: { rateLimits: false } });
		const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId: 5 });
		const api = createZendeskApi(port);
		const drafts = createDraftStore(createMemoryStorage(), 1002, 5);
		const definitions = createFieldDefinitionsCache({ api });
		const metadata = createMetadataModel({ drafts, defaultSetting: undefined });
		const store = createTicketStore({ api, zaf: port, ticketId: 5, metadata });
		const model = createFieldsModel({ ticket: store, drafts, definitions, metadata });
		cleanups.push(() => {
			model.dispose();
			store.dispose();
			client.close();
			emulator.dispose();
		});
		await model.load();
		expect(emulator.controls.requests().map(r => r.url)).toEqual([
			"/api/v2/tickets/5.json?include=users",
			"/api/v2/ticket_forms/7002.json?include=ticket_fields",
		]);
		// Form 7002's order (ticket 5's product is the Scanner X2, so its child 5109 shows).
		expect(model.shown.value.map(s => s.field.id)).toEqual([5108, 5107, 5105, 5102, 5109, 5112]);
	});

	it("follows the ticket to another form when someone moves it (ticket.updated)", async () => {
		const { model, emulator } = await setup();
		const other = createInProcessPort({ emulator, userEmail: "maria@example.com", ticketId: 2 });
		cleanups.push(() => other.client.close());
		await createZendeskApi(other.port).updateTicket(2, { ticket_form_id: 7002 });
		// Ticket 2's product is not the Scanner X2: form 7002 hides its child 5109.
		await vi.waitFor(() => expect(model.shown.value.map(s => s.field.id)).toEqual([5108, 5107, 5105, 5102, 5112]));
		expect(emulator.controls.requests().map(r => r.url)).toContain(
			"/api/v2/ticket_forms/7002.json?include=ticket_fields",
		);
	});

	it("re-reads and retries after a 409 UpdateConflict, still in one logical save", async () => {
		const { model, emulator, ticket, puts } = await setup();
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/2", status: 409, times: 1 });
		model.edit(5101, "after conflict");
		expect(await model.save()).toBe("saved");
		expect(puts().map(r => r.status)).toEqual([409, 200]);
		expect(ticket()?.field_values["5101"]).toBe("after conflict");
	});
});
