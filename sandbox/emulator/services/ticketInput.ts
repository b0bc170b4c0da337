/**
 * Applies a write body's plain properties (subject, status, people, tags, ...) to a draft ticket,
 * collecting issues instead of throwing. Read-only keys are simply not read (§2 [F]: Zendesk strips
 * them). Knows no HTTP.
 */
import { findLocale } from "./localeCatalog";
import { isoSecond } from "../db/clock";
import { findTicket, findUser, findUserByEmail } from "../db/db";
import type { TicketRecord, TicketStatus, UserRecord } from "../db/records";
import { isLightAgent, isObject, isStaff, type Issue, type ServiceContext } from "./serviceTypes";
import { findOrCreateEndUser, isEmail } from "./userService";

/** Ticket statuses (§14 [V]). */
export const STATUSES: readonly TicketStatus[] = ["new", "open", "pending", "hold", "solved", "closed"];
const TYPES = ["problem", "incident", "question", "task"] as const;
const PRIORITIES = ["urgent", "high", "normal", "low"] as const;

/** Keys a write body may carry that are not ticket properties, or are read-only and stripped. */
export const READ_ONLY_KEYS = [
	"id",
	"url",
	"created_at",
	"updated_at",
	"generated_timestamp",
	"description",
	"via",
	"followup_ids",
	"has_incidents",
	"satisfaction_rating",
	"allow_channelback",
	"allow_attachments",
	"from_messaging_channel",
	"is_public",
] as const;

/** Tags as Zendesk keeps them: lower-case, no spaces (a tag with spaces becomes several), no duplicates. */
export function normalizeTags(raw: unknown): string[] | undefined {
	const list = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : undefined;
	if (!list) return undefined;
	const tags = list
		.flatMap(t =>
			typeof t === "string" || typeof t === "number"
				? String(t)
						.toLowerCase()
						.split(/[\s,]+/)
				: [],
		)
		.filter(Boolean);
	return [...new Set(tags)];
}

const idOrNull = (value: unknown): number | null | undefined => {
	if (value === null) return null;
	const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
	return typeof n === "number" && Number.isInteger(n) ? n : undefined;
};

function assignable(user: UserRecord | undefined): boolean {
	// Light agents "can't be assigned tickets" (Zendesk light-agent role; sandbox decision, see docs).
	return !!user && isStaff(user) && !isLightAgent(user) && user.active && !user.suspended;
}

/** Options for applyTicketProperties. */
export interface PropertyOptions {
	mode: "create" | "update";
	actor: UserRecord;
}

