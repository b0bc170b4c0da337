/**
 * Ticket endpoints (zendesk-ticket-api.md §1, §3–§6, §10): statuses chosen here, bodies from the
 * serializers and responses.ts, rules in the services.
 */
import { addAuditSideloads } from "./auditSideloads";
import { listPage } from "./listPage";
import { errorBody, respondJson } from "./responses";
import { answer, failureResponse, idList, idParam, includes, type ApiRoute, type RouteContext } from "./routeTypes";
import { auditJson, commentJson, jobJson, sideloadGroups, sideloadUsers, ticketJson, userJson } from "./serializers";
import { isObject } from "../services/serviceTypes";
import { createManyTickets, createTicketAsync, updateManyTickets } from "../services/ticketJobs";
import {
	listAudits,
	listComments,
	listIncidents,
	listOrganizationTickets,
	listRequestedTickets,
	listTicketPeople,
	listTickets,
	relatedInfo,
	showAudit,
	showManyTickets,
	showTicket,
} from "../services/ticketQueries";
import { createTicket, updateTicket, type TicketWrite } from "../services/ticketService";
import type { TicketRecord } from "../db/records";
import { READ_ONLY_KEYS } from "../services/ticketInput";
import type { EmulatorResponse } from "../types";

const deps = (c: RouteContext) => ({ ctx: c.rt.ctx, runner: c.rt.runner, settings: c.rt.settings });

/** `{ticket: …}` from the body, or a 400 like Rails' ParameterMissing (sandbox wording [U]). */
function ticketParam(c: RouteContext): { input: unknown } | { error: EmulatorResponse } {
	if (!isObject(c.body) || !("ticket" in c.body)) {
		return { error: respondJson(400, errorBody("ParameterMissing", "param is missing or the value is empty: ticket")) };
	}
	return { input: c.body.ticket };
}

/** Adds `users`/`groups` sideloads when `?include=` asks for them. */
function withSideloads(
	c: RouteContext,
	body: Record<string, unknown>,
	tickets: TicketRecord[],
): Record<string, unknown> {
	const wanted = includes(c);
	if (wanted.includes("users")) body.users = sideloadUsers(c.rt.ctx.db, tickets, c.base);
	if (wanted.includes("groups")) body.groups = sideloadGroups(c.rt.ctx.db, tickets, c.base);
	return body;
}

/** `X-Zendesk-API-Warn` for read-only keys in a write body (§2 [F ZendeskApi_v2#433]); they are ignored. */
function restrictedKeysHeader(input: unknown): Record<string, string> {
	if (!isObject(input)) return {};
	const removed = READ_ONLY_KEYS.filter(key => key in input).map(key => `"ticket.${key}"`);
	return removed.length === 0
		? {}
		: {
				"x-zendesk-api-warn": `Removed restricted keys [${removed.join(", ")}] from parameters according to whitelist`,
			};
}

const writeBody = (c: RouteContext, write: TicketWrite) => {
	const body: Record<string, unknown> = { ticket: ticketJson(c.rt.ctx.db, write.ticket, c.base) };
	if (write.audit) body.audit = auditJson(c.rt.ctx.db, write.audit, c.base);
	return body;
};

function create(c: RouteContext): EmulatorResponse {
	const param = ticketParam(c);
	if ("error" in param) return param.error;
	if (c.query.get("async") === "true") {
		// 202 with "the new ticket id with a job_status" (§4.3; envelope [U]).
		const queued = createTicketAsync(deps(c), c.actor, param.input, c.request);
		return answer(queued, v => ({ ticket: { id: v.ticketId }, job_status: jobJson(v.job, c.base) }), 202);
	}
	const created = createTicket(c.rt.ctx, c.actor, param.input, { request: c.request });
	if (!created.ok) return failureResponse(created.failure);
	// 201 + Location [V OAS CreateTicket].
	return respondJson(201, writeBody(c, created.value), {
		location: `${c.base}/api/v2/tickets/${created.value.ticket.id}.json`,
		...restrictedKeysHeader(param.input),
	});
}

