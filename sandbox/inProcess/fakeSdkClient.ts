/**
 * A fake ZAF SDK client with real state, backed by the emulator in-process (no sockets, no iframe).
 * It behaves like the SDK talking to the workspace host: `request` goes through the same relay as
 * `sandbox/workspace/host/zafHost.ts`, `get` reads the ticket from the emulator in ZAF's shape, `set`
 * changes an unsaved form overlay, and the SDK's promise semantics are kept (a single-path `get`
 * rejects on a per-path error; bulk calls resolve with an `errors` map; hooks block on
 * false/string/Error/rejection, zaf-protocol.md §2.6 and §2.9).
 */
import type { ZafContext, ZafMetadata, ZafRequestOptions, ZafSdkClient } from "../../src/platform/zaf/port";
import type { Emulator } from "../emulator/types";
import { isRelayAnswer, toEmulatorRequest, toRelayAnswer } from "../workspace/host/relay";
import { createTicketState } from "../workspace/host/ticketState";
import { resolveGet, type ZafDataSource } from "../workspace/host/zafPaths";
import { toZafTicketField, type ZafUser } from "../workspace/host/zafShapes";

type Handler = (payload: unknown) => unknown;
type Json = Record<string, unknown>;

/** Options for `createFakeSdkClient`. */
export interface FakeSdkClientOptions {
	emulator: Emulator;
	/** The signed-in agent (default `agent@example.com`). */
	userEmail?: string;
	/** The ticket the sidebar is open on. */
	ticketId?: number;
	/** Installation settings (`metadata().settings`). */
	settings?: Record<string, unknown>;
}

/** An action the app invoked (`resize`, `routeTo`, `notify`, ...). */
export interface Invocation {
	name: string;
	args: unknown[];
}

/** The outcome of a hook such as `ticket.save`. */
export type HookOutcome = { blocked: false } | { blocked: true; message: unknown };

/** The fake client plus the host-side controls a test drives. */
export interface FakeSdkClient extends ZafSdkClient {
	/** Every action invoked, in order. */
	readonly invocations: Invocation[];
	/** The unsaved form values the app `set`. */
	readonly form: Record<string, unknown>;
	/** Sends a framework event to the app's handlers (`ticket.updated`, `app.activated`, ...). */
	fire(event: string, payload?: unknown): void;
	/** Runs a hook (`ticket.save`) the way the SDK does and reports whether it blocked. */
	fireHook(hook: string): Promise<HookOutcome>;
	/** Number of handlers currently subscribed to an event. */
	subscribers(event: string): number;
	/** Changes the signed-in agent (the workspace's "signed in as" switch). */
	signInAs(email: string): void;
	/** Stops listening to the emulator. */
	close(): void;
}

/** Marks host-internal reads so the emulator's request log can tell them from the app's requests. */
const HOST_CLIENT_HEADER = "x-sandbox-client";

