/** Ticket endpoints: show, related lists, create, update (one, or many as a job), job statuses (§3–§6). */
import type { ZafPort } from "../zaf/port";
import { activityNormalizers, call, field, getList, getOne, jsonRequest, listAll, pick, query, showMany } from "./http";
import { normalizeList, normalizeTicket, normalizeUser } from "./normalize";
import type { Audit, Id, JobStatus, Ticket, User } from "./types";
import type { TicketCreateInput, TicketUpdateInput } from "./wire";

/** The outcome of a ticket write: the ticket as saved, and the audit (null for a no-op update). */
interface TicketWriteResult {
	ticket: Ticket;
	audit: Audit | null;
}

/** A create: `created` (201; `replayed` from Zendesk's idempotency cache), or `queued` (`?async=true`, 202). */
export type CreateTicketResult =
	| ({ kind: "created"; replayed: boolean } & TicketWriteResult)
	| { kind: "queued"; ticketId: Id | null; jobStatus: JobStatus };

/** One item of `updateManyTickets`: a ticket update plus the id it is for. */
export type TicketUpdateItem = TicketUpdateInput & { id: Id };

/** Ticket endpoints over a port. Does not retry, poll or merge anything. */
export function createTicketsApi(zaf: ZafPort) {
	// Cursor pages of 100, the most Zendesk serves (OAS "Pagination"; cursor is the recommended style).
	const allTickets = (path: string) => listAll(zaf, `${path}?page[size]=100`, "tickets", normalizeTicket);

	return {
		/** `GET /api/v2/tickets/{id}.json[?include=users]`; `users` is `[]` unless asked for. */
		async getTicket(id: Id, options: { includeUsers?: boolean } = {}): Promise<{ ticket: Ticket; users: User[] }> {
			const url = `/api/v2/tickets/${id}.json${query({ include: options.includeUsers ? "users" : undefined })}`;
			const { json, status, label } = await call(zaf, { url, type: "GET" });
			const ticket = pick(json, "ticket", normalizeTicket, label, status);
			const users = options.includeUsers ? (normalizeList(field(json, "users"), normalizeUser) ?? []) : [];
			return { ticket, users };
		},

		/** `POST /api/v2/tickets.json[?async=true]` (§4.3); `Idempotency-Key` keeps a retry from creating twice (§4.1). */
		async createTicket(
			payload: TicketCreateInput,
			options: { async?: boolean; idempotencyKey?: string } = {},
		): Promise<CreateTicketResult> {
			const url = `/api/v2/tickets.json${query({ async: options.async ? "true" : undefined })}`;
			const headers = options.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : undefined;
			const answer = await call(zaf, jsonRequest("POST", url, { ticket: payload }, headers));
			const { json, status, label } = answer;
			if (status === 202 || field(json, "job_status") !== undefined) {
				const { normalizeJobStatus } = await activityNormalizers();
				const jobStatus = pick(json, "job_status", normalizeJobStatus, label, status);
				const ticketId = field(field(json, "ticket"), "id");
				return { kind: "queued", ticketId: typeof ticketId === "number" ? ticketId : null, jobStatus };
			}
			const replayed = answer.headers["x-idempotency-lookup"] === "hit";
			return { kind: "created", replayed, ...(await writeResult(json, label, status)) };
		},

		/** `PUT /api/v2/tickets/{id}.json`. Safe updates are the caller's: pass `safe_update` + `updated_stamp`. */
		async updateTicket(id: Id, payload: TicketUpdateInput): Promise<TicketWriteResult> {
			const request = jsonRequest("PUT", `/api/v2/tickets/${id}.json`, { ticket: payload });
			const { json, status, label } = await call(zaf, request);
			return await writeResult(json, label, status);
		},

		/** `GET /api/v2/tickets.json?external_id=…`, first page: finds a ticket a timed-out create may have made. */
		async findTicketsByExternalId(externalId: string): Promise<Ticket[]> {
			return getList(zaf, `/api/v2/tickets.json${query({ external_id: externalId })}`, "tickets", normalizeTicket);
		},

		/** `PUT /api/v2/tickets/update_many.json` (§6.2): the job, with per-item outcomes; more than 100 items are refused. */
		async updateManyTickets(items: readonly TicketUpdateItem[]): Promise<JobStatus> {
			const request = jsonRequest("PUT", "/api/v2/tickets/update_many.json", { tickets: items });
			const { json, status, label } = await call(zaf, request);
			const { normalizeJobStatus } = await activityNormalizers();
			return pick(json, "job_status", normalizeJobStatus, label, status);
		},

		/** `GET /api/v2/tickets/show_many.json?ids=…` in chunks of 100, like `showManyUsers`. Order is Zendesk's. */
		showManyTickets(ids: readonly Id[]): Promise<Ticket[]> {
			return showMany(zaf, "/api/v2/tickets/show_many.json", "tickets", normalizeTicket, ids);
		},

		/** `GET /api/v2/tickets/{id}/incidents.json` (OAS ListTicketIncidents), all cursor pages: the incidents of a problem. */
		listIncidents(problemId: Id): Promise<Ticket[]> {
			return allTickets(`/api/v2/tickets/${problemId}/incidents.json`);
		},

		/** `GET /api/v2/users/{id}/tickets/requested.json`, all cursor pages: the tickets the user requested. */
		listRequestedTickets(userId: Id): Promise<Ticket[]> {
			return allTickets(`/api/v2/users/${userId}/tickets/requested.json`);
		},

		/** `GET /api/v2/organizations/{id}/tickets.json`, all cursor pages: the organization's tickets. */
		listOrganizationTickets(organizationId: Id): Promise<Ticket[]> {
			return allTickets(`/api/v2/organizations/${organizationId}/tickets.json`);
		},

		/** `GET /api/v2/job_statuses/{id}.json`. One read; polling and backoff are the caller's. */
		async getJobStatus(id: string): Promise<JobStatus> {
			const { normalizeJobStatus } = await activityNormalizers();
			return getOne(zaf, `/api/v2/job_statuses/${encodeURIComponent(id)}.json`, "job_status", normalizeJobStatus);
		},
	};
}

async function writeResult(json: unknown, label: string, status: number): Promise<TicketWriteResult> {
	const ticket = pick(json, "ticket", normalizeTicket, label, status);
	const { normalizeAudit } = await activityNormalizers();
	const raw = field(json, "audit");
	return {
		ticket,
		audit: raw === undefined || raw === null ? null : pick(json, "audit", normalizeAudit, label, status),
	};
}
