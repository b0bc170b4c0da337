/**
 * Comparing, showing and editing field values however Zendesk encodes them (`"745"`/`745`, `[]`/`null`, tag order),
 * and dropdown options (the agent picks a name, Zendesk stores its tag). Pure; never throws.
 */
import type { FieldDraftValue, FieldOption, TicketFieldDef } from "./customFieldsTypes";

/** The option meant by `input`: exact name, exact tag, then the one case-insensitive name or tag; else `null`. */
export function resolveOption(field: TicketFieldDef, input: string): FieldOption | null {
	const wanted = input.trim();
	if (wanted === "") return null;
	const exact =
		field.options.find(option => option.name === wanted) ?? field.options.find(option => option.value === wanted);
	if (exact) return exact;
	const lower = wanted.toLowerCase();
	const loose = field.options.filter(
		option => option.name.trim().toLowerCase() === lower || option.value.toLowerCase() === lower,
	);
	return loose.length === 1 ? (loose[0] ?? null) : null;
}

/** A comparison key: `null` for every empty (`null`, blanks, `[]`, `false`), canonical numbers, sorted tags. */
function valueKey(value: unknown, type?: string): string | null {
	if (value === null || value === undefined || value === false) return null;
	if (value === true) return "true";
	if (Array.isArray(value)) {
		const items = [...new Set(value.filter(item => item !== null && item !== undefined).map(String))]
			.filter(item => item.trim() !== "")
			.sort();
		return items.length === 0 ? null : JSON.stringify(items);
	}
	if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
	if (typeof value !== "string") return JSON.stringify(value) ?? null;
	if (value.trim() === "") return null;
	if (type === "integer" || type === "decimal" || type === "lookup") {
		const number = Number(value.trim());
		if (Number.isFinite(number)) return String(number);
	}
	if (type === "checkbox") return value === "true" ? "true" : value === "false" ? null : value;
	if (type === "textarea") return value.replace(/\s+$/, "");
	return type === undefined ? value : value.trim();
}

/** True when two values mean the same to Zendesk (see `valueKey`). */
export function sameFieldValue(a: unknown, b: unknown, type?: string): boolean {
	return valueKey(a, type) === valueKey(b, type);
}

/** True for every kind of empty value (`null`, `""`, `[]`, unchecked). */
export function isEmptyValue(value: unknown, type?: string): boolean {
	return valueKey(value, type) === null;
}

/** What an input shows for a ticket value: text, a boolean for checkboxes, a tag or `null`, or tags. */
export function toDraftValue(field: TicketFieldDef, value: unknown): FieldDraftValue {
	switch (field.type) {
		case "checkbox":
			return value === true || value === "true";
		case "tagger":
			return typeof value === "string" && value !== "" ? value : null;
		case "multiselect":
			if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
			return typeof value === "string" && value !== "" ? [value] : [];
		default:
			if (typeof value === "string") return value;
			if (typeof value === "number" && Number.isFinite(value)) return String(value);
			return "";
	}
}

/** A value for notices and the history: option names for tags, "" for empty, `"true"`/`"false"` to translate. */
export function displayValue(field: TicketFieldDef | undefined, value: unknown): string {
	if (value === null || value === undefined) return "";
	if (Array.isArray(value))
		return value
			.map(item => displayValue(field, item))
			.filter(Boolean)
			.join(", ");
	if (typeof value === "boolean" || typeof value === "number") return String(value);
	if (typeof value !== "string") return "";
	if (field?.type !== "tagger" && field?.type !== "multiselect") return value;
	// A tag Zendesk no longer offers shows as itself.
	return field.options.find(option => option.value === value)?.name ?? value;
}
