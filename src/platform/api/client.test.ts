import { describe, expect, it } from "vitest";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "./client";
import { ApiError } from "./errors";
import { createFakeZendesk } from "../../testing/fakeZendesk";

/** A fresh world per test: the fake Zendesk, the real adapter over the in-process SDK client, the API. */
function setup() {
	const zendesk = createFakeZendesk();
	const { port } = createInProcessPort({ emulator: zendesk, userEmail: "agent@example.com", ticketId: 1 });
	return { zendesk, state: zendesk.state, api: createZendeskApi(port) };
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
			subject: "Printer",
			requesterId: 20,
			tags: ["a"],
			customFields: [{ id: 100, value: "x" }],
		});
		expect(users.map(u => u.name)).toEqual(["Agent Smith", "Erin User"]);
	});

	it("does not ask for users unless told to", async () => {
		const { api, state } = setup();
		expect((await api.getTicket(1)).users).toEqual([]);
		expect(state.log.at(-1)?.url).toBe("/api/v2/tickets/1.json");
	});

	it("rejects an unknown ticket with kind not_found", async () => {
		const { api } = setup();
		expect((await failure(api.getTicket(404))).kind).toBe("not_found");
	});

	it("creates a ticket and reports the audit, sending the Idempotency-Key", async () => {
		const { api, state } = setup();
		const result = await api.createTicket({ subject: "Follow-up", comment: { body: "Hi" } }, { idempotencyKey: "k1" });
		expect(result.kind).toBe("created");
		if (result.kind !== "created") return;
		expect(result.replayed).toBe(false);
		expect(state.tickets.get(result.ticket.id)?.subject).toBe("Follow-up");
		expect(state.log.at(-1)?.headers["idempotency-key"]).toBe("k1");
		expect(result.audit?.events[0]).toMatchObject({ type: "Create", fieldName: "status", value: "new" });
	});

	it("reports a create answered from the idempotency cache as replayed and creates nothing new", async () => {
		const { api, state } = setup();
		await api.createTicket({ comment: { body: "Hi" } }, { idempotencyKey: "same" });
		const again = await api.createTicket({ comment: { body: "Hi" } }, { idempotencyKey: "same" });
		expect(again).toMatchObject({ kind: "created", replayed: true, audit: null });
		expect(state.tickets.size).toBe(2);
	});

	it("returns a queued job for an async create and reads the job", async () => {
		const { api } = setup();
		const result = await api.createTicket({ comment: { body: "Hi" } }, { async: true });
		expect(result).toMatchObject({
			kind: "queued",
			ticketId: 2,
			jobStatus: { id: "job-2", status: "queued", results: [] },
		});
		expect((await api.getJobStatus("job-2")).status).toBe("queued");
	});

	it("rejects a create without a comment with kind invalid and Zendesk's details", async () => {
		const { api } = setup();
		const error = await failure(api.createTicket({} as never));
		expect(error.kind).toBe("invalid");
		expect(error.details?.base?.[0]?.error).toBe("BlankValue");
	});

	it("updates a ticket with a safe update and returns the audit with its custom metadata", async () => {
		const { api, state } = setup();
		const result = await api.updateTicket(1, {
			tags: ["a", "b"],
			safe_update: true,
			updated_stamp: "2024-01-01T00:00:00Z",
			metadata: { app: "zd" },
		});
		expect(state.tickets.get(1)?.tags).toEqual(["a", "b"]);
		expect(result.ticket.updatedAt).toBe("2024-01-01T00:01:00Z");
		expect(result.audit?.metadata.custom).toEqual({ app: "zd" });
	});

	it("rejects a stale safe update with kind conflict and changes nothing", async () => {
		const { api, state } = setup();
		const error = await failure(
			api.updateTicket(1, { tags: ["z"], safe_update: true, updated_stamp: "2020-01-01T00:00:00Z" }),
		);
		expect(error.kind).toBe("conflict");
		expect(error.request).toBe("PUT /api/v2/tickets/1.json");
		expect(state.tickets.get(1)?.tags).toEqual(["a"]);
	});

	it("rejects an update of a closed ticket with kind closed_ticket", async () => {
		const { api, state } = setup();
		state.tickets.get(1)!.status = "closed";
		expect((await failure(api.updateTicket(1, { subject: "x" }))).kind).toBe("closed_ticket");
	});

	it("rejects a 2xx without the promised envelope with kind unexpected_response", async () => {
		const { api, state } = setup();
		state.corrupt.add("/api/v2/tickets/1");
		const error = await failure(api.getTicket(1));
		expect(error.kind).toBe("unexpected_response");
		expect(error.message).toBe('[zd-sidebar] GET /api/v2/tickets/1.json failed: 200 unexpected response (no "ticket")');
	});
});

