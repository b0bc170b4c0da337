/**
 * One fields save planned from the drafts (coerced, unchanged left out, blockers collected), checked against the saved
 * ticket: Zendesk drops an unknown dropdown tag silently (200, field unchanged; zendesk-ticket-api.md §7.1). Pure.
 */
import type { Issue } from "../../../shared/issues";
import { fieldAccess } from "../../../shared/customFieldsAccess";
import { displayValue, sameFieldValue } from "../../../shared/customFieldsValues";
import { coerceFieldValue, type CoerceOptions } from "../../../shared/fieldCoercion";
import {
	fieldKey,
	type CustomFieldValue,
	type FieldDraftValue,
	type FieldId,
	type FieldValue,
	type TicketFieldDef,
} from "../../../shared/customFieldsTypes";
import type { CustomFieldValue as WireValue } from "../../../shared/ticketTypes";
import { currentValue } from "./customFieldsDrafts";

/** What a save starts from. */
export interface FieldsSaveInput {
	fields: readonly TicketFieldDef[];
	current: readonly CustomFieldValue[];
	drafts: ReadonlyMap<FieldId, FieldDraftValue>;
	/** Drafts the browser could not read (30 February in a date picker): they block the save. */
	unreadable?: readonly FieldId[];
	options?: CoerceOptions;
}

/** The planned update: send `customFields` (changed values, in draft order) only when `issues` is empty. */
interface FieldsSavePlan {
	customFields: CustomFieldValue[];
	issues: Issue[];
	/** Non-blocking: a pattern that cannot be checked here; a draft whose field is gone. */
	notices: Issue[];
	/** Drafts left out because their field is unknown, hidden or read-only now. */
	skipped: FieldId[];
}

/** Coerces each draft and diffs it against `current` (an unchanged value is not sent). Never throws. */
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
		const now = currentValue(current, id);
		if (!sameFieldValue(result.value, now, field.type)) plan.customFields.push({ id, value: result.value });
	}
	return plan;
}

/** The drafted fields already holding the agent's value, with no problem and not skipped: their drafts can go. */
export function unchangedDraftIds(input: FieldsSaveInput): FieldId[] {
	const plan = planFieldsSave(input);
	return [...input.drafts.keys()].filter(
		id =>
			!plan.customFields.some(entry => entry.id === id) &&
			!plan.issues.some(issue => issue.field === fieldKey(id)) &&
			!plan.skipped.includes(id),
	);
}

/** A planned value as the update body carries it (Zendesk's mutable array type). */
export function toWireValue(entry: CustomFieldValue): { id: FieldId; value: WireValue } {
	return { id: entry.id, value: Array.isArray(entry.value) ? [...entry.value] : (entry.value as WireValue) };
}

/** `saved`: the ticket holds what was sent. `dropped`: it still holds the old value. `changed`: something else. */
export type ReadBackStatus = "saved" | "dropped" | "changed";

/** The read-back of one sent field (`actual` is `null` when the ticket no longer lists it). */
interface ReadBackResult {
	fieldId: FieldId;
	status: ReadBackStatus;
	sent: FieldValue;
	actual: FieldValue;
}

/** Classifies every sent value against the ticket after the save and before it, as Zendesk compares values. */
export function compareReadBack(
	sent: readonly CustomFieldValue[],
	before: readonly CustomFieldValue[],
	after: readonly CustomFieldValue[],
	fields: readonly TicketFieldDef[],
): ReadBackResult[] {
	return sent.map(({ id, value }) => {
		const type = fields.find(field => field.id === id)?.type;
		const actual = currentValue(after, id);
		if (sameFieldValue(value, actual, type)) return { fieldId: id, status: "saved", sent: value, actual };
		const status = sameFieldValue(actual, currentValue(before, id), type) ? "dropped" : "changed";
		return { fieldId: id, status, sent: value, actual };
	});
}

/** One `fields.notices.dropped` ({{sent}}) or `.changed` ({{sent}}, {{actual}}) per value not kept as sent. */
export function readBackNotices(results: readonly ReadBackResult[], fields: readonly TicketFieldDef[]): Issue[] {
	return results
		.filter(result => result.status !== "saved")
		.map((result): Issue => {
			const field = fields.find(candidate => candidate.id === result.fieldId);
			const sent = displayValue(field, result.sent);
			if (result.status === "dropped") {
				return { field: fieldKey(result.fieldId), code: "fields.notices.dropped", vars: { sent } };
			}
			const actual = displayValue(field, result.actual);
			return { field: fieldKey(result.fieldId), code: "fields.notices.changed", vars: { sent, actual } };
		});
}
