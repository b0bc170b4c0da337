/**
 * Answers ZAF `get` paths (`ticket`, `ticket.requester.email`, `ticket.customField:custom_field_5`,
 * `currentUser.locale`, `ticketFields:priority.options`, ...) from the workspace's data. Unknown
 * paths become per-path `APIUnavailable` errors, never exceptions. Knows nothing of postMessage.
 */
import type { TicketState } from "./ticketState";
import type { ZafTicketField, ZafUser } from "./zafShapes";

/** What the host can read for `get`. */
export interface ZafDataSource {
	ticket: TicketState;
	currentUser(): ZafUser;
	currentAccount(): Record<string, unknown>;
	ticketFields(): ZafTicketField[];
}

/** ZAF's per-path error, as it travels in `result.errors[path]`. */
export interface ZafPathError {
	name: string;
	message: string;
	path: string;
}

/** The `result` of a `get` reply: values by path plus `errors`. */
export type ZafGetReply = Record<string, unknown> & { errors: Record<string, ZafPathError> };

type Lookup = { found: true; value: unknown } | { found: false };
const missing: Lookup = { found: false };

/** Resolves every path; the reply always carries an `errors` map (empty when all were found). */
export function resolveGet(paths: unknown[], data: ZafDataSource): ZafGetReply {
	const reply: ZafGetReply = { errors: {} };
	for (const path of paths) {
		if (typeof path !== "string") continue;
		const lookup = resolvePath(path, data);
		if (lookup.found) reply[path] = lookup.value;
		else reply.errors[path] = { name: "APIUnavailable", message: `Could not find API for ${path}`, path };
	}
	return reply;
}

function splitColon(segment: string): [name: string, arg: string | undefined] {
	const i = segment.indexOf(":");
	return i < 0 ? [segment, undefined] : [segment.slice(0, i), segment.slice(i + 1)];
}

function root(name: string, arg: string | undefined, data: ZafDataSource): Lookup {
	switch (name) {
		case "ticket":
			return arg === undefined ? { found: true, value: data.ticket.zafTicket() } : missing;
		case "currentUser":
			return arg === undefined ? { found: true, value: data.currentUser() } : missing;
		case "currentAccount":
			return arg === undefined ? { found: true, value: data.currentAccount() } : missing;
		case "ticketFields": {
			const fields = data.ticketFields();
			if (arg === undefined) return { found: true, value: fields };
			const field = fields.find(f => f.name === arg);
			return field ? { found: true, value: field } : missing;
		}
		default:
			return missing;
	}
}

function resolvePath(path: string, data: ZafDataSource): Lookup {
	const [head = "", ...rest] = path.split(".");
	const [rootName, rootArg] = splitColon(head);
	const start = root(rootName, rootArg, data);
	if (!start.found) return missing;
	let value = start.value;
	for (const [depth, segment] of rest.entries()) {
		const [name, arg] = splitColon(segment);
		if (arg !== undefined) {
			// Only `ticket.customField:<name>` takes an argument below the root.
			if (rootName !== "ticket" || depth !== 0 || name !== "customField") return missing;
			const field = data.ticket.customField(arg);
			if (!field.known) return missing;
			value = field.value;
			continue;
		}
		if (value === null) return { found: true, value: null };
		if (typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, name)) return missing;
		value = (value as Record<string, unknown>)[name];
	}
	return { found: true, value };
}
