/**
 * Ticket work done by background jobs: async create (`?async=true`), `create_many` and
 * `update_many` (§4.3, §6.1, §6.2 [V]). Each item runs through the same ticket service as the
 * single-ticket endpoints. Knows no HTTP.
 */
import { nextId } from "../db/db";
import { queueJob, type JobRunner } from "./jobService";
import type { JobRecord, UserRecord } from "../db/records";
import {
	fail,
	isLightAgent,
	isObject,
	isStaff,
	ok,
	type Failure,
	type RequestInfo,
	type Result,
	type ServiceContext,
} from "./serviceTypes";
import type { SandboxSettings } from "../settings";
import { createTicket, UPDATE_CONFLICT_DESCRIPTION, updateTicket } from "./ticketService";

/** What job-backed operations need besides the service context. */
export interface JobDeps {
	ctx: ServiceContext;
	runner: JobRunner;
	settings: SandboxSettings;
}

/** "Accepts an array of up to 100 ticket objects" [V OAS]. */
export const MAX_BULK = 100;

/** A failure as a job result's `error` + `details` (FailedResult, §6.3 [V]). */
export function failureCode(failure: Failure): { error: string; details: string } {
	switch (failure.kind) {
		case "invalid":
			return { error: "RecordInvalid", details: failure.issues.map(i => i.description).join(", ") };
		case "not_found":
			return { error: "RecordNotFound", details: "Not found" };
		case "forbidden":
			return { error: "PermissionDenied", details: "You do not have access to this ticket" };
		case "update_conflict":
			return { error: "UpdateConflict", details: UPDATE_CONFLICT_DESCRIPTION };
		case "bad_request":
			return { error: failure.error, details: failure.description };
		case "query_error":
			return { error: "QueryError", details: failure.title };
		case "too_large":
			return { error: "TooLarge", details: failure.description };
	}
}

function takeFailFlag(settings: SandboxSettings): boolean {
	if (settings.failNextJobs <= 0) return false;
	settings.failNextJobs -= 1;
	return true;
}

/** `POST /tickets?async=true`: reserves the id now, creates in the background; a failed create fails the job and skips the id. */
export function createTicketAsync(
	deps: JobDeps,
	actor: UserRecord,
	input: unknown,
	request: RequestInfo,
): Result<{ ticketId: number; job: JobRecord }> {
	if (!isStaff(actor) || isLightAgent(actor)) return fail({ kind: "forbidden" });
	const queued = queueJob(deps.ctx, actor, "create_ticket", 1);
	if (!queued.ok) return queued;
	const ticketId = nextId(deps.ctx.db, "ticket");
	deps.ctx.db.reservedTicketIds.push(ticketId);
	deps.runner.start(
		queued.value,
		[
			() => {
				const created = createTicket(deps.ctx, actor, input, { reservedId: ticketId, request });
				if (created.ok)
					return { result: { id: ticketId, index: 0, action: "create", success: true, status: "Created" } };
				const { error, details } = failureCode(created.failure);
				return {
					result: { id: null, index: 0, action: "create", success: false, error, details },
					fatal: true,
					message: details,
				};
			},
		],
		{ fail: takeFailFlag(deps.settings) },
	);
	return ok({ ticketId, job: queued.value });
}

/** `POST /tickets/create_many`: per-item failures are reported inside a completed job. */
export function createManyTickets(
	deps: JobDeps,
	actor: UserRecord,
	tickets: unknown,
	request: RequestInfo,
): Result<JobRecord> {
	if (!isStaff(actor) || isLightAgent(actor)) return fail({ kind: "forbidden" });
	if (!Array.isArray(tickets) || tickets.length === 0)
		return fail({ kind: "bad_request", error: "InvalidValue", description: "tickets must be a non-empty array" });
	if (tickets.length > MAX_BULK)
		return fail({
			kind: "bad_request",
			error: "TooManyValues",
			description: `Cannot create more than ${MAX_BULK} tickets at once`,
		});
	const queued = queueJob(deps.ctx, actor, "bulk_create_job", tickets.length);
	if (!queued.ok) return queued;
	deps.runner.start(
		queued.value,
		tickets.map((input, index) => () => {
			const created = createTicket(deps.ctx, actor, input, { request });
			if (created.ok)
				return { result: { id: created.value.ticket.id, index, action: "create", success: true, status: "Created" } };
			return { result: { id: null, index, action: "create", success: false, ...failureCode(created.failure) } };
		}),
		{ fail: takeFailFlag(deps.settings) },
	);
	return ok(queued.value);
}

/** What `PUT /tickets/update_many` received: bulk (`ids` + one `ticket`) or batch (`tickets` with ids). */
export interface UpdateManyInput {
	ids?: number[];
	ticket?: unknown;
	tickets?: unknown;
}

/** `PUT /tickets/update_many`: safe updates always on; conflicts are per item (`UpdateConflict`) in the job results [V GUIDE]. */
export function updateManyTickets(
	deps: JobDeps,
	actor: UserRecord,
	input: UpdateManyInput,
	request: RequestInfo,
): Result<JobRecord> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	let items: Array<{ id: number; body: unknown }>;
	if (input.ids) {
		if (!isObject(input.ticket))
			return fail({ kind: "bad_request", error: "InvalidValue", description: "ticket is required with ids" });
		items = input.ids.map(id => ({ id, body: input.ticket }));
	} else if (Array.isArray(input.tickets)) {
		items = input.tickets.map(t => ({
			id: isObject(t) ? Number(t.id) : Number.NaN,
			body: isObject(t) ? Object.fromEntries(Object.entries(t).filter(([k]) => k !== "id")) : t,
		}));
	} else
		return fail({ kind: "bad_request", error: "InvalidValue", description: "Provide ids with a ticket, or tickets" });
	if (items.length === 0)
		return fail({ kind: "bad_request", error: "InvalidValue", description: "No tickets to update" });
	if (items.length > MAX_BULK)
		return fail({
			kind: "bad_request",
			error: "TooManyValues",
			description: `Cannot update more than ${MAX_BULK} tickets at once`,
		});
	const queued = queueJob(deps.ctx, actor, "bulk_update_job", items.length);
	if (!queued.ok) return queued;
	const queuedAtMs = deps.ctx.clock.now();
	deps.runner.start(
		queued.value,
		items.map((item, index) => () => {
			const updated = updateTicket(deps.ctx, actor, item.id, item.body, { request, queuedAtMs, tagDeltas: true });
			if (updated.ok) return { result: { id: item.id, action: "update", success: true, status: "Updated" } };
			return { result: { index, id: item.id, action: "update", success: false, ...failureCode(updated.failure) } };
		}),
		{ fail: takeFailFlag(deps.settings) },
	);
	return ok(queued.value);
}
