/**
 * The parent (agent workspace) side of the ZAF v2 postMessage protocol for one ticket_sidebar app
 * instance — zaf-protocol.md §2.10. Everything it touches is injected: the window it listens on,
 * the iframe's window it posts to, the ticket form state, the request relay and the UI callbacks,
 * so the same module runs in the workspace page and against a FakeWindow in tests.
 *
 * It does not create the iframe, fetch anything itself, or know the emulator: requests go through
 * `relay`, whose answer (relay.ts `RelayAnswer`) becomes `zaf.request:K.done|fail`.
 */
import type { ZafContext, ZafMetadata } from "../../../src/platform/zaf/port";
import type { RelayAnswer } from "./relay";
import type { TicketState } from "./ticketState";
import { resolveGet, type ZafDataSource, type ZafPathError } from "./zafPaths";
import type { ZafTicketField, ZafUser } from "./zafShapes";

/** The part of a `MessageEvent` the host reads. */
export interface MessageEventLike {
	data: unknown;
	origin: string;
	source: unknown;
}

/** Where the host listens for the app's messages (the workspace `window`). */
export interface MessageSource {
	addEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
	removeEventListener(type: "message", listener: (event: MessageEventLike) => void): void;
}

/** Where the host posts to (the app iframe's `contentWindow`). */
export interface MessageTarget {
	postMessage(message: unknown, targetOrigin: string): void;
}

/** One protocol message, in or out (or ignored by the gates), parsed. */
export interface ProtocolLogEntry {
	seq: number;
	at: number;
	direction: "in" | "out" | "ignored";
	message: unknown;
	note?: string;
}

/** The outcome of a hook such as `ticket.save`. */
export type HookVerdict =
	{ allowed: true; answered: boolean } | { allowed: false; message: string | null; reason: "blocked" | "timeout" };

/** A normalised `resize` request: CSS lengths (numbers become `px`). */
export interface ResizeRequest {
	width?: string;
	height?: string;
}

export interface ZafHostOptions {
	/** The window to listen on for `message` events (the workspace window). */
	window: MessageSource;
	/** The app iframe's `contentWindow`: the only accepted `event.source`, and where replies go. */
	target: MessageTarget;
	/** The app's origin, exactly (e.g. `http://127.0.0.1:4301`): the only accepted `event.origin`. */
	appOrigin: string;
	appGuid: string;
	metadata: () => ZafMetadata;
	context: () => ZafContext;
	/** The agent's open ticket form (`get`/`set` on `ticket.*`; its changes become `ticket.*.changed`). */
	ticket: TicketState;
	currentUser: () => ZafUser;
	currentAccount: () => Record<string, unknown>;
	ticketFields: () => ZafTicketField[];
	/** Performs a `client.request` as the signed-in agent (see relay.ts). May reject: that becomes a status-0 fail. */
	relay: (options: Record<string, unknown>) => Promise<RelayAnswer>;
	onResize?: (size: ResizeRequest) => void;
	/** `invoke('routeTo', ...args)`; return false for a route the workspace does not know. */
	onRouteTo?: (...args: unknown[]) => boolean;
	onNotify?: (message: string, kind: string, options: unknown) => void;
	/** How long a hook may take before the host gives up (blocking the save). Default 30 s. */
	hookTimeoutMs?: number;
	now?: () => number;
}

/** A running host. `dispose()` stops listening; nothing is sent after it. */
export interface ZafHost {
	/** Every message in and out, oldest first (a copy). */
	log(): ProtocolLogEntry[];
	onLog(listener: (entry: ProtocolLogEntry) => void): () => void;
	/** True once `zaf.app.registered` was sent for the current app load. */
	isRegistered(): boolean;
	/** The app's subscriber count for an event (from `iframe.on:`/`iframe.off:`). */
	subscriberCount(event: string): number;
	/** Sends `zaf.<event>` if the app listens to it (or always, with `force`). Returns whether it was sent. */
	emit(event: string, payload?: unknown, options?: { force?: boolean }): boolean;
	/** Runs a hook (`ticket.save`): waits for `iframe.reply:<hook>`. Calls never overlap for the same hook. */
	runHook(hook: string): Promise<HookVerdict>;
	dispose(): void;
}

const LOG_LIMIT = 5000;

