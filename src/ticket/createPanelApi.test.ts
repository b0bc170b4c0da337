import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { SandboxEmulator } from "../../sandbox/emulator/types";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../platform/api/client";
import { createMemoryStorage, type StorageLike } from "../platform/storage/createDraftStore";
import { createFieldDefinitionsCache } from "./createFieldDefinitionsCache";
import { ACCOUNT_SETTINGS_KEY, createPanelApi, SHARED_READ_MS } from "./createPanelApi";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

/** A panel on `ticketId` over the emulator, with a clock the test moves. */
function setup(
	options: { ticketId?: number; storage?: StorageLike; emulator?: SandboxEmulator; formHint?: number | null } = {},
) {
	const ticketId = options.ticketId ?? 1;
	const emulator = options.emulator ?? createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, ticketId });
	const plain = createZendeskApi(port);
	const clock = { now: 1_000_000 };
	const definitions = createFieldDefinitionsCache({ api: plain });
	const panel = createPanelApi({
		api: plain,
		ticketId,
		zaf: port,
		definitions,
		now: () => clock.now,
		...("formHint" in options ? { formHint: options.formHint ?? null } : {}),
		...(options.storage ? { storage: options.storage } : {}),
	});
	cleanups.push(() => {
		panel.dispose();
		client.close();
		if (!options.emulator) emulator.dispose();
	});
	/** The app's requests so far, as `METHOD /path?query` (the fake host's own reads left out). */
	const requests = () =>
		emulator.controls
			.requests()
			.filter(entry => entry.client !== "host")
			.map(entry => `${entry.method} ${decodeURIComponent(entry.url)}`);
	return { api: panel.api, definitions, emulator, client, clock, requests, ticketId };
}