describe("createZendeskApi users", () => {
	it("reads the signed-in agent", async () => {
		const { api } = setup();
		expect(await api.getMe()).toMatchObject({
			id: 10,
			name: "Agent Smith",
			role: "agent",
			roleType: 0,
			email: "agent@example.com",
		});
	});

	it("shows many users in one request, deduplicating ids, and makes no request for none", async () => {
		const { api, state } = setup();
		expect((await api.showManyUsers([20, 10, 20])).map(u => u.id).sort()).toEqual([10, 20]);
		expect(state.log.at(-1)?.url).toBe("/api/v2/users/show_many.json?ids=20%2C10");
		const before = state.log.length;
		expect(await api.showManyUsers([])).toEqual([]);
		expect(state.log.length).toBe(before);
	});

	it("searches and autocompletes users, skipping blank input", async () => {
		const { api } = setup();
		expect((await api.searchUsers("erin")).map(u => u.id)).toEqual([20]);
		expect((await api.autocompleteUsers("Age")).map(u => u.id)).toEqual([10]);
		expect(await api.autocompleteUsers("  ")).toEqual([]);
	});

	it("rejects a malformed user with kind unexpected_response", async () => {
		const { api, state } = setup();
		state.corrupt.add("/api/v2/users/me");
		expect((await failure(api.getMe())).kind).toBe("unexpected_response");
	});
});

describe("createZendeskApi configuration", () => {
	it("lists ticket fields across pages with their options", async () => {
		const { api } = setup();
		const fields = await api.listTicketFields();
		expect(fields.map(f => f.id)).toEqual([100, 101]);
		expect(fields[1]?.options).toEqual([{ id: 1, name: "Broken", value: "broken", isDefault: false }]);
	});

	it("lists ticket forms and reads the account's CC settings", async () => {
		const { api } = setup();
		expect((await api.listTicketForms())[0]).toMatchObject({ id: 5, ticketFieldIds: [100, 101], isDefault: true });
		expect(await api.getAccountSettings()).toMatchObject({
			collaboration: true,
			followerAndEmailCcCollaborations: true,
		});
	});
});

describe("createZendeskApi uploads and activity", () => {
	it("uploads a text file with the given MIME type, adds a second file to the same token, and deletes it", async () => {
		const { api, state } = setup();
		const upload = await api.uploadText("notes.csv", "a,b\n1,2", { contentType: "text/csv" });
		expect(upload.token).toBe("tok1");
		expect(state.uploads.get("tok1")).toEqual({ filename: "notes.csv", body: "a,b\n1,2", contentType: "text/csv" });
		await api.uploadText("more.txt", "x", { token: upload.token });
		expect(state.log.at(-1)?.url).toBe("/api/v2/uploads.json?filename=more.txt&token=tok1");
		expect(state.log.at(-1)?.headers["content-type"]).toBe("text/plain");
		await api.deleteUpload("tok1");
		expect(state.uploads.has("tok1")).toBe(false);
		expect((await failure(api.deleteUpload("tok1"))).kind).toBe("not_found");
	});

	it("pages through audits with the returned cursor", async () => {
		const { api } = setup();
		const first = await api.listAudits(1);
		expect(first.items.map(a => a.id)).toEqual([1, 2]);
		expect(first.items[1]?.metadata.custom).toEqual({ app: "x" });
		expect(first.nextCursor).toBe("/api/v2/tickets/1/audits.json?page[after]=2");
		const second = await api.listAudits(1, first.nextCursor);
		expect(second).toMatchObject({ items: [{ id: 3 }], nextCursor: null });
	});

	it("ignores a cursor that points elsewhere and starts at the first page", async () => {
		const { api, state } = setup();
		await api.listAudits(1, "https://evil.example.com/api/v2/users/me.json");
		expect(state.log.at(-1)?.url).toBe("/api/v2/tickets/1/audits.json");
	});

	it("lists comments as plain text", async () => {
		const { api } = setup();
		expect(await api.listComments(1)).toEqual([
			{
				id: 7,
				type: "Comment",
				authorId: 20,
				body: "Hello",
				htmlBody: null,
				public: true,
				auditId: null,
				createdAt: "2024-01-01T00:00:00Z",
				attachments: [],
			},
		]);
	});
});
