/**
 * Ticket reads: show, show_many, list, comments, audits, people lists and related info. Agents
 * only ("Allowed for: Agents" on each endpoint in the OAS [V]). Knows no HTTP.
 */
import { collaborationMode, collaboratorIdsOf } from "./collaboratorRules";
import { findOrganization, findTicket, findUser } from "../db/db";
import type { AuditRecord, CommentRecord, TicketRecord, UserRecord } from "../db/records";
import { fail, isStaff, ok, type Result, type ServiceContext } from "./serviceTypes";

/** A copy sorted by id (Zendesk's lists default to id order [U]). */
const byId = (tickets: readonly TicketRecord[]) => [...tickets].sort((a, b) => a.id - b.id);

function readable(ctx: ServiceContext, actor: UserRecord, id: number): Result<TicketRecord> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const ticket = findTicket(ctx.db, id);
	return ticket ? ok(ticket) : fail({ kind: "not_found" });
}

/** `GET /tickets/{id}`. A ticket whose async create has not finished is not found yet (§4.3 [V]). */
export function showTicket(ctx: ServiceContext, actor: UserRecord, id: number): Result<TicketRecord> {
	return readable(ctx, actor, id);
}

/** `GET /tickets/show_many?ids=`: found tickets in request order, at most 100, unknown ids skipped. */
export function showManyTickets(ctx: ServiceContext, actor: UserRecord, ids: number[]): Result<TicketRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	return ok(ids.slice(0, 100).flatMap(id => findTicket(ctx.db, id) ?? []));
}

/** `GET /tickets[?external_id=]`: all tickets by id, or those with that external id. */
export function listTickets(ctx: ServiceContext, actor: UserRecord, externalId?: string): Result<TicketRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const tickets = byId(ctx.db.tickets);
	return ok(externalId === undefined ? tickets : tickets.filter(t => t.external_id === externalId));
}

/**
 * `GET /tickets/{id}/incidents` (OAS ListTicketIncidents [V], "Allowed for: Agents"): the tickets
 * whose `problem_id` is `id`, by id (the OAS names no order [U]). Any known ticket may be asked,
 * not only problems: a ticket that is no problem has no incidents, so `[]` [U].
 */
export function listIncidents(ctx: ServiceContext, actor: UserRecord, id: number): Result<TicketRecord[]> {
	const problem = readable(ctx, actor, id);
	if (!problem.ok) return problem;
	return ok(byId(ctx.db.tickets.filter(t => t.problem_id === id)));
}

/**
 * `GET /users/{id}/tickets/requested` (Zendesk's "List Tickets" page; not in our OAS copy nor in
 * zendesk-ticket-api.md, so its details are [U]): the tickets the user requested, by id. Agents and admins only; light agents see the
 * same as agents here (Zendesk limits them by group when the account says so [U]: not modelled).
 */
export function listRequestedTickets(ctx: ServiceContext, actor: UserRecord, userId: number): Result<TicketRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	if (!findUser(ctx.db, userId)) return fail({ kind: "not_found" });
	return ok(byId(ctx.db.tickets.filter(t => t.requester_id === userId)));
}

/**
 * `GET /organizations/{id}/tickets` (Zendesk's "List Tickets" page; not in our OAS copy [U]): the tickets whose `organization_id` is the organization, by id. Same access as above.
 */
export function listOrganizationTickets(
	ctx: ServiceContext,
	actor: UserRecord,
	organizationId: number,
): Result<TicketRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	if (!findOrganization(ctx.db, organizationId)) return fail({ kind: "not_found" });
	return ok(byId(ctx.db.tickets.filter(t => t.organization_id === organizationId)));
}

/** `GET /tickets/{id}/comments`: oldest first unless `order` is `desc` (OAS "sort_order" [V]). */
export function listComments(
	ctx: ServiceContext,
	actor: UserRecord,
	id: number,
	order: "asc" | "desc" = "asc",
): Result<CommentRecord[]> {
	const ticket = readable(ctx, actor, id);
	if (!ticket.ok) return ticket;
	const comments = ctx.db.comments
		.filter(c => c.ticket_id === id)
		.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
	return ok(order === "desc" ? comments.reverse() : comments);
}

/** `GET /tickets/{id}/audits`: oldest first. */
export function listAudits(ctx: ServiceContext, actor: UserRecord, id: number): Result<AuditRecord[]> {
	const ticket = readable(ctx, actor, id);
	if (!ticket.ok) return ticket;
	return ok(ctx.db.audits.filter(a => a.ticket_id === id).sort((a, b) => a.id - b.id));
}

/** `GET /tickets/{id}/audits/{audit_id}`. */
export function showAudit(ctx: ServiceContext, actor: UserRecord, id: number, auditId: number): Result<AuditRecord> {
	const audits = listAudits(ctx, actor, id);
	if (!audits.ok) return audits;
	const audit = audits.value.find(a => a.id === auditId);
	return audit ? ok(audit) : fail({ kind: "not_found" });
}

const usersOf = (ctx: ServiceContext, ids: number[]) => ids.flatMap(id => findUser(ctx.db, id) ?? []);

/**
 * `GET /tickets/{id}/email_ccs`, `/followers`, `/collaborators`. The first two need "CCs and
 * followers" enabled [V]; without it they answer an empty list (sandbox decision).
 */
export function listTicketPeople(
	ctx: ServiceContext,
	actor: UserRecord,
	id: number,
	which: "email_ccs" | "followers" | "collaborators",
): Result<UserRecord[]> {
	const ticket = readable(ctx, actor, id);
	if (!ticket.ok) return ticket;
	const t = ticket.value;
	if (which === "collaborators") return ok(usersOf(ctx, collaboratorIdsOf(ctx.db, t)));
	if (collaborationMode(ctx.db) !== "ccs_and_followers") return ok([]);
	return ok(usersOf(ctx, which === "email_ccs" ? t.email_cc_ids : t.follower_ids));
}

/**
 * `GET /tickets/{id}/related` (OAS TicketRelatedInformation [V]: `followup_source_ids` items are
 * strings there). The route also nests the object under `ticket_related` (sandbox: both shapes).
 */
export function relatedInfo(ctx: ServiceContext, actor: UserRecord, id: number): Result<Record<string, unknown>> {
	const ticket = readable(ctx, actor, id);
	if (!ticket.ok) return ticket;
	const t = ticket.value;
	return ok({
		topic_id: null,
		jira_issue_ids: [],
		followup_source_ids: t.followup_source_id === null ? [] : [String(t.followup_source_id)],
		from_archive: false,
		incidents: ctx.db.tickets.filter(x => x.problem_id === id).length,
	});
}
