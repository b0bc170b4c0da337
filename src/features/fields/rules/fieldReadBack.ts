/**
 * After a save, compares what the app sent with what the ticket now holds, per field, so the
 * agent is never told a value was saved when Zendesk dropped it (an unknown dropdown tag is
 * silently ignored: 200, field unchanged; zendesk-ticket-api.md §7.1) or changed it.
 */
import type { Issue } from "../../../shared/issues";
import { displayValue, sameFieldValue } from "../../../shared/customFieldsValues";
import {
	fieldKey,
	type CustomFieldValue,
	type FieldId,
	type FieldValue,
	type TicketFieldDef,
} from "../../../shared/customFieldsTypes";

/** `saved`: the ticket holds what was sent. `dropped`: it still holds the old value. `changed`: it holds something else. */
export type ReadBackStatus = "saved" | "dropped" | "changed";

/** The outcome for one sent field. */
export interface ReadBackResult {
	fieldId: FieldId;
	status: ReadBackStatus;
	sent: FieldValue;
	/** What the ticket holds now (`null` when the ticket no longer lists the field). */
	actual: FieldValue;
}

/**
 * Classifies every sent value against the ticket after the save (`after`) and before it
 * (`before`). Compares the way Zendesk stores values (`"745"` = `745`, tag order ignored); does
 * not look at fields that were not sent.
 */
export function compareReadBack(
	sent: readonly CustomFieldValue[],
	before: readonly CustomFieldValue[],
	after: readonly CustomFieldValue[],
	fields: readonly TicketFieldDef[],
): ReadBackResult[] {
	return sent.map(({ id, value }) => {
		const type = fields.find(field => field.id === id)?.type;
		const actual = valueOf(after, id);
		if (sameFieldValue(value, actual, type)) return { fieldId: id, status: "saved", sent: value, actual };
		const status = sameFieldValue(actual, valueOf(before, id), type) ? "dropped" : "changed";
		return { fieldId: id, status, sent: value, actual };
	});
}

/**
 * One notice per field Zendesk did not keep as sent: `fields.notices.dropped` ({{sent}}) or
 * `fields.notices.changed` ({{sent}}, {{actual}}), values rendered with option names.
 */
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

function valueOf(values: readonly CustomFieldValue[], id: FieldId): FieldValue {
	return values.find(entry => entry.id === id)?.value ?? null;
}