function update(c: RouteContext): EmulatorResponse {
	const param = ticketParam(c);
	if ("error" in param) return param.error;
	return answer(
		updateTicket(c.rt.ctx, c.actor, idParam(c), param.input, { request: c.request }),
		w => writeBody(c, w),
		200,
		restrictedKeysHeader(param.input),
	);
}

function updateMany(c: RouteContext): EmulatorResponse {
	const body = isObject(c.body) ? c.body : {};
	const ids = c.query.has("ids") ? idList(c.query.get("ids")) : undefined;
	const job = updateManyTickets(deps(c), c.actor, { ids, ticket: body.ticket, tickets: body.tickets }, c.request);
	return answer(job, j => ({ job_status: jobJson(j, c.base) }));
}

function createMany(c: RouteContext): EmulatorResponse {
	const body = isObject(c.body) ? c.body : {};
	// 200 per the OAS (§6.1 [V]).
	return answer(createManyTickets(deps(c), c.actor, body.tickets, c.request), j => ({
		job_status: jobJson(j, c.base),
	}));
}

/**
 * `/tickets/{id}/tags`: PUT adds, POST sets, DELETE removes (§5.7 [V REF-TAGS]); `safe_update` +
 * `updated_stamp` are honoured like on a ticket PUT. Answers `{tags}`.
 */
function tagsRoute(mode: "add" | "set" | "remove") {
	return (c: RouteContext): EmulatorResponse => {
		const body = isObject(c.body) ? c.body : {};
		const key = mode === "add" ? "additional_tags" : mode === "set" ? "tags" : "remove_tags";
		const input: Record<string, unknown> = { [key]: body.tags ?? [] };
		if ("safe_update" in body)
			Object.assign(input, { safe_update: body.safe_update, updated_stamp: body.updated_stamp });
		const options = { request: c.request, tagDeltas: true };
		return answer(updateTicket(c.rt.ctx, c.actor, idParam(c), input, options), w => ({
			tags: [...w.ticket.tags],
		}));
	};
}

const people = (which: "email_ccs" | "followers" | "collaborators") => (c: RouteContext) =>
	answer(listTicketPeople(c.rt.ctx, c.actor, idParam(c), which), users => ({
		users: users.map(u => userJson(u, c.base)),
	}));

/** Offset keys, or a cursor page when `page[size]` is asked for (listPage.ts). */
const page = <T>(c: RouteContext, key: string, items: T[]) => listPage(c, key, items);

/**
 * A ticket list as `{tickets, next_page, previous_page, count}`, or a cursor page with `page[size]`;
 * `include=users,groups` side-loads for the whole list, as on `/tickets`.
 */
const ticketList = (c: RouteContext) => (ts: TicketRecord[]) =>
	withSideloads(
		c,
		page(
			c,
			"tickets",
			ts.map(t => ticketJson(c.rt.ctx.db, t, c.base)),
		),
		ts,
	);