/** Starts answering the app's messages. Sends nothing until the app's `iframe.handshake`. */
export function createZafHost(options: ZafHostOptions): ZafHost {
	const now = options.now ?? Date.now;
	const hookTimeoutMs = options.hookTimeoutMs ?? 30_000;
	const entries: ProtocolLogEntry[] = [];
	const logListeners = new Set<(entry: ProtocolLogEntry) => void>();
	const subscribers = new Map<string, number>();
	const pendingHooks = new Map<string, { settle: (reply: Record<string, unknown>) => void; cancel: () => void }>();
	const hookChains = new Map<string, Promise<unknown>>();
	let seq = 0;
	let registered = false;
	let disposed = false;

	const data: ZafDataSource = {
		ticket: options.ticket,
		currentUser: options.currentUser,
		currentAccount: options.currentAccount,
		ticketFields: options.ticketFields,
	};

	function record(direction: ProtocolLogEntry["direction"], message: unknown, note?: string) {
		const entry: ProtocolLogEntry = { seq: ++seq, at: now(), direction, message, ...(note ? { note } : {}) };
		entries.push(entry);
		if (entries.length > LOG_LIMIT) entries.shift();
		for (const l of logListeners) l(entry);
	}

	function send(message: Record<string, unknown>) {
		if (disposed) return;
		record("out", message);
		options.target.postMessage(JSON.stringify(message), options.appOrigin);
	}

	function sendEvent(event: string, payload: unknown) {
		send({ key: `zaf.${event}`, message: payload, instanceGuid: options.appGuid });
	}

	function register() {
		subscribers.clear();
		registered = true;
		sendEvent("app.registered", { metadata: options.metadata(), context: options.context() });
		// Zendesk activates a sidebar app right after its first registration.
		sendEvent("app.activated", { firstLoad: true });
	}

	function onMessage(event: MessageEventLike) {
		if (disposed) return;
		if (event.source !== options.target || event.origin !== options.appOrigin) {
			record("ignored", event.data, `not from the app iframe (origin ${event.origin})`);
			return;
		}
		let message: unknown = event.data;
		if (typeof message === "string") {
			try {
				message = JSON.parse(message);
			} catch {
				record("ignored", event.data, "not JSON");
				return;
			}
		}
		if (typeof message !== "object" || message === null) {
			record("ignored", message, "not an object");
			return;
		}
		const msg = message as Record<string, unknown>;
		record("in", msg);
		if (typeof msg["request"] === "string") return answerRpc(msg);
		const key = typeof msg["key"] === "string" ? msg["key"] : "";
		if (key === "iframe.handshake") return register();
		if (key.startsWith("iframe.on:") || key.startsWith("iframe.off:")) return countSubscribers(key, msg["message"]);
		if (key.startsWith("iframe.reply:")) return receiveHookReply(key.slice("iframe.reply:".length), msg);
		if (key.startsWith("iframe.trigger:")) return sendEvent(key.slice("iframe.trigger:".length), msg["message"]);
		if (key.startsWith("request:")) return void relayRequest(key, msg["message"]);
		// session.live, __track__ and anything else: nothing to answer.
	}

	function countSubscribers(key: string, message: unknown) {
		const event = key.slice(key.indexOf(":") + 1);
		const count = (message as { subscriberCount?: unknown } | null)?.subscriberCount;
		subscribers.set(event, typeof count === "number" ? count : key.startsWith("iframe.on:") ? 1 : 0);
	}

	function answerRpc(msg: Record<string, unknown>) {
		const id = msg["id"];
		const params = msg["params"];
		switch (msg["request"]) {
			case "get":
				if (!Array.isArray(params))
					return send({ id, error: { name: "InvalidParams", message: "get expects an array of paths" } });
				return send({ id, result: resolveGet(params, data) });
			case "set":
				if (typeof params !== "object" || params === null) {
					return send({ id, error: { name: "InvalidParams", message: "set expects an object" } });
				}
				return send({ id, result: applySet(params as Record<string, unknown>) });
			case "invoke":
				if (typeof params !== "object" || params === null) {
					return send({ id, error: { name: "InvalidParams", message: "invoke expects an object" } });
				}
				return send({ id, result: applyInvoke(params as Record<string, unknown>) });
			default:
				return send({ id, error: { name: "APIUnavailable", message: `Unknown request ${String(msg["request"])}` } });
		}
	}

	function applySet(params: Record<string, unknown>) {
		const result: Record<string, unknown> & { errors: Record<string, ZafPathError> } = { errors: {} };
		for (const [path, value] of Object.entries(params)) {
			const error = path.startsWith("ticket.")
				? options.ticket.set(path.slice("ticket.".length), value)
				: { name: "APIUnavailable", message: `Could not find API for set ${path}` };
			if (error) result.errors[path] = { ...error, path };
			else result[path] = value;
		}
		return result;
	}

	function applyInvoke(params: Record<string, unknown>) {
		const errors: Record<string, ZafPathError> = {};
		for (const [action, rawArgs] of Object.entries(params)) {
			const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
			const error = invokeOne(action, args);
			if (error) errors[action] = { ...error, path: action };
		}
		return { errors };
	}

	function invokeOne(action: string, args: unknown[]): { name: string; message: string } | undefined {
		switch (action) {
			case "resize": {
				const size = args[0];
				if (typeof size !== "object" || size === null)
					return { name: "InvalidParams", message: "resize expects {width, height}" };
				const { width, height } = size as Record<string, unknown>;
				options.onResize?.({ ...cssLength("width", width), ...cssLength("height", height) });
				return undefined;
			}
			case "routeTo":
				return options.onRouteTo?.(...args) === true
					? undefined
					: { name: "APIUnavailable", message: `Cannot route to ${args.map(a => String(a)).join(" ")}` };
			case "notify": {
				const [message, kind, extra] = args;
				if (typeof message !== "string") return { name: "InvalidParams", message: "notify expects a message string" };
				options.onNotify?.(message, typeof kind === "string" ? kind : "notice", extra);
				return undefined;
			}
			case "track":
				return undefined;
			case "ticket.tags.add":
			case "ticket.tags.remove":
				return options.ticket.changeTags(
					action === "ticket.tags.add" ? "add" : "remove",
					args.length > 1 ? args : args[0],
				);
			case "ticket.comment.appendText":
				return options.ticket.appendCommentText(args[0]);
			default:
				return { name: "APIUnavailable", message: `Could not find API for invoke ${action}` };
		}
	}

	async function relayRequest(key: string, rawOptions: unknown) {
		const requestOptions =
			typeof rawOptions === "string"
				? { url: rawOptions }
				: typeof rawOptions === "object" && rawOptions !== null
					? (rawOptions as Record<string, unknown>)
					: { url: "" };
		let answer: RelayAnswer;
		try {
			answer = await options.relay(requestOptions);
		} catch (error) {
			const text = error instanceof Error ? error.message : String(error);
			answer = { outcome: "fail", responseArgs: [{ status: 0, statusText: "error", responseText: text }, "error"] };
		}
		sendEvent(`${key}.${answer.outcome}`, { responseArgs: answer.responseArgs });
	}

	function receiveHookReply(hook: string, msg: Record<string, unknown>) {
		const pending = pendingHooks.get(hook);
		if (!pending) return record("ignored", msg, `no ${hook} hook is waiting for a reply`);
		pendingHooks.delete(hook);
		pending.settle(msg);
	}

	function runOneHook(hook: string): Promise<HookVerdict> {
		if (disposed || !registered || (subscribers.get(hook) ?? 0) === 0) {
			return Promise.resolve({ allowed: true, answered: false });
		}
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				pendingHooks.delete(hook);
				record("ignored", null, `${hook} hook timed out after ${hookTimeoutMs} ms`);
				resolve({ allowed: false, message: null, reason: "timeout" });
			}, hookTimeoutMs);
			pendingHooks.set(hook, {
				settle(reply) {
					clearTimeout(timer);
					const error = reply["error"];
					if (error === undefined || error === null) return resolve({ allowed: true, answered: true });
					const text = (error as { msg?: unknown }).msg;
					resolve({ allowed: false, message: typeof text === "string" && text ? text : null, reason: "blocked" });
				},
				cancel() {
					clearTimeout(timer);
					resolve({ allowed: false, message: null, reason: "timeout" });
				},
			});
			send({ key: `zaf.${hook}`, needsReply: true, instanceGuid: options.appGuid });
		});
	}

	const stopTicketChanges = options.ticket.onChange(changes => {
		for (const change of changes) emit(change.event, change.value);
	});

	function emit(event: string, payload?: unknown, emitOptions?: { force?: boolean }): boolean {
		if (disposed || !registered) return false;
		if (!emitOptions?.force && (subscribers.get(event) ?? 0) === 0) return false;
		sendEvent(event, payload);
		return true;
	}

	options.window.addEventListener("message", onMessage);

	return {
		log: () => entries.slice(),
		onLog(listener) {
			logListeners.add(listener);
			return () => logListeners.delete(listener);
		},
		isRegistered: () => registered,
		subscriberCount: event => subscribers.get(event) ?? 0,
		emit,
		runHook(hook) {
			// Start at once when no call for this hook is in flight; otherwise queue behind it.
			const previous = hookChains.get(hook);
			const next = previous ? previous.then(() => runOneHook(hook)) : runOneHook(hook);
			const settled = next.then(() => {
				if (hookChains.get(hook) === settled) hookChains.delete(hook);
			});
			hookChains.set(hook, settled);
			return next;
		},
		dispose() {
			disposed = true;
			for (const pending of pendingHooks.values()) pending.cancel();
			pendingHooks.clear();
			stopTicketChanges();
			options.window.removeEventListener("message", onMessage);
			logListeners.clear();
		},
	};
}

function cssLength(name: "width" | "height", value: unknown): ResizeRequest {
	if (typeof value === "number" && Number.isFinite(value)) return { [name]: `${value}px` };
	if (typeof value === "string" && value.trim() !== "") {
		return { [name]: /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim() };
	}
	return {};
}
