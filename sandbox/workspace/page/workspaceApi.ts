/**
 * The workspace page's own reads and writes to the emulator (same-origin, through the workspace
 * server's proxy), always as the signed-in agent. Marked with `x-sandbox-client: host` (as the in-process fake SDK client marks its reads) so the
 * emulator's request log can tell them from the app's requests. Not used by the app.
 */
import { num, nums, objs, type Rest } from "../host/zafShapes";

/** A non-2xx answer from the emulator. */
export class WorkspaceApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** Everything the ticket view shows. */
export interface TicketBundle {
	ticket: Rest;
	users: Rest[];
	groups: Rest[];
	fields: Rest[];
	comments: Rest[];
	audits: Rest[];
}

/** Basic auth for a seeded user (API token `sandbox`). */
export function authHeader(email: string): string {
	return `Basic ${btoa(`${email}/token:sandbox`)}`;
}

/** The page's API, as whoever `email()` names at the time of each call. */
export function createWorkspaceApi(email: () => string) {
	async function call(method: string, path: string, body?: unknown): Promise<Rest> {
		const headers: Record<string, string> = { authorization: authHeader(email()), "x-sandbox-client": "host" };
		if (body !== undefined) headers["content-type"] = "application/json";
		const res = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
		const text = await res.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : {};
		} catch {
			json = undefined;
		}
		if (!res.ok) throw new WorkspaceApiError(res.status, `${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
		return (json ?? {}) as Rest;
	}

	async function usersByIds(ids: number[]): Promise<Rest[]> {
		if (ids.length === 0) return [];
		const out: Rest[] = [];
		for (let i = 0; i < ids.length; i += 100) {
			const page = await call("GET", `/api/v2/users/show_many.json?ids=${ids.slice(i, i + 100).join(",")}`);
			out.push(...objs(page, "users"));
		}
		return out;
	}

	return {
		me: async () => (await call("GET", "/api/v2/users/me.json"))["user"] as Rest,
		listTickets: async () => objs(await call("GET", "/api/v2/tickets.json?per_page=100"), "tickets"),
		listUsers: async () => objs(await call("GET", "/api/v2/users.json?per_page=100"), "users"),
		usersByIds,
		updateTicket: async (id: number, body: Rest) => {
			const res = await fetch(`/api/v2/tickets/${id}.json`, {
				method: "PUT",
				headers: { authorization: authHeader(email()), "content-type": "application/json", "x-sandbox-client": "host" },
				body: JSON.stringify(body),
			});
			const text = await res.text();
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				json = text;
			}
			return { status: res.status, json };
		},
		/** Loads the ticket with its people, fields, comments and audits (missing users fetched in one go). */
		async loadTicket(id: number): Promise<TicketBundle> {
			const [withUsers, fields, comments, audits] = await Promise.all([
				call("GET", `/api/v2/tickets/${id}.json?include=users,groups`),
				call("GET", "/api/v2/ticket_fields.json"),
				call("GET", `/api/v2/tickets/${id}/comments.json`),
				call("GET", `/api/v2/tickets/${id}/audits.json`),
			]);
			const ticket = withUsers["ticket"] as Rest;
			const users = objs(withUsers, "users");
			const known = new Set(users.map(u => num(u, "id")));
			const wanted = new Set<number>([
				...nums(ticket, "collaborator_ids"),
				...nums(ticket, "email_cc_ids"),
				...nums(ticket, "follower_ids"),
				...[num(ticket, "requester_id"), num(ticket, "assignee_id"), num(ticket, "submitter_id")].filter(
					(x): x is number => x !== null,
				),
				...objs(comments, "comments").map(c => num(c, "author_id") ?? 0),
				...objs(audits, "audits").map(a => num(a, "author_id") ?? 0),
			]);
			const missing = [...wanted].filter(uid => uid > 0 && !known.has(uid));
			users.push(...(await usersByIds(missing).catch(() => [])));
			return {
				ticket,
				users,
				groups: objs(withUsers, "groups"),
				fields: objs(fields, "ticket_fields"),
				comments: objs(comments, "comments"),
				audits: objs(audits, "audits"),
			};
		},
	};
}

/** The page's API object. */
export type WorkspaceApi = ReturnType<typeof createWorkspaceApi>;
