/**
 * Maps a Zendesk REST ticket (+ sideloaded users) to the object ZAF's `get('ticket')` returns in the
 * agent workspace (zaf-protocol.md §4.2). Deliberately keeps ZAF's quirks: camelCase keys, users as
 * objects, and `updatedAt` in `Date.toString()` format (not ISO), so app code that compares it with
 * the REST `updated_at` fails in tests as it would in Zendesk.
 */

type Json = Record<string, unknown>;

/** A user as ZAF shows it. */
export interface ZafUser {
	id: number;
	name: string;
	email: string;
	role?: string;
	locale?: string;
	avatarUrl?: string | null;
}

function zafUser(users: Map<number, Json>, id: unknown): ZafUser | null {
	if (typeof id !== "number") return null;
	const u = users.get(id);
	if (!u) return { id, name: "", email: "" };
	return {
		id,
		name: String(u.name ?? ""),
		email: String(u.email ?? ""),
		role: String(u.role ?? ""),
		locale: String(u.locale ?? "en-US"),
		avatarUrl: null,
	};
}

/** The ZAF `ticket` object for a REST ticket body (`{ticket, users?}`). */
export function toZafTicket(ticket: Json, sideloadedUsers: Json[] = []): Json {
	const users = new Map<number, Json>();
	for (const u of sideloadedUsers) if (typeof u.id === "number") users.set(u.id, u);
	const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : []);
	const out: Json = {
		id: ticket.id,
		subject: ticket.subject ?? "",
		description: ticket.description ?? "",
		status: ticket.status,
		priority: ticket.priority ?? null,
		type: ticket.type ?? null,
		tags: Array.isArray(ticket.tags) ? [...ticket.tags] : [],
		externalId: ticket.external_id ?? null,
		isNew: false,
		createdAt: typeof ticket.created_at === "string" ? new Date(ticket.created_at).toString() : null,
		updatedAt: typeof ticket.updated_at === "string" ? new Date(ticket.updated_at).toString() : null,
		requester: zafUser(users, ticket.requester_id),
		assignee: { user: zafUser(users, ticket.assignee_id), group: ticket.group_id ? { id: ticket.group_id } : null },
		collaborators: ids(ticket.collaborator_ids).map(id => zafUser(users, id)),
		form: { id: ticket.ticket_form_id ?? null },
		brand: { id: ticket.brand_id ?? null },
		via: ticket.via ?? null,
	};
	if (Array.isArray(ticket.custom_fields)) {
		for (const f of ticket.custom_fields as Json[]) out[`customField:custom_field_${String(f.id)}`] = f.value ?? null;
	}
	return out;
}

/** Resolves one ZAF `get` path against a ZAF ticket object (`ticket`, `ticket.subject`, `ticket.requester.email`, `ticket.customField:custom_field_7`). */
export function resolveTicketPath(zafTicket: Json, path: string): { found: boolean; value?: unknown } {
	if (path === "ticket") return { found: true, value: zafTicket };
	const rest = path.slice("ticket.".length);
	if (rest.startsWith("customField:")) {
		return rest in zafTicket ? { found: true, value: zafTicket[rest] } : { found: false };
	}
	let cur: unknown = zafTicket;
	for (const part of rest.split(".")) {
		if (cur === null || typeof cur !== "object" || !(part in (cur as Json))) return { found: false };
		cur = (cur as Json)[part];
	}
	return { found: true, value: cur };
}