describe("createPanelApi", () => {
	it("gives every section's first read of the ticket the same single request, users sideloaded", async () => {
		const { api, requests } = setup();
		const [a, b] = await Promise.all([api.getTicket(1), api.getTicket(1, { includeUsers: true })]);
		const c = await api.getTicket(1, { includeUsers: true });
		expect(requests()).toEqual(["GET /api/v2/tickets/1.json?include=users"]);
		expect(a.users).toEqual([]);
		expect(b.users.map(u => u.id)).toEqual(expect.arrayContaining([1101, 1102, 1103, 1003]));
		expect(c.ticket).toEqual(b.ticket);
	});

	it("asks Zendesk again once the shared answer is older than the window", async () => {
		const { api, clock, requests } = setup();
		await api.getTicket(1);
		clock.now += SHARED_READ_MS + 1;
		await api.getTicket(1);
		expect(requests()).toHaveLength(2);
	});

	it("answers a read-back right after a save with the PUT's ticket, and re-reads after a failed save", async () => {
		const { api, requests } = setup();
		const { ticket } = await api.getTicket(1);
		const saved = await api.updateTicket(1, {
			subject: "Printer is still on fire",
			safe_update: true,
			updated_stamp: ticket.updatedAt,
		});
		expect((await api.getTicket(1)).ticket.subject).toBe("Printer is still on fire");
		expect(requests()).toEqual(["GET /api/v2/tickets/1.json?include=users", "PUT /api/v2/tickets/1.json"]);
		// A stale stamp: 409. The writer's re-read must see Zendesk, not what the panel knew.
		await expect(
			api.updateTicket(1, { subject: "x", safe_update: true, updated_stamp: "2000-01-01T00:00:00Z" }),
		).rejects.toMatchObject({ status: 409 });
		expect((await api.getTicket(1)).ticket.updatedAt).toBe(saved.ticket.updatedAt);
		expect(requests()).toHaveLength(4);
	});

	it("forgets the ticket when Zendesk says it changed or the agent submitted it", async () => {
		const { api, client, requests } = setup();
		await api.getTicket(1);
		client.fire("ticket.updated", { ticketId: 1, updatedBy: 1003 });
		await api.getTicket(1);
		client.fire("ticket.submit.done");
		await api.getTicket(1);
		expect(requests()).toHaveLength(3);
	});

	it("forgets the source ticket around a create and while a job is polled", async () => {
		const { api, requests } = setup({ ticketId: 7 });
		await api.getTicket(7);
		await api.createTicket({ comment: { body: "Again" }, via_followup_source_id: 7 });
		expect((await api.getTicket(7)).ticket.followupIds).toHaveLength(1);
		expect(requests().filter(r => r.startsWith("GET /api/v2/tickets/7"))).toHaveLength(2);
	});

	it("names people from the sideloaded users instead of asking per person", async () => {
		const { api, requests } = setup();
		await api.getTicket(1, { includeUsers: true });
		const named = await api.showManyUsers([1101, 1102, 1102, 1003]);
		expect(named.map(u => u.id)).toEqual([1101, 1102, 1003]);
		expect(requests()).toHaveLength(1);
		await api.showManyUsers([1101, 1104]);
		expect(requests()).toEqual([
			"GET /api/v2/tickets/1.json?include=users",
			"GET /api/v2/users/show_many.json?ids=1101,1104",
		]);
	});

	it("passes reads of other tickets through untouched", async () => {
		const { api, requests } = setup();
		await api.getTicket(2);
		await api.getTicket(2);
		expect(requests()).toEqual(["GET /api/v2/tickets/2.json", "GET /api/v2/tickets/2.json"]);
	});

	it("reads ticket fields and forms from the shared definitions, once, each only when asked for", async () => {
		const { api, requests } = setup();
		const fields = await api.listTicketFields();
		await api.listTicketFields();
		expect(requests()).toEqual(["GET /api/v2/ticket_fields.json"]);
		const [forms] = await Promise.all([api.listTicketForms(), api.listTicketFields()]);
		expect(fields.length).toBeGreaterThan(0);
		expect(forms.length).toBeGreaterThan(0);
		expect(requests()).toEqual(["GET /api/v2/ticket_fields.json", "GET /api/v2/ticket_forms.json"]);
	});

	it("starts the hinted form's definitions with the first ticket read, while the ticket is still on its way", async () => {
		const emulator = createEmulator({ settings: { rateLimits: false } });
		cleanups.push(() => emulator.dispose());
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/2", delayMs: 60 });
		const { api, definitions, requests } = setup({ ticketId: 2, formHint: 7001, emulator });
		expect(requests()).toEqual([]);
		await Promise.all([api.getTicket(2, { includeUsers: true }), api.getTicket(2)]);
		// The log is written as answers leave: the form was answered while the ticket waited.
		expect(requests()).toEqual([
			"GET /api/v2/ticket_forms/7001.json?include=ticket_fields",
			"GET /api/v2/tickets/2.json?include=users",
		]);
		await definitions.forForm(7001);
		expect(requests()).toHaveLength(2);
	});

	it.each([
		[
			"ZAF says the ticket has no form: every field and form",
			null,
			["GET /api/v2/ticket_fields.json", "GET /api/v2/ticket_forms.json"],
		],
		["no hint: nothing but the ticket", undefined, []],
	])("%s", async (_, formHint, definitionRequests) => {
		const { api, requests } = setup(formHint === undefined ? {} : { formHint });
		await api.getTicket(1);
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(requests().sort()).toEqual(["GET /api/v2/tickets/1.json?include=users", ...definitionRequests].sort());
	});

	it("starts the hinted form once per panel, not on later ticket reads", async () => {
		const { api, clock, requests } = setup({ ticketId: 2, formHint: 7001 });
		await api.getTicket(2);
		clock.now += SHARED_READ_MS + 1;
		await api.getTicket(2);
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(requests().filter(r => r.includes("ticket_forms"))).toHaveLength(1);
	});

	it("reads the account settings once per session: the next ticket's panel takes them from storage", async () => {
		const storage = createMemoryStorage();
		const emulator = createEmulator({ settings: { rateLimits: false } });
		cleanups.push(() => emulator.dispose());
		const first = setup({ storage, emulator });
		const settings = await first.api.getAccountSettings();
		await first.api.getAccountSettings();
		expect(settings.followerAndEmailCcCollaborations).toBe(true);
		expect(storage.getItem(ACCOUNT_SETTINGS_KEY)).not.toBeNull();
		const next = setup({ storage, emulator, ticketId: 2 });
		expect(await next.api.getAccountSettings()).toEqual(settings);
		expect(next.requests().filter(r => r.includes("account/settings"))).toHaveLength(1);
	});
});
