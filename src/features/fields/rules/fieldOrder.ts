/** Which custom fields the sidebar shows, in which order (zendesk-ticket-api.md §7.2), and which solving needs. */
import { fieldAccess, type ReadOnlyReason } from "../../../shared/customFieldsAccess";
import { sameFieldValue } from "../../../shared/customFieldsValues";
import type { FieldId, FieldValue, TicketFieldDef, TicketFormDef } from "../../../shared/customFieldsTypes";

/** A field the sidebar shows: editable, or why not; and whether Zendesk refuses to solve while it is empty. */
export interface ShownField {
	field: TicketFieldDef;
	editable: boolean;
	readOnlyReason: ReadOnlyReason | null;
	requiredOnSolve: boolean;
}

/** The ticket's values by field id (current or, for conditions, what the agent is about to save). */
export type FieldValues = ReadonlyMap<FieldId, FieldValue>;

/** The ticket's form (even when inactive), else the default form when it has none; `null` when nothing fits. */
export function formForTicket(forms: readonly TicketFormDef[], ticketFormId: FieldId | null): TicketFormDef | null {
	if (ticketFormId !== null) return forms.find(form => form.id === ticketFormId) ?? null;
	return forms.find(form => form.isDefault) ?? null;
}

/**
 * The fields to show: the form's `ticketFieldIds` (no unknown ids, duplicates, or children of unmet agent conditions),
 * else every field by position, then id; system, inactive and agent-locked fields left out.
 */
export function orderTicketFields(
	fields: readonly TicketFieldDef[],
	form: TicketFormDef | null,
	values: FieldValues = new Map(),
): ShownField[] {
	const byId = new Map(fields.map(field => [field.id, field]));
	const ordered: TicketFieldDef[] = [];
	if (form && form.ticketFieldIds.length > 0) {
		const seen = new Set<FieldId>();
		for (const id of form.ticketFieldIds) {
			const field = byId.get(id);
			if (!field || seen.has(id)) continue;
			seen.add(id);
			if (visibleByConditions(id, form, values)) ordered.push(field);
		}
	} else {
		ordered.push(...[...fields].sort((a, b) => a.position - b.position || a.id - b.id));
	}
	const shown: ShownField[] = [];
	for (const field of ordered) {
		const access = fieldAccess(field);
		if (access.mode === "hidden") continue;
		shown.push({
			field,
			editable: access.mode === "edit",
			readOnlyReason: access.mode === "readOnly" ? access.reason : null,
			requiredOnSolve: requiredOnSolve(field, form, values),
		});
	}
	return shown;
}

/** True when solving needs a value in `field`: its `required`, or a met condition requiring it on `solved` or `"all"`. */
export function requiredOnSolve(
	field: TicketFieldDef,
	form: TicketFormDef | null,
	values: FieldValues = new Map(),
): boolean {
	if (field.required) return true;
	if (!form) return false;
	return form.agentConditions.some(condition => {
		if (!sameFieldValue(values.get(condition.parentFieldId) ?? null, condition.value)) return false;
		return condition.childFields.some(child => {
			if (child.id !== field.id || !child.isRequired) return false;
			const on = child.requiredOnStatuses;
			return on === "all" || (Array.isArray(on) && on.includes("solved"));
		});
	});
}

/** False for a child of an agent condition none of whose conditions hold; true for every other field. */
function visibleByConditions(id: FieldId, form: TicketFormDef, values: FieldValues): boolean {
	const conditions = form.agentConditions.filter(condition => condition.childFields.some(child => child.id === id));
	if (conditions.length === 0) return true;
	return conditions.some(condition => sameFieldValue(values.get(condition.parentFieldId) ?? null, condition.value));
}