/** Creates a fake SDK client over an emulator. */
export function createFakeSdkClient(options: FakeSdkClientOptions): FakeSdkClient {
	const { emulator, ticketId } = options;
	let userEmail = options.userEmail ?? "agent@example.com";
	let currentUserId: number | undefined;
	const handlers = new Map<string, Set<Handler>>();
	const invocations: Invocation[] = [];
	const form: Record<string, unknown> = {};

	async function hostGet(url: string): Promise<Json | undefined> {
		const req = toEmulatorRequest(
			{ url, type: "GET", headers: { [HOST_CLIENT_HEADER]: "host" } },
			{ email: userEmail },
		);
		if (isRelayAnswer(req)) return undefined;
		const res = await emulator.handle(req);
		if (res.status !== 200 || typeof res.body !== "string") return undefined;
		return JSON.parse(res.body) as Json;
	}

	async function currentUser(): Promise<Json | undefined> {
		const me = (await hostGet("/api/v2/users/me.json"))?.user as Json | undefined;
		if (me && typeof me.id === "number") currentUserId = me.id;
		return (
			me && {
				id: me.id,
				name: me.name,
				email: me.email,
				role: me.role,
				// As the workspace host's `toZafUser` answers it.
				roleType: typeof me.role_type === "number" ? me.role_type : null,
				locale: me.locale ?? "en-US",
				timeZone: null,
				avatarUrl: null,
				groups: [],
				organizations: [],
			}
		);
	}

	/**
	 * What `get` reads, built the way the workspace host builds it (`createTicketState` and
	 * `resolveGet`, the same REST-to-ZAF mapping), with the unsaved values the app `set` on top.
	 * Field definitions are read only when a path needs them.
	 */
	async function dataSource(paths: readonly string[]): Promise<{ data: ZafDataSource; me: boolean; ticket: boolean }> {
		const me = await currentUser();
		const needsFields = paths.some(p => p.startsWith("ticketFields") || p.includes("customField:"));
		const fields = needsFields ? (((await hostGet("/api/v2/ticket_fields.json"))?.ticket_fields as Json[]) ?? []) : [];
		const body = ticketId === undefined ? undefined : await hostGet(`/api/v2/tickets/${ticketId}.json?include=users`);
		const ticket = createTicketState({
			ticket: (body?.ticket as Json | undefined) ?? {},
			users: (body?.users as Json[] | undefined) ?? [],
			fields,
		});
		for (const [path, value] of Object.entries(form)) ticket.set(path, value);
		const data: ZafDataSource = {
			ticket,
			currentUser: () => me as unknown as ZafUser,
			currentAccount: () => ({ subdomain: "sandbox", planName: "enterprise" }),
			ticketFields: () => fields.map(toZafTicketField),
		};
		return { data, me: me !== undefined, ticket: body?.ticket !== undefined };
	}

	const unlisten = emulator.onChange(change => {
		if (change.type === "ticket" && change.id === ticketId && change.actorId !== currentUserId) {
			emit("ticket.updated", { ticketId, updatedBy: change.actorId });
		}
	});

	function emit(event: string, payload: unknown): void {
		for (const h of [...(handlers.get(event) ?? [])]) {
			try {
				h(payload);
			} catch (err) {
				console.error(`[fake-sdk] handler for ${event} threw`, err);
			}
		}
	}

	const client: FakeSdkClient = {
		invocations,
		form,
		async get(paths) {
			const list = Array.isArray(paths) ? paths.filter((p): p is string => typeof p === "string") : [paths];
			const source = await dataSource(list);
			const result = resolveGet(list, source.data);
			const errors = result.errors as Json;
			for (const p of list) {
				const unavailable =
					(p.startsWith("currentUser") && !source.me) ||
					((p === "ticket" || p.startsWith("ticket.")) && !source.ticket);
				if (unavailable) {
					delete result[p];
					errors[p] = { name: "APIUnavailable", message: `Could not find API for ${p}`, path: p };
				}
			}
			if (typeof paths === "string" && errors[paths]) {
				const e = errors[paths] as { name: string; message: string };
				throw Object.assign(new Error(`"${paths}" ${e.message}`), { name: e.name });
			}
			return result;
		},
		async set(key, value) {
			const values = typeof key === "string" ? { [key]: value } : key;
			const result: Json = { errors: {} };
			for (const [k, v] of Object.entries(values)) {
				if (!k.startsWith("ticket.")) {
					(result.errors as Json)[k] = { name: "APIUnavailable", message: `Could not find API for ${k}`, path: k };
					continue;
				}
				form[k] = v;
				result[k] = v;
			}
			if (typeof key === "string" && (result.errors as Json)[key])
				throw new Error(`"${key}" Could not find API for ${key}`);
			return result;
		},
		async invoke(name, ...args) {
			const known = [
				"resize",
				"routeTo",
				"notify",
				"ticket.tags.add",
				"ticket.tags.remove",
				"ticket.comment.appendText",
			];
			if (!known.includes(name))
				throw Object.assign(new Error(`"${name}" Could not find API for ${name}`), { name: "APIUnavailable" });
			invocations.push({ name, args });
			return { errors: {} };
		},
		on(event, handler) {
			if (!handlers.has(event)) handlers.set(event, new Set());
			handlers.get(event)!.add(handler);
		},
		off(event, handler) {
			handlers.get(event)?.delete(handler);
		},
		async request(opts: ZafRequestOptions) {
			const req = toEmulatorRequest(opts, { email: userEmail });
			const answer = isRelayAnswer(req) ? req : toRelayAnswer(opts, await emulator.handle(req));
			if (answer.outcome === "done") return answer.responseArgs[0];
			throw answer.responseArgs[0];
		},
		async metadata(): Promise<ZafMetadata> {
			return {
				appId: 0,
				installationId: 1,
				name: "Ticket sidebar",
				version: "1.0.0",
				settings: { ...(options.settings ?? {}) },
			};
		},
		async context(): Promise<ZafContext> {
			const ctx: ZafContext = {
				instanceGuid: "in-process-guid",
				product: "support",
				account: { subdomain: "sandbox" },
				location: "ticket_sidebar",
			};
			if (ticketId !== undefined) ctx.ticketId = ticketId;
			return ctx;
		},
		fire: emit,
		async fireHook(hook) {
			for (const h of [...(handlers.get(hook) ?? [])]) {
				try {
					const r = await h(undefined);
					if (r === false || typeof r === "string" || r instanceof Error)
						return { blocked: true, message: r instanceof Error ? r.message : r };
				} catch (err) {
					return { blocked: true, message: err instanceof Error ? err.message : err };
				}
			}
			return { blocked: false };
		},
		subscribers: event => handlers.get(event)?.size ?? 0,
		signInAs(email) {
			userEmail = email;
			currentUserId = undefined;
		},
		close: unlisten,
	};
	return client;
}
