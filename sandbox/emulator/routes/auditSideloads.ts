/**
 * `include=` on the ticket audits endpoints. Zendesk's side-loading page lists `users`, `groups`,
 * `organizations` and `tickets` for Ticket Audits and returns "the full serialized representation"
 * of the records the primary collection refers to [V side_loading]; WHICH references count for
 * audits is not documented [U]. The sandbox counts every one an event names: the authors (audit and
 * comment), user-valued properties, legacy `collaborator_ids`, CC and follower events (by id or
 * email), group and organization changes, lookup fields by their target, and the audited tickets
 * plus `problem_id`. Other include values are ignored, as on tickets.
 */
import type { Db } from "../db/db";
import type { AuditEvent, AuditRecord } from "../db/records";
import { groupJson, organizationJson, ticketJson, userJson } from "./serializers";

const USER_KEYS = new Set(["requester_id", "assignee_id", "submitter_id", "collaborator_ids"]);
const PEOPLE_KEYS = ["previous_email_ccs", "current_email_ccs", "previous_followers", "current_followers"];

/** The ids and emails the audits refer to, by kind. */
interface References {
	users: Set<number>;
	emails: Set<string>;
	groups: Set<number>;
	organizations: Set<number>;
	tickets: Set<number>;
}

/** Adds the sideloads `wanted` names to `body`, for these audits. */
export function addAuditSideloads(
	db: Db,
	body: Record<string, unknown>,
	audits: readonly AuditRecord[],
	wanted: readonly string[],
	base: string,
): Record<string, unknown> {
	if (!["users", "groups", "organizations", "tickets"].some(kind => wanted.includes(kind))) return body;
	const refs = references(db, audits);
	if (wanted.includes("users"))
		body.users = db.users
			.filter(u => refs.users.has(u.id) || refs.emails.has(u.email.toLowerCase()))
			.map(u => userJson(u, base));
	if (wanted.includes("groups"))
		body.groups = db.groups.filter(g => refs.groups.has(g.id)).map(g => groupJson(g, base));
	if (wanted.includes("organizations"))
		body.organizations = db.organizations.filter(o => refs.organizations.has(o.id)).map(o => organizationJson(o, base));
	if (wanted.includes("tickets"))
		body.tickets = db.tickets.filter(t => refs.tickets.has(t.id)).map(t => ticketJson(db, t, base));
	return body;
}

function references(db: Db, audits: readonly AuditRecord[]): References {
	const refs: References = {
		users: new Set(),
		emails: new Set(),
		groups: new Set(),
		organizations: new Set(),
		tickets: new Set(),
	};
	const targets = new Map(db.ticketFields.map(f => [String(f.id), f.relationship_target_type]));
	for (const audit of audits) {
		refs.users.add(audit.author_id);
		refs.tickets.add(audit.ticket_id);
		for (const event of audit.events) eventReferences(event, targets, refs);
	}
	return refs;
}

function eventReferences(event: AuditEvent, targets: Map<string, string | undefined>, refs: References): void {
	if (typeof event.author_id === "number") refs.users.add(event.author_id);
	for (const key of PEOPLE_KEYS) {
		for (const person of list(event[key])) {
			if (/^\d+$/.test(person)) refs.users.add(Number(person));
			else refs.emails.add(person.toLowerCase());
		}
	}
	const name = typeof event.field_name === "string" ? event.field_name : null;
	if (name === null) return;
	const ids = [...list(event.value), ...list(event.previous_value)].map(Number).filter(Number.isSafeInteger);
	const target = targets.get(name);
	const into =
		USER_KEYS.has(name) || target === "zen:user"
			? refs.users
			: name === "group_id"
				? refs.groups
				: name === "organization_id" || target === "zen:organization"
					? refs.organizations
					: name === "problem_id" || target === "zen:ticket"
						? refs.tickets
						: null;
	for (const id of ids) into?.add(id);
}

/** A value as strings: one scalar or an array of them (ids come as numbers or strings). */
function list(value: unknown): string[] {
	const items = Array.isArray(value) ? value : [value];
	return items.flatMap(item => (typeof item === "string" || typeof item === "number" ? [String(item)] : []));
}
