import { afterEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../../sandbox/emulator/db/clock";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import type { Emulator, SandboxEmulator } from "../../../sandbox/emulator/types";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "./client";
import { ApiError } from "./errors";

/**
 * What each call sends and how its answer is normalised, against the real emulator's default
 * world (sandbox/emulator/worlds/default.ts): ticket 1 is Olivia Bennett's (1101) open urgent
 * incident, assigned to Sam Carter (1002, agent@example.com, the signed-in agent). The clock is
 * manual, so stamps are known and async jobs wait for `controls.flushJobs()`.
 */
const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) dispose();
});

/** The clock's start (createManualClock's default): the stamp of every write a test makes. */
const NOW = "2025-01-15T09:00:00Z";

/** A fresh world per test: the emulator, the real adapter over the in-process SDK client, the API. */
function setup(options: { transport?: (emulator: Emulator) => Emulator } = {}) {
	const emulator = createEmulator({ clock: createManualClock(NOW) });
	const { port, client } = createInProcessPort({
		emulator: options.transport ? options.transport(emulator) : emulator,
		userEmail: "agent@example.com",
		ticketId: 1,
	});
	disposers.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	/** The URLs the app requested, in order. */
	const urls = () =>
		emulator.controls
			.requests()
			.filter(r => r.client === "app")
			.map(r => r.url);
	return { emulator, db: emulator.db, urls, api: createZendeskApi(port) };
}