/** The ticket routes; literal paths come before `:id`. */
export const ticketRoutes: ApiRoute[] = [
	{
		method: "GET",
		pattern: "/api/v2/tickets",
		handler: c =>
			answer(listTickets(c.rt.ctx, c.actor, c.query.get("external_id") ?? undefined), ts =>
				withSideloads(
					c,
					page(
						c,
						"tickets",
						ts.map(t => ticketJson(c.rt.ctx.db, t, c.base)),
					),
					ts,
				),
			),
	},
	{ method: "POST", pattern: "/api/v2/tickets", handler: create },
	{
		method: "GET",
		pattern: "/api/v2/tickets/show_many",
		handler: c =>
			answer(showManyTickets(c.rt.ctx, c.actor, idList(c.query.get("ids"))), ts =>
				withSideloads(c, { tickets: ts.map(t => ticketJson(c.rt.ctx.db, t, c.base)) }, ts),
			),
	},
	{ method: "POST", pattern: "/api/v2/tickets/create_many", handler: createMany },
	{ method: "PUT", pattern: "/api/v2/tickets/update_many", handler: updateMany },
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id",
		handler: c =>
			answer(showTicket(c.rt.ctx, c.actor, idParam(c)), t =>
				withSideloads(c, { ticket: ticketJson(c.rt.ctx.db, t, c.base) }, [t]),
			),
	},
	{ method: "PUT", pattern: "/api/v2/tickets/:id", handler: update },
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/comments",
		handler: c =>
			answer(
				listComments(
					c.rt.ctx,
					c.actor,
					idParam(c),
					c.query.get("sort_order") === "desc" || c.query.get("sort") === "-created_at" ? "desc" : "asc",
				),
				cs => {
					const body: Record<string, unknown> = page(
						c,
						"comments",
						cs.map(x => commentJson(c.rt.ctx.db, x, c.base)),
					);
					// `include=users` sideloads the comment authors (OAS ListTicketComments [V]).
					if (includes(c).includes("users")) {
						const authors = new Set(cs.map(x => x.author_id));
						body.users = c.rt.ctx.db.users.filter(u => authors.has(u.id)).map(u => userJson(u, c.base));
					}
					return body;
				},
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/audits",
		handler: c =>
			answer(listAudits(c.rt.ctx, c.actor, idParam(c)), as => {
				const body = page(
					c,
					"audits",
					as.map(a => auditJson(c.rt.ctx.db, a, c.base)),
				);
				// Sideloads for the audits of this page only (the list's items, after paging).
				const shown = new Set((body.audits as Array<{ id: number }>).map(a => a.id));
				return addAuditSideloads(
					c.rt.ctx.db,
					body,
					as.filter(a => shown.has(a.id)),
					includes(c),
					c.base,
				);
			}),
	},
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/audits/count",
		handler: c =>
			answer(listAudits(c.rt.ctx, c.actor, idParam(c)), as => ({
				count: { value: as.length, refreshed_at: new Date(c.rt.clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z") },
			})),
	},
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/audits/:audit_id",
		handler: c =>
			answer(showAudit(c.rt.ctx, c.actor, idParam(c), idParam(c, "audit_id")), a =>
				addAuditSideloads(c.rt.ctx.db, { audit: auditJson(c.rt.ctx.db, a, c.base) }, [a], includes(c), c.base),
			),
	},
	{ method: "GET", pattern: "/api/v2/tickets/:id/email_ccs", handler: people("email_ccs") },
	{ method: "GET", pattern: "/api/v2/tickets/:id/followers", handler: people("followers") },
	{ method: "GET", pattern: "/api/v2/tickets/:id/collaborators", handler: people("collaborators") },
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/tags",
		handler: c => answer(showTicket(c.rt.ctx, c.actor, idParam(c)), t => ({ tags: [...t.tags] })),
	},
	{ method: "PUT", pattern: "/api/v2/tickets/:id/tags", handler: tagsRoute("add") },
	{ method: "POST", pattern: "/api/v2/tickets/:id/tags", handler: tagsRoute("set") },
	{ method: "DELETE", pattern: "/api/v2/tickets/:id/tags", handler: tagsRoute("remove") },
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/incidents",
		handler: c => answer(listIncidents(c.rt.ctx, c.actor, idParam(c)), ticketList(c)),
	},
	// Zendesk's "List Tickets" page, not in our OAS copy [U]: the same list envelope as /tickets.
	{
		method: "GET",
		pattern: "/api/v2/users/:user_id/tickets/requested",
		handler: c => answer(listRequestedTickets(c.rt.ctx, c.actor, idParam(c, "user_id")), ticketList(c)),
	},
	{
		method: "GET",
		pattern: "/api/v2/organizations/:organization_id/tickets",
		handler: c => answer(listOrganizationTickets(c.rt.ctx, c.actor, idParam(c, "organization_id")), ticketList(c)),
	},
	{
		method: "GET",
		pattern: "/api/v2/tickets/:id/related",
		handler: c => answer(relatedInfo(c.rt.ctx, c.actor, idParam(c)), r => ({ ...r, ticket_related: r })),
	},
];
