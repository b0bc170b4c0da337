/**
 * REST (snake_case, as the emulator answers) → ZAF (camelCase, as `client.get` answers) shapes for
 * the workspace host. Pure functions; they read loosely typed REST objects and never throw, so a
 * field the emulator does not send becomes `null` rather than a crash.
 */

/** A REST object as parsed from JSON: read it only through the helpers below. */
export type Rest = Record<string, unknown>;

/** `ticket.requester`, `currentUser`, ...: the ZAF user object (the parts a sidebar app reads). */
export interface ZafUser {
	id: number;
	name: string;
	email: string;
	role: string;
	roleType: number | null;
	locale: string;
	timeZone: { name: string; ianaName: string } | null;
	avatarUrl: string | null;
	externalId: string | null;
	organizations: Array<{ id: number }>;
	tags: string[];
}

/** One entry of `ticketFields`. `name` is `status`, `priority`, ... or `custom_field_<id>`. */
export interface ZafTicketField {
	name: string;
	label: string;
	type: string;
	isRequired: boolean;
	isVisible: boolean;
	isEnabled: boolean;
	options: Array<{ label: string; value: unknown }>;
}

/** Reads a string property (or `fallback`). */
export function str(o: Rest | undefined, key: string, fallback = ""): string {
	const v = o?.[key];
	return typeof v === "string" ? v : fallback;
}

/** Reads a number property (or `null`). */
export function num(o: Rest | undefined, key: string): number | null {
	const v = o?.[key];
	return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Reads an array of numbers (ignoring anything else). */
export function nums(o: Rest | undefined, key: string): number[] {
	const v = o?.[key];
	return Array.isArray(v) ? v.filter((x): x is number => typeof x === "number") : [];
}

/** Reads an array of objects. */
export function objs(o: Rest | undefined, key: string): Rest[] {
	const v = o?.[key];
	return Array.isArray(v) ? v.filter((x): x is Rest => typeof x === "object" && x !== null) : [];
}

/** Reads an array of strings. */
export function strs(o: Rest | undefined, key: string): string[] {
	const v = o?.[key];
	return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** REST user → ZAF user. Does not look up organizations or groups (ids only). */
export function toZafUser(user: Rest): ZafUser {
	const photo = user["photo"];
	const avatarUrl = typeof photo === "object" && photo !== null ? str(photo as Rest, "content_url") || null : null;
	const tz = str(user, "time_zone");
	const orgId = num(user, "organization_id");
	return {
		id: num(user, "id") ?? 0,
		name: str(user, "name"),
		email: str(user, "email"),
		role: str(user, "role", "end-user"),
		roleType: num(user, "role_type"),
		locale: str(user, "locale", "en-US"),
		timeZone: tz ? { name: tz, ianaName: str(user, "iana_time_zone", tz) } : null,
		avatarUrl,
		externalId: str(user, "external_id") || null,
		organizations: orgId === null ? [] : [{ id: orgId }],
		tags: strs(user, "tags"),
	};
}

/** A ZAF user for an id the host has no record of (ZAF would still show the id). */
export function unknownZafUser(id: number): ZafUser {
	return {
		id,
		name: `User ${id}`,
		email: "",
		role: "end-user",
		roleType: null,
		locale: "en-US",
		timeZone: null,
		avatarUrl: null,
		externalId: null,
		organizations: [],
		tags: [],
	};
}

/** The ZAF `ticketFields` name of a REST ticket field (`tickettype` → `type`, custom → `custom_field_<id>`). */
export function zafFieldName(field: Rest): string {
	const type = str(field, "type");
	const system: Record<string, string> = {
		subject: "subject",
		description: "description",
		status: "status",
		custom_status: "status",
		tickettype: "type",
		priority: "priority",
		basic_priority: "priority",
		group: "assignee",
		assignee: "assignee",
	};
	const name = system[type];
	if (name !== undefined && field["removable"] === false) return name;
	return `custom_field_${num(field, "id") ?? 0}`;
}

/** REST ticket field → ZAF ticket field (label = title; options from system or custom options). */
export function toZafTicketField(field: Rest): ZafTicketField {
	const options = [...objs(field, "system_field_options"), ...objs(field, "custom_field_options")].map(o => ({
		label: str(o, "name"),
		value: o["value"],
	}));
	return {
		name: zafFieldName(field),
		label: str(field, "title"),
		type: str(field, "type"),
		isRequired: field["required"] === true,
		isVisible: field["active"] !== false,
		isEnabled: field["active"] !== false,
		options,
	};
}

/**
 * ZAF's `ticket.updatedAt` is not guaranteed to be ISO 8601: a public dump shows `Date#toString()`
 * output. The sandbox answers in that format on purpose, so the app never string-compares it with
 * the REST `updated_at` (zaf-protocol.md §4.2).
 */
export function zafDate(iso: string): string | null {
	if (!iso) return null;
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : d.toString();
}
