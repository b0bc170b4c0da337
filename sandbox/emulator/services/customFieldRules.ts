/**
 * Custom field rules: per-type validation and storage, tag mirroring, and required-on-solve.
 * Sources: zendesk-ticket-api.md §7.1 [V REF-FIELDS unless marked]. Knows no HTTP.
 */
import { findField, findOrganization, findUser, type Db } from "../db/db";
import type { FieldValue, TicketFieldRecord, TicketRecord } from "../db/records";
import { isObject, type Issue } from "./serviceTypes";

/** Types that hold ticket values; the system fields (subject, status, ...) are set through their own keys. */
export const CUSTOM_FIELD_TYPES = [
	"text",
	"textarea",
	"integer",
	"decimal",
	"date",
	"checkbox",
	"regexp",
	"tagger",
	"multiselect",
	"lookup",
	"partialcreditcard",
] as const;

/** Zendesk's `ticket_field_type` name for a field type, e.g. `date` → `FieldDate` (zenpy#425 [F]). */
export function fieldTypeName(type: string): string {
	const names: Record<string, string> = {
		partialcreditcard: "FieldPartialCreditCard",
		multiselect: "FieldMultiselect",
	};
	return names[type] ?? `Field${type.charAt(0).toUpperCase()}${type.slice(1)}`;
}

/** True when the field carries a per-ticket custom value. */
export function isCustomField(field: TicketFieldRecord): boolean {
	return (CUSTOM_FIELD_TYPES as readonly string[]).includes(field.type);
}

/** Reads `custom_fields` (or `fields`) in either the array form or the `{"<id>": value}` map form (php#314 [F]). */
export function readFieldEntries(raw: unknown): Array<{ id: number; value: unknown }> {
	if (Array.isArray(raw)) {
		return raw.flatMap(item =>
			isObject(item) && Number.isFinite(Number(item.id)) ? [{ id: Number(item.id), value: item.value }] : [],
		);
	}
	if (isObject(raw))
		return Object.entries(raw).flatMap(([id, value]) =>
			Number.isFinite(Number(id)) ? [{ id: Number(id), value }] : [],
		);
	return [];
}

function invalidValue(field: TicketFieldRecord): Issue {
	return {
		field: "base",
		description: `${field.title} is not valid`,
		error: "InvalidValue",
		extra: { ticket_field_id: field.id, ticket_field_type: fieldTypeName(field.type) },
	};
}

const optionTags = (field: TicketFieldRecord): string[] => (field.custom_field_options ?? []).map(o => o.value);
const isBlank = (value: unknown): boolean => value === null || value === undefined || value === "";

/** Parses one written value for a field: `{value}` to store, `{issue}`, or `{ignore}` (Zendesk silently drops it). */
export function parseFieldValue(
	db: Db,
	field: TicketFieldRecord,
	value: unknown,
): { value: FieldValue } | { issue: Issue } | { ignore: true } {
	switch (field.type) {
		case "text":
		case "textarea":
			if (isBlank(value)) return { value: null };
			return typeof value === "string" || typeof value === "number"
				? { value: String(value) }
				: { issue: invalidValue(field) };
		case "integer": {
			if (isBlank(value)) return { value: null };
			const text = String(value).trim();
			// Read back as a string, like the docs' `"745"` example (§7.1 [U exact encoding]).
			return (typeof value === "number" || typeof value === "string") && /^[+-]?\d+$/.test(text)
				? { value: String(Number(text)) }
				: { issue: invalidValue(field) };
		}
		case "decimal": {
			if (isBlank(value)) return { value: null };
			const text = String(value).trim();
			return (typeof value === "number" || typeof value === "string") && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)
				? { value: text }
				: { issue: invalidValue(field) };
		}
		case "date": {
			if (isBlank(value)) return { value: null };
			// Only `YYYY-MM-DD`; a full datetime is refused with FieldDate (zenpy#425 [F]).
			if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { issue: invalidValue(field) };
			const parsed = new Date(`${value}T00:00:00Z`);
			return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
				? { value }
				: { issue: invalidValue(field) };
		}
		case "checkbox":
			if (value === null || value === undefined) return { value: false };
			if (typeof value === "boolean") return { value };
			if (value === "true" || value === "1" || value === 1) return { value: true };
			if (value === "false" || value === "0" || value === 0 || value === "") return { value: false };
			return { issue: invalidValue(field) };
		case "regexp": {
			if (isBlank(value)) return { value: null };
			if (typeof value !== "string") return { issue: invalidValue(field) };
			const pattern = field.regexp_for_validation;
			return pattern && !new RegExp(pattern).test(value) ? { issue: invalidValue(field) } : { value };
		}
		case "tagger":
			if (isBlank(value)) return { value: null };
			// An unknown tag is silently dropped: 200, field unchanged (node-zendesk#132, zenpy#420 [F]).
			return typeof value === "string" && optionTags(field).includes(value) ? { value } : { ignore: true };
		case "multiselect": {
			if (isBlank(value)) return { value: null };
			const tags = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : undefined;
			if (!tags) return { issue: invalidValue(field) };
			const known = optionTags(field);
			// Unknown tags are dropped one by one (sandbox decision, by analogy with tagger).
			const kept = [...new Set(tags.map(t => String(t).trim()).filter(t => known.includes(t)))];
			return { value: kept.length === 0 ? null : kept };
		}
		case "lookup": {
			if (isBlank(value)) return { value: null };
			const id = Number(value);
			if (!Number.isInteger(id)) return { issue: invalidValue(field) };
			// The record must exist (users [V §7.1]; organizations by analogy [U]); tickets and custom objects are not checked.
			if (field.relationship_target_type === "zen:user" && !findUser(db, id)) return { issue: invalidValue(field) };
			if (field.relationship_target_type === "zen:organization" && !findOrganization(db, id))
				return { issue: invalidValue(field) };
			return { value: id };
		}
		case "partialcreditcard": {
			if (isBlank(value)) return { value: null };
			const digits = String(value).replace(/[\s-]/g, "");
			if (!/^\d{12,19}$/.test(digits)) return { issue: invalidValue(field) };
			// "Only the last 4 digits are retained" [V].
			return { value: `${"X".repeat(digits.length - 4)}${digits.slice(-4)}` };
		}
		default:
			return { ignore: true };
	}
}