/** Sets the plain properties of `input` on `draft`; returns the issues (empty = valid). */
export function applyTicketProperties(
	ctx: ServiceContext,
	draft: TicketRecord,
	input: Record<string, unknown>,
	options: PropertyOptions,
): Issue[] {
	const issues: Issue[] = [];
	const has = (key: string) => Object.prototype.hasOwnProperty.call(input, key);
	const enumField = <T extends string>(key: "type" | "priority", allowed: readonly T[]) => {
		if (!has(key)) return;
		const value = input[key];
		if (value === null || value === "") draft[key] = null as never;
		else if (typeof value === "string" && (allowed as readonly string[]).includes(value)) draft[key] = value as never;
		else
			issues.push({
				field: key,
				description: `${key === "type" ? "Type" : "Priority"}: is invalid`,
				error: "InvalidValue",
			});
	};

	if (has("subject") || has("raw_subject")) {
		const subject = input.subject ?? input.raw_subject;
		if (typeof subject === "string" || subject === null) draft.subject = draft.raw_subject = subject ?? "";
		else issues.push({ field: "subject", description: "Subject: is invalid", error: "InvalidValue" });
	}
	enumField("type", TYPES);
	enumField("priority", PRIORITIES);
	if (has("status")) {
		const status = input.status;
		if (typeof status !== "string" || !(STATUSES as readonly string[]).includes(status)) {
			issues.push({ field: "status", description: "Status: is invalid", error: "InvalidValue" });
		} else if (status === "new" && options.mode === "update" && draft.status !== "new") {
			// "can never be set back to New" [V HC-RULES]; the API error is [U]: sandbox choice 422.
			issues.push({ field: "status", description: "Status: cannot be changed back to New", error: "InvalidValue" });
		} else draft.status = status as TicketStatus;
	}

	if (isObject(input.requester)) {
		const requester = input.requester;
		if (!isEmail(requester.email)) {
			// Shape from a real-response fixture (§4.6 [F]).
			issues.push({ field: "requester", description: "Requester: Email is invalid", error: "InvalidValue" });
		} else {
			const existing = findUserByEmail(ctx.db, requester.email);
			// Existing users are used as they are: "no updates will be made to existing users" [V].
			if (existing) draft.requester_id = existing.id;
			else if (typeof requester.name !== "string" || requester.name.trim() === "") {
				// Sandbox decision: a new requester needs a name ("A name and email are required" [V GUIDE]).
				issues.push({
					field: "requester",
					description: "Requester: Name is required for a new user",
					error: "BlankValue",
				});
			} else {
				const user = findOrCreateEndUser(ctx, requester.email, requester.name);
				// `locale` follows `locale_id` (a known catalog id; an unknown one is ignored [U]).
				const locale = typeof requester.locale_id === "number" ? findLocale(String(requester.locale_id)) : undefined;
				if (locale) Object.assign(user, { locale_id: locale.id, locale: locale.locale });
				draft.requester_id = user.id;
			}
		}
	} else if (has("requester_id")) {
		const user = findUser(ctx.db, Number(input.requester_id));
		if (user) draft.requester_id = user.id;
		else issues.push({ field: "requester", description: "Requester: is invalid", error: "InvalidValue" });
	}
	if (options.mode === "create" && has("submitter_id")) {
		const user = findUser(ctx.db, Number(input.submitter_id));
		if (user) draft.submitter_id = user.id;
		else issues.push({ field: "submitter", description: "Submitter: is invalid", error: "InvalidValue" });
	}

	if (has("assignee_email") && typeof input.assignee_email === "string") {
		const user = findUserByEmail(ctx.db, input.assignee_email);
		if (assignable(user)) draft.assignee_id = user!.id;
		else
			issues.push({
				field: "assignee",
				description: "Assignee: is not eligible to be assigned tickets",
				error: "InvalidValue",
			});
	} else if (has("assignee_id")) {
		const id = idOrNull(input.assignee_id);
		if (id === null) draft.assignee_id = null;
		else if (id !== undefined && assignable(findUser(ctx.db, id))) draft.assignee_id = id;
		else
			issues.push({
				field: "assignee",
				description: "Assignee: is not eligible to be assigned tickets",
				error: "InvalidValue",
			});
	}
	if (has("group_id")) {
		const id = idOrNull(input.group_id);
		if (id === null) draft.group_id = null;
		else if (id !== undefined && ctx.db.groups.some(g => g.id === id && !g.deleted)) draft.group_id = id;
		else issues.push({ field: "group", description: "Group: is invalid", error: "InvalidValue" });
	}
	if (has("organization_id")) {
		const id = idOrNull(input.organization_id);
		if (id !== undefined) draft.organization_id = id;
	}
	if (has("brand_id")) {
		const id = idOrNull(input.brand_id);
		if (id !== undefined) draft.brand_id = id;
	}
	if (has("ticket_form_id")) {
		const id = idOrNull(input.ticket_form_id);
		if (id === null) draft.ticket_form_id = null;
		else if (id !== undefined && ctx.db.ticketForms.some(f => f.id === id && f.active)) draft.ticket_form_id = id;
		else issues.push({ field: "ticket_form", description: "Ticket form: is invalid", error: "InvalidValue" });
	}
	if (has("problem_id")) {
		const id = idOrNull(input.problem_id);
		if (id === null) draft.problem_id = null;
		else if (id !== undefined && findTicket(ctx.db, id)?.type === "problem") draft.problem_id = id;
		else issues.push({ field: "problem", description: "Problem: is invalid", error: "InvalidValue" });
	}
	if (has("external_id")) {
		const value = input.external_id;
		if (value === null || typeof value === "string" || typeof value === "number")
			draft.external_id = value === null ? null : String(value);
	}
	if (has("due_at")) {
		const value = input.due_at;
		const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
		if (value === null || value === "") draft.due_at = null;
		else if (!Number.isNaN(ms)) draft.due_at = isoSecond(ms);
		else issues.push({ field: "due_at", description: "Due at: is invalid", error: "InvalidValue" });
	}
	if (
		has("recipient") &&
		options.mode === "create" &&
		(typeof input.recipient === "string" || input.recipient === null)
	) {
		draft.recipient = input.recipient;
	}
	return issues;
}

/** Applies `tags` (replace), then `additional_tags` and `remove_tags`; true when any of them was given. */
export function applyTagInput(draft: TicketRecord, input: Record<string, unknown>): boolean {
	const replace = normalizeTags(input.tags);
	const additional = normalizeTags(input.additional_tags);
	const removed = normalizeTags(input.remove_tags);
	if (replace) {
		// Same set in another order: keep the stored order (tag order alone is no change).
		const sameSet = replace.length === draft.tags.length && replace.every(t => draft.tags.includes(t));
		if (!sameSet) draft.tags = replace;
	}
	if (additional) draft.tags = [...draft.tags, ...additional.filter(t => !draft.tags.includes(t))];
	if (removed) draft.tags = draft.tags.filter(t => !removed.includes(t));
	return !!(replace || additional || removed);
}
