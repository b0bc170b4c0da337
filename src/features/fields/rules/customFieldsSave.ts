/**
 * Plans one custom-field save from the agent's drafts: coerce every draft, keep only the values
 * that differ from the ticket, and collect what blocks the save. The result's `customFields` is
 * exactly the `custom_fields: [{id, value}]` of the single update. Pure.
 */
import type { Issue } from "../../../shared/issues";
import { fieldAccess } from "../../../shared/customFieldsAccess";
import { sameFieldValue } from "../../../shared/customFieldsValues";
import { coerceFieldValue, type CoerceOptions } from "../../../shared/fieldCoercion";
import {
	fieldKey,
	type CustomFieldValue,
	type FieldDraftValue,
	type FieldId,
	type TicketFieldDef,
} from "../../../shared/customFieldsTypes";

/** What a save starts from. */
export interface FieldsSaveInput {
	fields: readonly TicketFieldDef[];
	/** The ticket's `custom_fields` as last read. */
	current: readonly CustomFieldValue[];
	/** The agent's edits by field id (only touched fields). */
	drafts: ReadonlyMap<FieldId, FieldDraftValue>;
	/** Drafted fields whose input the browser could not read (e.g. 30 February in a date picker): they block the save. */
	unreadable?: readonly FieldId[];
	options?: CoerceOptions;
}

/** The planned update: send `customFields` only when `issues` is empty. */
export interface FieldsSavePlan {
	/** Changed values, in draft order. Empty when nothing really changed. */
	customFields: CustomFieldValue[];
	/** Problems that block the save, one or more per field (`field.<id>`). */
	issues: Issue[];
	/** Non-blocking remarks (a pattern that cannot be checked here; a draft for a field that is gone). */
	notices: Issue[];
	/** Drafts left out because their field is unknown, hidden or read-only now; the model may discard them after saving. */
	skipped: FieldId[];
}

/**
 * Coerces each draft and diffs it against `current`. A draft equal to the current value is not
 * sent (Zendesk would store nothing). Never throws; does not check required-on-solve.
 */
export function planFieldsSave({ fields, current, drafts, unreadable = [], options }: FieldsSaveInput): FieldsSavePlan {
	const plan: FieldsSavePlan = { customFields: [], issues: [], notices: [], skipped: [] };
	for (const [id, draft] of drafts) {
		const field = fields.find(candidate => candidate.id === id);
		if (!field || fieldAccess(field).mode !== "edit") {
			plan.skipped.push(id);
			const title = field?.title ?? `#${id}`;
			plan.notices.push({ field: "fields", code: "fields.notices.draftNotSaved", vars: { title } });
			continue;
		}
		if (unreadable.includes(id)) {
			// The input's value is "" then, which would clear the field: never send it.
			plan.issues.push({ field: fieldKey(id), code: "fields.issues.dateUnreadable" });
			continue;
		}
		const result = coerceFieldValue(field, draft, options);
		if (!result.ok) {
			plan.issues.push(...result.issues);
			continue;
		}
		plan.notices.push(...result.notices);
		const now = current.find(entry => entry.id === id)?.value ?? null;
		if (!sameFieldValue(result.value, now, field.type)) plan.customFields.push({ id, value: result.value });
	}
	return plan;
}

/**
 * The drafted fields a save does not need to send: the value the agent typed is already the
 * ticket's (nothing to change), with no problem to show and not skipped. Their drafts can go.
 */
export function unchangedDraftIds(input: FieldsSaveInput): FieldId[] {
	const plan = planFieldsSave(input);
	return [...input.drafts.keys()].filter(
		id =>
			!plan.customFields.some(entry => entry.id === id) &&
			!plan.issues.some(issue => issue.field === `field.${id}`) &&
			!plan.skipped.includes(id),
	);
}

/** A planned value as the update body carries it (Zendesk's mutable array type). */
export function toWireValue(entry: CustomFieldValue): {
	id: FieldId;
	value: string | number | boolean | string[] | null;
} {
	return {
		id: entry.id,
		value: Array.isArray(entry.value) ? [...entry.value] : (entry.value as string | number | boolean | null),
	};
}
