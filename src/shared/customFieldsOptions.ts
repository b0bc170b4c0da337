/**
 * Dropdown and multi-select options: the agent chooses by the option's **name**, Zendesk stores
 * its **tag** (`custom_field_options[].value`). Pure lookups; nothing is sent anywhere.
 */
import type { FieldOption, TicketFieldDef } from "./customFieldsTypes";

/**
 * Finds the option an agent meant by `input`: exact name, then exact tag, then a case-insensitive
 * name or tag (trimmed). Returns `null` when nothing (or more than one option) matches loosely.
 */
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

/** The option whose tag is `tag`, or `null` (e.g. a tag Zendesk no longer offers). */
export function optionByTag(field: TicketFieldDef, tag: string): FieldOption | null {
	return field.options.find(option => option.value === tag) ?? null;
}

/** The option's name for a tag, or the tag itself when the field has no such option. Never throws. */
export function optionLabel(field: TicketFieldDef, tag: string): string {
	return optionByTag(field, tag)?.name ?? tag;
}
