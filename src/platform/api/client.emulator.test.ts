import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "./client";
import { ApiError } from "./errors";

/**
 * The API client against the real emulator (default world, see sandbox/emulator/worlds/default.ts),
 * through the relay, the fake SDK client and the real adapter. Proves the wire types and
 * normalizers accept everything the emulator serves, and that failures arrive with the right kind.
 */
const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) dispose();
});

function setup(userEmail = "agent@example.com") {
	const emulator = createEmulator({ settings: { jobStepMs: 0 } });
	const { port, client } = createInProcessPort({ emulator, userEmail, ticketId: 1 });
	disposers.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	return { emulator, api: createZendeskApi(port) };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe("createZendeskApi against the emulator", () => {
	it("reads every seeded ticket without a shape error", async () => {
		const { emulator, api } = setup();
		for (const { id } of emulator.db.tickets) {
			const { ticket } = await api.getTicket(id, { includeUsers: true });
			expect(ticket.id).toBe(id);
		}
	});

	it("reads ticket 1 with its CCs, follower and side-loaded users", async () => {
		const { api } = setup();
		const { ticket, users } = await api.getTicket(1, { includeUsers: true });
		expect(ticket).toMatchObject({
			status: "open",
			priority: "urgent",
			requesterId: 1101,
			emailCcIds: [1102, 1103],
			followerIds: [1003],
		});
		expect(users.map(u => u.id)).toEqual(expect.arrayContaining([1101, 1102, 1103, 1003]));
	});

	it("sees ticket 9 as a follow-up of ticket 8", async () => {
		const { api } = setup();
		expect((await api.getTicket(9)).ticket.via?.followUpSourceId).toBe(8);
		expect((await api.getTicket(8)).ticket.followupIds).toEqual([9]);
	});

	it("lists every field type with options, and the forms", async () => {
		const { api } = setup();
		const fields = await api.listTicketFields();
		expect(fields.find(f => f.id === 5108)?.options.map(o => o.value)).toEqual([
			"hd_3000",
			"hd_5555",
			"scanner_x2",
			"other_product",
		]);
		expect(fields.find(f => f.id === 5113)?.active).toBe(false);
		expect(fields.map(f => f.type)).toEqual(
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
		const forms = await api.listTicketForms();
		expect(forms.map(f => f.id)).toEqual(expect.arrayContaining([7001, 7002]));
	});

	it("reads one form with exactly its fields in one request, normalised like the two lists", async () => {
		const { emulator, api } = setup();
		const [fields, forms] = await Promise.all([api.listTicketFields(), api.listTicketForms()]);
		emulator.controls.clearRequests();
		const { form, fields: formFields } = await api.showTicketFormWithFields(7002);
		expect(emulator.controls.requests().map(r => r.url)).toEqual([
			"/api/v2/ticket_forms/7002.json?include=ticket_fields",
		]);
		expect(form).toEqual(forms.find(f => f.id === 7002));
		expect(form.agentConditions).toHaveLength(1);
		expect(formFields.map(f => f.id).sort()).toEqual([...form.ticketFieldIds].sort());
		expect(formFields).toEqual(fields.filter(f => form.ticketFieldIds.includes(f.id)));
	});

	it("rejects a form it cannot read (not_found), and an answer without the sideload (unexpected_response)", async () => {
		const { emulator, api } = setup();
		expect((await failure(api.showTicketFormWithFields(424242))).kind).toBe("not_found");
		emulator.controls.addFault({
			method: "GET",
			path: "/api/v2/ticket_forms/7001",
			status: 200,
			body: { ticket_form: { id: 7001, name: "General support", ticket_field_ids: [] } },
			times: 1,
		});
		const missing = await failure(api.showTicketFormWithFields(7001));
		expect(missing.kind).toBe("unexpected_response");
		expect(missing.message).toContain('no "ticket_fields"');
	});

	it("reads the signed-in agent, users and account settings", async () => {
		const { api } = setup("light@example.com");
		expect(await api.getMe()).toMatchObject({ id: 1005, roleType: 1, locale: "de" });
		expect((await api.showManyUsers([1101, 1102])).map(u => u.name).sort()).toEqual([
			"Liam O'Connor",
			"Olivia Bennett",
		]);
		expect((await api.autocompleteUsers("Oli")).map(u => u.id)).toContain(1101);
		expect((await api.searchUsers("hannah")).map(u => u.id)).toContain(1109);
		expect(typeof (await api.getAccountSettings()).followerAndEmailCcCollaborations).toBe("boolean");
	});

	it("reads organizations by id in one request and autocompletes them by name", async () => {
		const { emulator, api } = setup();
		emulator.controls.clearRequests();
		expect(await api.showManyOrganizations([9004, 9001, 9004, 424242, 0, -3])).toEqual([
			{ id: 9004, name: "Brightline Office Supplies" },
			{ id: 9001, name: "Brightwater Logistics" },
		]);
		expect(emulator.controls.requests().map(r => r.url)).toEqual([
			"/api/v2/organizations/show_many.json?ids=9004%2C9001%2C424242",
		]);
		expect(await api.autocompleteOrganizations(" bright ")).toEqual([
			{ id: 9004, name: "Brightline Office Supplies" },
			{ id: 9001, name: "Brightwater Logistics" },
		]);
		expect(await api.autocompleteOrganizations("  ")).toEqual([]);
		expect(await api.showManyOrganizations([])).toEqual([]);
		expect(emulator.controls.requests()).toHaveLength(2);
	});

	it("reads more than 100 organization ids in chunks of 100", async () => {
		const { emulator, api } = setup();
		emulator.controls.clearRequests();
		const ids = [...Array.from({ length: 150 }, (_, i) => 100_000 + i), 9003];
		expect((await api.showManyOrganizations(ids)).map(o => o.id)).toEqual([9003]);
		expect(emulator.controls.requests()).toHaveLength(2);
	});

	it("rejects organization reads of an end user (forbidden) and a refused search (invalid, with Zendesk's code)", async () => {
		const { emulator, api } = setup("olivia.bennett@example.org");
		expect((await failure(api.showManyOrganizations([9001]))).kind).toBe("forbidden");
		emulator.controls.addFault({
			method: "GET",
			path: "/api/v2/organizations/autocomplete",
			status: 400,
			body: { errors: [{ code: "QueryError", title: "Invalid type:sample_type" }] },
			times: 1,
		});
		expect(await failure(api.autocompleteOrganizations("br"))).toMatchObject({
			kind: "invalid",
			status: 400,
			code: "QueryError",
		});
	});

	it("pages through the audits of ticket 7 and reads comments", async () => {
		const { api } = setup();
		let page = await api.listAudits(7);
		const audits = [...page.items];
		while (page.nextCursor) {
			page = await api.listAudits(7, page.nextCursor);
			audits.push(...page.items);
		}
		expect(audits.length).toBeGreaterThan(0);
		expect(audits.every(a => a.ticketId === 7)).toBe(true);
		expect((await api.listComments(11))[0]?.attachments.map(a => a.fileName)).toEqual(["crash.log", "screenshot.png"]);
	});

	it("updates with a safe update, stores custom metadata on the audit, and rejects a stale stamp", async () => {
		const { emulator, api } = setup();
		const { ticket } = await api.getTicket(1);
		const result = await api.updateTicket(1, {
			tags: [...ticket.tags, "api_test"],
			metadata: { source: "test" },
			safe_update: true,
			updated_stamp: ticket.updatedAt,
		});
		expect(result.audit?.metadata.custom).toEqual({ source: "test" });
		expect(emulator.db.tickets.find(t => t.id === 1)?.tags).toContain("api_test");
		const stale = await failure(
			api.updateTicket(1, { tags: ["x"], safe_update: true, updated_stamp: "2000-01-01T00:00:00Z" }),
		);
		expect(stale.kind).toBe("conflict");
	});

	it("refuses to update a closed ticket with kind closed_ticket", async () => {
		const { api } = setup();
		expect((await failure(api.updateTicket(10, { subject: "x" }))).kind).toBe("closed_ticket");
	});

	it("creates follow-ups synchronously (idempotently) and asynchronously", async () => {
		const { emulator, api } = setup();
		const created = await api.createTicket(
			{ via_followup_source_id: 7, comment: { body: "Still broken" } },
			{ idempotencyKey: "k-1" },
		);
		expect(created.kind).toBe("created");
		if (created.kind !== "created") return;
		expect(created.ticket.via?.followUpSourceId).toBe(7);
		const replay = await api.createTicket(
			{ via_followup_source_id: 7, comment: { body: "Still broken" } },
			{ idempotencyKey: "k-1" },
		);
		expect(replay).toMatchObject({ kind: "created", replayed: true });
		const queued = await api.createTicket({ subject: "Async", comment: { body: "x" } }, { async: true });
		expect(queued.kind).toBe("queued");
		if (queued.kind !== "queued") return;
		let job = queued.jobStatus;
		for (let i = 0; i < 50 && job.status !== "completed"; i++) {
			await new Promise(r => setTimeout(r, 5));
			job = await api.getJobStatus(job.id);
		}
		expect(job.status).toBe("completed");
		expect(emulator.db.tickets.some(t => t.subject === "Async")).toBe(true);
	});

	it("lists the locales the account enables, in Zendesk's order", async () => {
		const { emulator, api } = setup();
		expect(await api.listLocales()).toEqual([
			{ id: 1, locale: "en-US", name: "English" },
			{ id: 2, locale: "es", name: "Español" },
			{ id: 8, locale: "de", name: "Deutsch" },
			{ id: 16, locale: "fr", name: "Français" },
		]);
		emulator.db.account.settings.localization = { locale_ids: [16, 67] };
		expect((await api.listLocales()).map(l => l.locale)).toEqual(["fr", "ja"]);
	});

	it("uploads text files under one token and deletes the upload", async () => {
		const { emulator, api } = setup();
		const first = await api.uploadText("notes.txt", "hello");
		const second = await api.uploadText("data.csv", "a,b", { token: first.token });
		expect(second.token).toBe(first.token);
		expect(second.attachments.map(a => a.fileName)).toEqual(expect.arrayContaining(["notes.txt", "data.csv"]));
		await api.deleteUpload(first.token);
		expect(emulator.db.uploads.some(u => u.token === first.token)).toBe(false);
	});

	it("turns an unknown ticket into kind not_found", async () => {
		const { api } = setup();
		expect((await failure(api.getTicket(999_999))).kind).toBe("not_found");
	});
});

describe("findTicketsByExternalId against the emulator", () => {
	it("finds exactly the tickets with that external id, and none for an unknown one", async () => {
		const { api } = setup();
		const created = await api.createTicket({ comment: { body: "x" }, external_id: "zd-sidebar:followup-abc" });
		if (created.kind !== "created") throw new Error("expected a synchronous create");
		expect((await api.findTicketsByExternalId("zd-sidebar:followup-abc")).map(t => t.id)).toEqual([created.ticket.id]);
		expect(await api.findTicketsByExternalId("zd-sidebar:followup-nope")).toEqual([]);
	});
});