/** Makes the emulator answer the next GET of `path` with a 200 that lacks the promised envelope. */
function corrupt(emulator: SandboxEmulator, path: string) {
	emulator.controls.addFault({ method: "GET", path, status: 200, body: { nothing: true }, times: 1 });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe("createZendeskApi tickets", () => {
	it("reads a ticket in camelCase with side-loaded users", async () => {
		const { api } = setup();
		const { ticket, users } = await api.getTicket(1, { includeUsers: true });
		expect(ticket).toMatchObject({
			id: 1,
			status: "open",
			subject: "Printer is on fire",
			requesterId: 1101,
			assigneeId: 1002,
			tags: ["printer", "fire", "hd_3000"],
			createdAt: "2025-01-06T09:12:00Z",
		});
		expect(ticket.customFields).toEqual(
			expect.arrayContaining([
				{ id: 5108, value: "hd_3000" },
				{ id: 5103, value: "3" },
			]),
		);
		expect(users.map(u => u.name)).toEqual([
			"Sam Carter",
			"Maria González",
			"Olivia Bennett",
			"Liam O'Connor",
			"Sofia Rossi",
		]);
	});

	it("does not ask for users unless told to", async () => {
		const { api, urls } = setup();
		expect((await api.getTicket(1)).users).toEqual([]);
		expect(urls().at(-1)).toBe("/api/v2/tickets/1.json");
	});

	it("creates a ticket and reports the audit, sending the Idempotency-Key", async () => {
		const { api, db } = setup();
		const result = await api.createTicket({ subject: "Follow-up", comment: { body: "Hi" } }, { idempotencyKey: "k1" });
		expect(result.kind).toBe("created");
		if (result.kind !== "created") return;
		expect(result.replayed).toBe(false);
		expect(db.tickets.find(t => t.id === result.ticket.id)?.subject).toBe("Follow-up");
		expect(result.audit?.events).toContainEqual(
			expect.objectContaining({ type: "Create", fieldName: "status", value: "new" }),
		);
		// The key reached Zendesk: another body under the same key is refused, under a new key it is not.
		const reused = await failure(
			api.createTicket({ subject: "Other", comment: { body: "Hi" } }, { idempotencyKey: "k1" }),
		);
		expect(reused).toMatchObject({ kind: "invalid", status: 400, code: "IdempotentRequestError" });
		expect(
			await api.createTicket({ subject: "Other", comment: { body: "Hi" } }, { idempotencyKey: "k2" }),
		).toMatchObject({ kind: "created", replayed: false });
	});

	it("reports a create answered from the idempotency cache as replayed and creates nothing new", async () => {
		const { api, db } = setup();
		const before = db.tickets.length;
		const first = await api.createTicket({ comment: { body: "Hi" } }, { idempotencyKey: "same" });
		const again = await api.createTicket({ comment: { body: "Hi" } }, { idempotencyKey: "same" });
		expect(first).toMatchObject({ kind: "created", replayed: false });
		// Zendesk replays the stored answer: the same ticket and audit.
		expect(again).toEqual({ ...first, replayed: true });
		expect(db.tickets.length).toBe(before + 1);
	});

	it("returns a queued job for an async create and reads the job", async () => {
		const { api, emulator } = setup();
		const result = await api.createTicket({ comment: { body: "Hi" } }, { async: true });
		expect(result).toMatchObject({ kind: "queued", ticketId: 16, jobStatus: { status: "queued", results: [] } });
		if (result.kind !== "queued") return;
		expect(await api.getJobStatus(result.jobStatus.id)).toEqual(result.jobStatus);
		emulator.controls.flushJobs();
		expect(await api.getJobStatus(result.jobStatus.id)).toMatchObject({
			status: "completed",
			results: [{ id: 16, action: "create", success: true }],
		});
	});

	it("rejects a create without a comment with kind invalid and Zendesk's details", async () => {
		const { api } = setup();
		const error = await failure(api.createTicket({} as never));
		expect(error.kind).toBe("invalid");
		expect(error.details?.description?.[0]).toEqual({
			description: "Description: cannot be blank",
			error: "BlankValue",
		});
	});

	it("updates a ticket with a safe update and returns the audit with its custom metadata", async () => {
		const { api, db } = setup();
		const result = await api.updateTicket(1, {
			tags: ["printer", "fire", "hd_3000", "api_test"],
			safe_update: true,
			updated_stamp: "2025-01-06T09:40:00Z",
			metadata: { app: "zd" },
		});
		expect(db.tickets.find(t => t.id === 1)?.tags).toEqual(["printer", "fire", "hd_3000", "api_test"]);
		expect(result.ticket.updatedAt).toBe(NOW);
		expect(result.audit?.metadata.custom).toEqual({ app: "zd" });
	});

	it("rejects a stale safe update with kind conflict and changes nothing", async () => {
		const { api, db } = setup();
		const error = await failure(
			api.updateTicket(1, { tags: ["z"], safe_update: true, updated_stamp: "2020-01-01T00:00:00Z" }),
		);
		expect(error.kind).toBe("conflict");
		expect(error.request).toBe("PUT /api/v2/tickets/1.json");
		expect(db.tickets.find(t => t.id === 1)?.tags).toEqual(["printer", "fire", "hd_3000"]);
	});

	it("rejects a 2xx without the promised envelope with kind unexpected_response", async () => {
		const { api, emulator } = setup();
		corrupt(emulator, "/api/v2/tickets/1");
		const error = await failure(api.getTicket(1));
		expect(error.kind).toBe("unexpected_response");
		expect(error.message).toBe('[zd-sidebar] GET /api/v2/tickets/1.json failed: 200 unexpected response (no "ticket")');
	});
});

describe("createZendeskApi users", () => {
	it("reads the signed-in agent", async () => {
		const { api } = setup();
		expect(await api.getMe()).toMatchObject({
			id: 1002,
			name: "Sam Carter",
			role: "agent",
			roleType: null,
			email: "agent@example.com",
			locale: "en-US",
		});
	});

	it("shows many users in one request, deduplicating ids, and makes no request for none", async () => {
		const { api, urls } = setup();
		expect((await api.showManyUsers([1101, 1002, 1101])).map(u => u.id).sort()).toEqual([1002, 1101]);
		expect(urls()).toEqual(["/api/v2/users/show_many.json?ids=1101%2C1002"]);
		expect(await api.showManyUsers([])).toEqual([]);
		expect(urls()).toHaveLength(1);
	});

	it("searches and autocompletes users, skipping blank input", async () => {
		const { api, urls } = setup();
		expect((await api.searchUsers("olivia")).map(u => u.id)).toEqual([1101]);
		expect((await api.autocompleteUsers("Sam")).map(u => u.id)).toEqual([1002]);
		expect(await api.autocompleteUsers("  ")).toEqual([]);
		expect(await api.searchUsers("  ")).toEqual([]);
		expect(urls()).toEqual(["/api/v2/users/search.json?query=olivia", "/api/v2/users/autocomplete.json?name=Sam"]);
	});

	it("rejects a malformed user with kind unexpected_response", async () => {
		const { api, emulator } = setup();
		corrupt(emulator, "/api/v2/users/me");
		expect((await failure(api.getMe())).kind).toBe("unexpected_response");
	});
});

describe("createZendeskApi configuration", () => {
	it("lists ticket fields across pages with their options", async () => {
		// An account whose field list comes 8 to a page (Zendesk pages at 100): the emulator then answers
		// Zendesk's cursor pages with absolute `links.next`, which the client must follow to the end.
		const eightToAPage = (emulator: Emulator): Emulator => ({
			handle: request =>
				emulator.handle(
					request.url === "/api/v2/ticket_fields.json"
						? { ...request, url: "/api/v2/ticket_fields.json?page[size]=8" }
						: request,
				),
			reset: world => emulator.reset(world),
			onChange: listener => emulator.onChange(listener),
			dispose: () => emulator.dispose(),
		});
		const { api, db, urls } = setup({ transport: eightToAPage });
		const fields = await api.listTicketFields();
		expect(fields.map(f => f.id)).toEqual(db.ticketFields.map(f => f.id));
		expect(urls()).toHaveLength(Math.ceil(db.ticketFields.length / 8));
		expect(fields.find(f => f.id === 5108)?.options).toEqual([
			{ id: 9101, name: "HD 3000 color printer", value: "hd_3000", isDefault: false },
			{ id: 9102, name: "HD 5555 laser printer", value: "hd_5555", isDefault: false },
			{ id: 9103, name: "Scanner X2", value: "scanner_x2", isDefault: false },
			{ id: 9104, name: "Other", value: "other_product", isDefault: false },
		]);
	});

	it("lists ticket forms and reads the account's CC settings", async () => {
		const { api, db } = setup();
		const forms = await api.listTicketForms();
		expect(forms.map(f => f.id)).toEqual([7001, 7002]);
		expect(forms[0]).toMatchObject({
			id: 7001,
			ticketFieldIds: db.ticketForms.find(f => f.id === 7001)?.ticket_field_ids,
			isDefault: true,
		});
		expect(await api.getAccountSettings()).toMatchObject({
			collaboration: true,
			followerAndEmailCcCollaborations: true,
		});
	});
});

describe("createZendeskApi uploads and activity", () => {
	it("uploads a text file with the given MIME type, adds a second file to the same token, and deletes it", async () => {
		const { api, db, urls } = setup();
		const upload = await api.uploadText("notes.csv", "a,b\n1,2", { contentType: "text/csv" });
		const stored = (name: string) => {
			const attachment = db.attachments.find(a => a.file_name === name);
			const bytes = attachment && db.blobs[attachment.id];
			return attachment && { contentType: attachment.content_type, body: new TextDecoder().decode(bytes) };
		};
		expect(upload.attachments.map(a => a.fileName)).toEqual(["notes.csv"]);
		expect(stored("notes.csv")).toEqual({ contentType: "text/csv", body: "a,b\n1,2" });
		const second = await api.uploadText("more.txt", "x", { token: upload.token });
		expect(urls().at(-1)).toBe(`/api/v2/uploads.json?filename=more.txt&token=${upload.token}`);
		expect(second.token).toBe(upload.token);
		expect(stored("more.txt")).toEqual({ contentType: "text/plain", body: "x" });
		expect(db.uploads.find(u => u.token === upload.token)?.attachment_ids).toHaveLength(2);
		await api.deleteUpload(upload.token);
		expect(db.uploads.some(u => u.token === upload.token)).toBe(false);
		expect((await failure(api.deleteUpload(upload.token))).kind).toBe("not_found");
	});

	it("pages through audits with the returned cursor", async () => {
		const { api } = setup();
		// Without a page size Zendesk answers the whole (short) list on one page.
		const all = await api.listAudits(1);
		expect(all.items.map(a => a.id)).toEqual([100001, 100002]);
		expect(all.items[1]?.metadata.custom).toEqual({ source: "sidebar-app", time_spent: "4m12s" });
		expect(all.nextCursor).toBeNull();
		// One at a time: the cursor is the path of Zendesk's absolute `links.next`.
		const first = await api.listAudits(1, "/api/v2/tickets/1/audits.json?page[size]=1");
		expect(first.items.map(a => a.id)).toEqual([100001]);
		// Zendesk's links repeat the request's query, sideloads included.
		expect(first.nextCursor).toMatch(
			/^\/api\/v2\/tickets\/1\/audits\.json\?include=users%2Cgroups%2Corganizations&page%5Bafter%5D=[^&]+&page%5Bsize%5D=1$/,
		);
		const second = await api.listAudits(1, first.nextCursor);
		expect(second).toMatchObject({ items: [{ id: 100002, metadata: { custom: { source: "sidebar-app" } } }] });
		expect(second.nextCursor).toBeNull();
	});

	it("ignores a cursor that points elsewhere and starts at the first page", async () => {
		const { api, urls } = setup();
		await api.listAudits(1, "https://evil.example.com/api/v2/users/me.json");
		expect(urls().at(-1)).toBe("/api/v2/tickets/1/audits.json?include=users,groups,organizations");
	});

	it("lists comments as plain text", async () => {
		const { api } = setup();
		expect(await api.listComments(1)).toEqual([
			{
				id: 500001,
				type: "Comment",
				authorId: 1101,
				body: "Our office printer started smoking during a large print job. We unplugged it.",
				htmlBody:
					'<div class="zd-comment" dir="auto"><p>Our office printer started smoking during a large print job. We unplugged it.</p></div>',
				public: true,
				auditId: 100001,
				createdAt: "2025-01-06T09:12:00Z",
				attachments: [],
			},
			{
				id: 500016,
				type: "Comment",
				authorId: 1002,
				body: "Thanks Olivia, please keep it unplugged. A technician is on the way.",
				htmlBody:
					'<div class="zd-comment" dir="auto"><p>Thanks Olivia, please keep it unplugged. A technician is on the way.</p></div>',
				public: true,
				auditId: 100002,
				createdAt: "2025-01-06T09:40:00Z",
				attachments: [],
			},
		]);
	});
});
