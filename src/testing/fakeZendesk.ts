/**
 * TEST ONLY (never imported by the app): a tiny Zendesk with real in-memory state behind the
 * `Emulator` interface, so API tests run through the real relay + fake SDK client + adapter
 * (`createInProcessPort`) before the full emulator exists. It knows only the routes the API tests
 * use and Zendesk's shapes for them; the real emulator (sandbox/emulator) is the faithful one.
 */
import type { Emulator, EmulatorRequest, EmulatorResponse } from "../../sandbox/emulator/types";

type Json = Record<string, unknown>;

/** The fake's state, exposed so tests assert on it. */
export interface FakeZendeskState {
	tickets: Map<number, Json>;
	users: Json[];
	fields: Json[];
	forms: Json[];
	audits: Map<number, Json[]>;
	comments: Map<number, Json[]>;
	uploads: Map<string, { filename: string; body: string; contentType: string }>;
	jobs: Map<string, Json>;
	idempotency: Map<string, { body: string; ticketId: number }>;
	settings: Json;
	/** Paths answered with a malformed 200 body (to test `unexpected_response`). */
	corrupt: Set<string>;
	/** Every request, in order. */
	log: EmulatorRequest[];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse => ({
	status,
	headers: { "content-type": "application/json; charset=utf-8", ...headers },
	body: JSON.stringify(body),
});
const notFound = () => json(404, { error: "RecordNotFound", description: "Not found" });

/** Builds the fake with one agent, one end user, two fields (paged), one form and ticket 1 (open). */
export function createFakeZendesk(): Emulator & { state: FakeZendeskState } {
	const stamp = "2024-01-01T00:00:00Z";
	const state: FakeZendeskState = {
		tickets: new Map([
			[
				1,
				{
					id: 1,
					status: "open",
					subject: "Printer",
					created_at: stamp,
					updated_at: stamp,
					requester_id: 20,
					tags: ["a"],
					custom_fields: [{ id: 100, value: "x" }],
				},
			],
		]),
		users: [
			{ id: 10, name: "Agent Smith", email: "agent@example.com", role: "agent", role_type: 0 },
			{ id: 20, name: "Erin User", email: "erin@example.com", role: "end-user" },
		],
		fields: [
			{ id: 100, type: "text", title: "Order", active: true },
			{
				id: 101,
				type: "tagger",
				title: "Reason",
				active: true,
				custom_field_options: [{ id: 1, name: "Broken", value: "broken" }],
			},
		],
		forms: [{ id: 5, name: "Default", active: true, default: true, ticket_field_ids: [100, 101] }],
		audits: new Map([
			[
				1,
				[1, 2, 3].map(n => ({
					id: n,
					ticket_id: 1,
					created_at: stamp,
					author_id: 10,
					events: [{ id: n * 10, type: "Comment", body: `c${n}`, public: true }],
					metadata: { custom: n === 2 ? { app: "x" } : {}, system: {} },
				})),
			],
		]),
		comments: new Map([
			[1, [{ id: 7, type: "Comment", author_id: 20, body: "Hello", public: true, created_at: stamp, attachments: [] }]],
		]),
		uploads: new Map(),
		jobs: new Map(),
		idempotency: new Map(),
		settings: { tickets: { collaboration: true, follower_and_email_cc_collaborations: true } },
		corrupt: new Set(),
		log: [],
	};
	let nextTicketId = 2;

	function me(req: EmulatorRequest): Json | undefined {
		const basic = atob((req.headers.authorization ?? "").replace(/^Basic /, ""));
		return state.users.find(u => u.email === basic.split("/")[0]);
	}

	function route(req: EmulatorRequest): EmulatorResponse {
		const url = new URL(req.url, "https://fake.zendesk.com");
		const path = url.pathname.replace(/\.json$/, "");
		const isJson = (req.headers["content-type"] ?? "").includes("json");
		const body = isJson && typeof req.body === "string" && req.body !== "" ? (JSON.parse(req.body) as Json) : {};
		if (state.corrupt.has(path)) return json(200, { nothing: true });
		let m: RegExpExecArray | null;
		if (req.method === "GET" && path === "/api/v2/users/me") return json(200, { user: me(req) });
		if (req.method === "GET" && path === "/api/v2/users/show_many") {
			const ids = (url.searchParams.get("ids") ?? "").split(",").map(Number);
			return json(200, { users: state.users.filter(u => ids.includes(u.id as number)) });
		}
		if (req.method === "GET" && path === "/api/v2/users/search") {
			const q = (url.searchParams.get("query") ?? "").toLowerCase();
			return json(200, {
				users: state.users.filter(u => JSON.stringify(u).toLowerCase().includes(q)),
				next_page: null,
				count: 1,
			});
		}
		if (req.method === "GET" && path === "/api/v2/users/autocomplete") {
			const n = (url.searchParams.get("name") ?? "").toLowerCase();
			return json(200, { users: state.users.filter(u => String(u.name).toLowerCase().startsWith(n)) });
		}
		if (req.method === "GET" && path === "/api/v2/ticket_fields") {
			const page = Number(url.searchParams.get("page") ?? "1");
			const next = page === 1 ? "https://fake.zendesk.com/api/v2/ticket_fields.json?page=2" : null;
			return json(200, { ticket_fields: state.fields.slice(page - 1, page), next_page: next });
		}
		if (req.method === "GET" && path === "/api/v2/ticket_forms")
			return json(200, { ticket_forms: state.forms, next_page: null });
		if (req.method === "GET" && path === "/api/v2/account/settings") return json(200, { settings: state.settings });
		if ((m = /^\/api\/v2\/tickets\/(\d+)\/audits$/.exec(path))) {
			const all = state.audits.get(Number(m[1])) ?? [];
			const after = Number(url.searchParams.get("page[after]") ?? "0");
			const items = all.slice(after, after + 2);
			const hasMore = after + 2 < all.length;
			const nextUrl = `https://fake.zendesk.com/api/v2/tickets/${m[1]}/audits.json?page[after]=${after + 2}`;
			return json(200, {
				audits: items,
				meta: { has_more: hasMore, after_cursor: String(after + 2) },
				links: { next: hasMore ? nextUrl : null },
			});
		}
		if ((m = /^\/api\/v2\/tickets\/(\d+)\/comments$/.exec(path)))
			return json(200, { comments: state.comments.get(Number(m[1])) ?? [], next_page: null });
		if ((m = /^\/api\/v2\/tickets\/(\d+)$/.exec(path))) {
			const ticket = state.tickets.get(Number(m[1]));
			if (!ticket) return notFound();
			if (req.method === "GET") {
				const include = url.searchParams.get("include") === "users";
				return json(200, include ? { ticket, users: state.users } : { ticket });
			}
			if (req.method === "PUT") {
				const input = (body.ticket ?? {}) as Json;
				if (ticket.status === "closed") {
					return json(422, {
						error: "RecordInvalid",
						description: "Record validation errors",
						details: { status: [{ description: "Status: closed prevents ticket update" }] },
					});
				}
				if ("safe_update" in input && input.updated_stamp !== ticket.updated_at) {
					return json(409, {
						error: "UpdateConflict",
						description:
							"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
					});
				}
				const { safe_update: _s, updated_stamp: _u, metadata, comment: _c, ...changes } = input;
				Object.assign(ticket, changes, { updated_at: "2024-01-01T00:01:00Z" });
				const audit = {
					id: 99,
					ticket_id: ticket.id,
					created_at: ticket.updated_at,
					author_id: me(req)?.id,
					events: [],
					metadata: { custom: metadata ?? {}, system: {} },
				};
				return json(200, { ticket, audit });
			}
		}
		if (req.method === "POST" && path === "/api/v2/tickets") {
			const key = req.headers["idempotency-key"];
			const previous = key ? state.idempotency.get(key) : undefined;
			if (previous && previous.body !== req.body)
				return json(400, {
					error: "IdempotentRequestError",
					description: "Idempotency key reused with a different body",
				});
			if (previous)
				return json(
					201,
					{ ticket: state.tickets.get(previous.ticketId), audit: null },
					{ "x-idempotency-lookup": "hit" },
				);
			const input = (body.ticket ?? {}) as Json;
			if (!input.comment)
				return json(422, {
					error: "RecordInvalid",
					description: "Record validation errors",
					details: { base: [{ description: "Comment: cannot be blank", error: "BlankValue" }] },
				});
			const id = nextTicketId++;
			const { comment: _c, ...rest } = input;
			const ticket = { status: "new", tags: [], ...rest, id, created_at: stamp, updated_at: stamp };
			if (key) state.idempotency.set(key, { body: req.body as string, ticketId: id });
			if (url.searchParams.get("async") === "true") {
				const job = { id: `job-${id}`, status: "queued", total: 1, progress: null, message: null, results: null };
				state.jobs.set(job.id, job);
				state.tickets.set(id, ticket);
				return json(202, { ticket: { id }, job_status: job });
			}
			state.tickets.set(id, ticket);
			const audit = {
				id: 1000 + id,
				ticket_id: id,
				created_at: stamp,
				author_id: me(req)?.id,
				events: [{ id: 1, type: "Create", field_name: "status", value: "new" }],
			};
			return json(
				201,
				{ ticket, audit },
				{
					location: `https://fake.zendesk.com/api/v2/tickets/${id}.json`,
					...(key ? { "x-idempotency-lookup": "miss" } : {}),
				},
			);
		}
		if ((m = /^\/api\/v2\/job_statuses\/([^/]+)$/.exec(path))) {
			const job = state.jobs.get(decodeURIComponent(m[1] ?? ""));
			return job ? json(200, { job_status: job }) : notFound();
		}
		if (req.method === "POST" && path === "/api/v2/uploads") {
			const filename = url.searchParams.get("filename");
			if (!filename) return json(400, { error: "InvalidParameter", description: "filename is required" });
			const token = url.searchParams.get("token") ?? `tok${state.uploads.size + 1}`;
			state.uploads.set(token, {
				filename,
				body: String(req.body ?? ""),
				contentType: req.headers["content-type"] ?? "",
			});
			const attachment = {
				id: 500 + state.uploads.size,
				file_name: filename,
				content_url: `https://fake.zendesk.com/attachments/${token}`,
				content_type: req.headers["content-type"],
				size: String(req.body ?? "").length,
			};
			return json(201, { upload: { token, attachment, attachments: [attachment] } });
		}
		if ((m = /^\/api\/v2\/uploads\/([^/]+)$/.exec(path)) && req.method === "DELETE") {
			if (!state.uploads.delete(decodeURIComponent(m[1] ?? ""))) return notFound();
			return { status: 204, headers: {}, body: "" };
		}
		return json(404, { error: "InvalidEndpoint", description: "Not found" });
	}

	return {
		state,
		async handle(req) {
			state.log.push(req);
			return route(req);
		},
		reset() {},
		onChange: () => () => {},
		dispose() {},
	};
}