/** The tags a field value puts on a ticket (checkbox tag, option tags). */
export function tagsOfValue(field: TicketFieldRecord, value: FieldValue | undefined): string[] {
	if (field.type === "checkbox") return value === true && field.tag ? [field.tag] : [];
	if (field.type === "tagger") return typeof value === "string" ? [value] : [];
	if (field.type === "multiselect") return Array.isArray(value) ? value : [];
	return [];
}

/**
 * Writes `custom_fields` entries onto the ticket and mirrors tag-backed values into `tags`
 * ("Any tags defined with the custom field replace existing tags", OLD-DOCS [V]). Unknown,
 * inactive and system field ids are ignored (§7.1 emulator choice). Returns the issues found.
 */
export function applyCustomFields(
	db: Db,
	ticket: TicketRecord,
	entries: Array<{ id: number; value: unknown }>,
): Issue[] {
	const issues: Issue[] = [];
	for (const entry of entries) {
		const field = findField(db, entry.id);
		if (!field || !field.active || !isCustomField(field)) continue;
		const parsed = parseFieldValue(db, field, entry.value);
		if ("issue" in parsed) {
			issues.push(parsed.issue);
			continue;
		}
		if ("ignore" in parsed) continue;
		const key = String(field.id);
		const oldTags = tagsOfValue(field, ticket.field_values[key]);
		ticket.field_values[key] = parsed.value;
		const newTags = tagsOfValue(field, parsed.value);
		ticket.tags = [
			...ticket.tags.filter(t => !oldTags.includes(t) || newTags.includes(t)),
			...newTags.filter(t => !ticket.tags.includes(t)),
		];
	}
	return issues;
}

/** After a `tags` write, re-reads tag-backed fields from the tags ("Writing tags can change those fields" §7.1 [V]). */
export function deriveFieldsFromTags(db: Db, ticket: TicketRecord): void {
	for (const field of db.ticketFields) {
		if (!field.active) continue;
		const key = String(field.id);
		if (field.type === "checkbox" && field.tag) ticket.field_values[key] = ticket.tags.includes(field.tag);
		if (field.type === "tagger") {
			const current = ticket.field_values[key];
			if (typeof current === "string" && ticket.tags.includes(current)) continue;
			ticket.field_values[key] = optionTags(field).find(tag => ticket.tags.includes(tag)) ?? null;
		}
		if (field.type === "multiselect") {
			const kept = optionTags(field).filter(tag => ticket.tags.includes(tag));
			ticket.field_values[key] = kept.length === 0 ? null : kept;
		}
	}
}

/** A field counts as empty when null, blank, an empty list, or an unchecked checkbox. */
export function isEmptyFieldValue(value: FieldValue | undefined): boolean {
	return (
		value === undefined ||
		value === null ||
		value === "" ||
		value === false ||
		(Array.isArray(value) && value.length === 0)
	);
}

/**
 * Required-on-solve: every active field with `required: true` (limited to the ticket form's fields
 * when the ticket has a form) must have a value before `solved`, and (sandbox decision) `closed`.
 * Body shape from zenpy#114 [F]: `details.base[{ticket_field_type, ticket_field_id, description, error:null}]`.
 */
export function requiredOnSolveIssues(db: Db, ticket: TicketRecord): Issue[] {
	const form = ticket.ticket_form_id === null ? undefined : db.ticketForms.find(f => f.id === ticket.ticket_form_id);
	return db.ticketFields
		.filter(f => f.active && f.required && isCustomField(f) && (!form || form.ticket_field_ids.includes(f.id)))
		.filter(f => isEmptyFieldValue(ticket.field_values[String(f.id)]))
		.map(f => ({
			field: "base",
			description: `${f.title}: is required when solving a ticket`,
			error: null,
			extra: { ticket_field_type: fieldTypeName(f.type), ticket_field_id: f.id },
		}));
}

/** The `custom_fields` array as Zendesk returns it: every active custom field, value or null (checkbox: false). */
export function customFieldsOut(db: Db, ticket: TicketRecord): Array<{ id: number; value: FieldValue }> {
	return db.ticketFields
		.filter(f => f.active && isCustomField(f))
		.map(f => {
			const value = ticket.field_values[String(f.id)];
			return { id: f.id, value: value === undefined ? (f.type === "checkbox" ? false : null) : value };
		});
}
