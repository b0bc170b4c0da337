/**
 * The boundary between Zendesk's JSON and the app: readers that turn `unknown` into `types.ts`, or `null`
 * when the shape is not what the endpoint promises. With `normalizeActivity.ts` the only place that
 * converts snake_case to camelCase. Never throws; never trusts a value.
 */
import { isRecord } from "../../shared/isRecord";
import type { FieldOption } from "../../shared/customFieldsTypes";
import {
	isId,
	type CustomFieldValue,
	type TicketPriority,
	type TicketStatus,
	type TicketType,
	type UserRole,
} from "../../shared/ticketTypes";
import type { FormCondition, Id } from "./types";

const STATUSES: readonly TicketStatus[] = ["new", "open", "pending", "hold", "solved", "closed"];
const PRIORITIES: readonly TicketPriority[] = ["urgent", "high", "normal", "low"];
const TYPES: readonly TicketType[] = ["problem", "incident", "question", "task"];
const ROLES: readonly UserRole[] = ["end-user", "agent", "admin"];

// The readers below take `unknown` and return the typed value, or null (or the fallback).
export const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
	typeof v === "string" && (list as readonly string[]).includes(v) ? (v as T) : null;
export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
export const id = (v: unknown): Id | null => (isId(v) ? v : null);
export const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
export const ids = (v: unknown): Id[] => (Array.isArray(v) ? v.filter(isId) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
export const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** Maps each item with `fn`, dropping items that do not match. `null` when `raw` is not an array. */
export function normalizeList<T>(raw: unknown, fn: (item: unknown) => T | null): T[] | null {
	if (!Array.isArray(raw)) return null;
	return raw.map(fn).filter((x): x is T => x !== null);
}

/** A custom field value: string, number, boolean, string[] or null; anything else is not a value. */
function isCustomFieldValue(v: unknown): v is CustomFieldValue {
	return (
		v === null ||
		typeof v === "string" ||
		typeof v === "boolean" ||
		(typeof v === "number" && Number.isFinite(v)) ||
		(Array.isArray(v) && v.every(s => typeof s === "string"))
	);
}

/** An http(s) URL, or null (rejects `javascript:` and anything else we would not link to). */
export function safeUrl(raw: unknown): string | null {
	return typeof raw === "string" && /^https?:\/\//i.test(raw) ? raw : null;
}

/** An https URL, or null: for images the sidebar may load (a user's photo), where http would be mixed content. */
export function httpsUrl(raw: unknown): string | null {
	return typeof raw === "string" && /^https:\/\/[^\s/]/i.test(raw) ? raw : null;
}

/** Where a ticket came from; `followUpSourceId` is set for real follow-ups (`source.rel == "follow_up"`, `source.from.ticket_id`). */
export function normalizeVia(raw: unknown) {
	if (!isRecord(raw)) return null;
	const channel = typeof raw.channel === "number" ? String(raw.channel) : str(raw.channel);
	if (channel === null) return null;
	const source = rec(raw.source);
	const rel = str(source.rel);
	return { channel, rel, followUpSourceId: rel === "follow_up" ? id(rec(source.from).ticket_id) : null };
}

/** A ticket, or null without a valid id, status, created_at and updated_at. */
export function normalizeTicket(raw: unknown) {
	if (!isRecord(raw)) return null;
	const ticketId = id(raw.id);
	const status = oneOf(STATUSES, raw.status);
	const createdAt = str(raw.created_at);
	const updatedAt = str(raw.updated_at);
	if (ticketId === null || status === null || createdAt === null || updatedAt === null) return null;
	const fieldsRaw = Array.isArray(raw.custom_fields) ? raw.custom_fields : raw.fields;
	return {
		id: ticketId,
		externalId: str(raw.external_id),
		subject: str(raw.subject) ?? str(raw.raw_subject) ?? "",
		description: str(raw.description) ?? "",
		status,
		customStatusId: id(raw.custom_status_id),
		priority: oneOf(PRIORITIES, raw.priority),
		type: oneOf(TYPES, raw.type),
		requesterId: id(raw.requester_id),
		submitterId: id(raw.submitter_id),
		assigneeId: id(raw.assignee_id),
		groupId: id(raw.group_id),
		organizationId: id(raw.organization_id),
		brandId: id(raw.brand_id),
		ticketFormId: id(raw.ticket_form_id),
		problemId: id(raw.problem_id),
		collaboratorIds: ids(raw.collaborator_ids),
		emailCcIds: ids(raw.email_cc_ids),
		followerIds: ids(raw.follower_ids),
		followupIds: ids(raw.followup_ids),
		tags: strings(raw.tags),
		customFields: (Array.isArray(fieldsRaw) ? fieldsRaw : []).flatMap(f =>
			isRecord(f) && isId(f.id) && isCustomFieldValue(f.value) ? [{ id: f.id, value: f.value }] : [],
		),
		via: normalizeVia(raw.via),
		dueAt: str(raw.due_at),
		isPublic: bool(raw.is_public, true),
		createdAt,
		updatedAt,
	};
}

/** A user, or null without a valid id, name and role. */
export function normalizeUser(raw: unknown) {
	if (!isRecord(raw)) return null;
	const userId = id(raw.id);
	const name = str(raw.name);
	const role = oneOf(ROLES, raw.role);
	if (userId === null || name === null || role === null) return null;
	return {
		id: userId,
		name,
		email: str(raw.email),
		role,
		roleType: num(raw.role_type),
		active: bool(raw.active, true),
		suspended: bool(raw.suspended, false),
		organizationId: id(raw.organization_id),
		locale: str(raw.locale),
		timeZone: str(raw.time_zone),
		// `photo` is null or an attachment (captured gz-user-me); https only, else null.
		photoUrl: httpsUrl(rec(raw.photo).content_url),
	};
}

/** An organization (or a sideloaded group), or null without a valid id and a non-blank name. */
export function normalizeOrganization(raw: unknown) {
	if (!isRecord(raw)) return null;
	const organizationId = id(raw.id);
	const name = str(raw.name);
	if (organizationId === null || name === null || name.trim() === "") return null;
	return { id: organizationId, name };
}

/** A ticket field with its options (custom or system), or null without id, type and title. */
export function normalizeTicketField(raw: unknown) {
	if (!isRecord(raw)) return null;
	const fieldId = id(raw.id);
	const type = str(raw.type);
	const title = str(raw.title) ?? str(raw.raw_title);
	if (fieldId === null || type === null || title === null) return null;
	const custom = normalizeList(raw.custom_field_options, normalizeOption) ?? [];
	const system = normalizeList(raw.system_field_options, normalizeOption) ?? [];
	return {
		id: fieldId,
		type,
		title,
		description: str(raw.description) ?? "",
		agentDescription: str(raw.agent_description) ?? "",
		position: num(raw.position) ?? 0,
		active: bool(raw.active, true),
		required: bool(raw.required, false),
		removable: bool(raw.removable, true),
		agentCanEdit: bool(raw.agent_can_edit, true),
		regexpForValidation: str(raw.regexp_for_validation),
		tag: str(raw.tag),
		options: custom.length > 0 ? custom : system,
		relationshipTargetType: str(raw.relationship_target_type),
	};
}

function normalizeOption(raw: unknown): FieldOption | null {
	if (!isRecord(raw)) return null;
	const name = str(raw.name);
	const value = str(raw.value);
	if (name === null || value === null) return null;
	return { id: id(raw.id), name, value, isDefault: bool(raw.default, false) };
}

/** A ticket form, or null without id and name. */
export function normalizeTicketForm(raw: unknown) {
	if (!isRecord(raw)) return null;
	const formId = id(raw.id);
	const name = str(raw.name);
	if (formId === null || name === null) return null;
	return {
		id: formId,
		name,
		displayName: str(raw.display_name) ?? name,
		active: bool(raw.active, true),
		isDefault: bool(raw.default, false),
		position: num(raw.position) ?? 0,
		ticketFieldIds: ids(raw.ticket_field_ids),
		agentConditions: normalizeList(raw.agent_conditions, normalizeCondition) ?? [],
	};
}

function normalizeCondition(raw: unknown): FormCondition | null {
	if (!isRecord(raw) || !isId(raw.parent_field_id)) return null;
	const value = raw.value;
	if (!(value === null || ["string", "boolean", "number"].includes(typeof value))) return null;
	const childFields = (Array.isArray(raw.child_fields) ? raw.child_fields : []).flatMap(child => {
		if (!isRecord(child) || !isId(child.id)) return [];
		const rule = rec(child.required_on_statuses);
		const requiredOnStatuses =
			rule.type === "ALL_STATUSES"
				? ("all" as const)
				: rule.type === "SOME_STATUSES"
					? strings(rule.statuses)
					: ("none" as const);
		return [{ id: child.id, isRequired: bool(child.is_required, false), requiredOnStatuses }];
	});
	return { parentFieldId: raw.parent_field_id, value: value as FormCondition["value"], childFields };
}

/** A locale, or null without a valid id, a locale code and a non-blank name. */
export function normalizeLocale(raw: unknown) {
	const named = normalizeOrganization(raw);
	const code = str(rec(raw).locale);
	return named === null || code === null ? null : { id: named.id, locale: code, name: named.name };
}

/** The `settings` of `GET /account/settings` (`{tickets: {...}, ...}`), or null when not an object. */
export function normalizeAccountSettings(raw: unknown) {
	if (!isRecord(raw)) return null;
	const t = rec(raw.tickets);
	return {
		collaboration: bool(t.collaboration, false),
		followerAndEmailCcCollaborations: bool(t.follower_and_email_cc_collaborations, false),
		lightAgentEmailCcsAllowed: bool(t.light_agent_email_ccs_allowed, false),
		commentsPublicByDefault: bool(t.comments_public_by_default, true),
		emailAttachments: bool(t.email_attachments, true),
		privateAttachments: bool(t.private_attachments, false),
		tagging: bool(t.tagging, true),
	};
}
