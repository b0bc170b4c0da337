/** Unsaved field edits: per field the value typed and the ticket value it was based on (three-way checks). Pure; JSON-safe. */
import type { Issue } from "../../../shared/issues";
import { displayValue, sameFieldValue } from "../../../shared/customFieldsValues";
import { coerceFieldValue, validateFieldValue, type CoerceOptions } from "../../../shared/fieldCoercion";
import { isRecord } from "../../../shared/isRecord";
import {
	fieldKey,
	type CustomFieldValue,
	type FieldDraftValue,
	type FieldId,
	type FieldValue,
	type TicketFieldDef,
} from "../../../shared/customFieldsTypes";

/** One draft: typed value, base, and `theirs`: another agent's value shown as a conflict (saving over it is informed). */
interface FieldDraft {
	value: FieldDraftValue;
	base: FieldValue;
	theirs?: FieldValue;
	/** The browser could not read the input (a date picker with 30 February answers `""`); never saved. */
	unreadable?: true;
}

/** Drafts by field id (as a string key, so the object survives JSON). */
export type FieldDrafts = Readonly<Record<string, FieldDraft>>;

/** Someone else changed a field the agent is editing: their value is now on the ticket. */
export interface FieldConflict {
	fieldId: FieldId;
	theirs: FieldValue;
}

/** The drafts as a Map for `planFieldsSave`, in insertion order. */
export function draftValues(drafts: FieldDrafts): Map<FieldId, FieldDraftValue> {
	return new Map(Object.entries(drafts).map(([id, draft]) => [Number(id), draft.value]));
}

/** The current value of a field on a ticket (`null` when absent). */
export function currentValue(values: readonly CustomFieldValue[], id: FieldId): FieldValue {
	return values.find(entry => entry.id === id)?.value ?? null;
}

/** Records an edit, keeping the base of an earlier draft (else `current`); a readable edit clears `unreadable`. */
export function withDraft(
	drafts: FieldDrafts,
	id: FieldId,
	value: FieldDraftValue,
	current: FieldValue,
	unreadable = false,
): FieldDrafts {
	const previous = drafts[String(id)];
	const next: FieldDraft = { value, base: previous ? previous.base : current };
	if (previous && "theirs" in previous) next.theirs = previous.theirs;
	if (unreadable) next.unreadable = true;
	return { ...drafts, [String(id)]: next };
}

/** The problems of the `touched` fields' drafts: `fields.issues.dateUnreadable`, or the coercion's. */
export function draftIssues(
	drafts: FieldDrafts,
	fields: readonly TicketFieldDef[],
	touched: ReadonlySet<string>,
	options: CoerceOptions = {},
): Issue[] {
	return Object.entries(drafts).flatMap(([key, draft]) => {
		const field = fields.find(candidate => String(candidate.id) === key);
		if (!field || !touched.has(key)) return [];
		if (draft.unreadable) return [{ field: fieldKey(field.id), code: "fields.issues.dateUnreadable" }];
		return validateFieldValue(field, draft.value, options);
	});
}

/** The fields whose input the browser could not read; their drafts block a save. */
export function unreadableDraftIds(drafts: FieldDrafts): FieldId[] {
	return Object.entries(drafts)
		.filter(([, draft]) => draft.unreadable === true)
		.map(([id]) => Number(id));
}

/** Drops the drafts of `ids`. */
export function withoutDrafts(drafts: FieldDrafts, ids: readonly FieldId[]): FieldDrafts {
	const drop = new Set(ids.map(String));
	return Object.fromEntries(Object.entries(drafts).filter(([id]) => !drop.has(id)));
}

/** Moves the base of `ids` to the ticket's values (after the agent has been told about a conflict or a drop). */
export function rebaseDrafts(
	drafts: FieldDrafts,
	ids: readonly FieldId[],
	values: readonly CustomFieldValue[],
): FieldDrafts {
	const move = new Set(ids.map(String));
	return Object.fromEntries(
		Object.entries(drafts).map(([id, draft]) =>
			move.has(id) ? [id, { ...draft, base: currentValue(values, Number(id)) }] : [id, draft],
		),
	);
}

/** Records that the agent has been shown these conflicts (kept in the draft, so it outlives a reload). */
export function markConflicts(drafts: FieldDrafts, conflicts: readonly FieldConflict[]): FieldDrafts {
	const next = { ...drafts };
	for (const { fieldId, theirs } of conflicts) {
		const draft = next[String(fieldId)];
		if (draft) next[String(fieldId)] = { ...draft, theirs };
	}
	return next;
}

/** The conflicts the agent has been shown that still stand (the ticket still has their value). */
export function shownConflicts(drafts: FieldDrafts, values: readonly CustomFieldValue[]): FieldConflict[] {
	return Object.entries(drafts).flatMap(([key, draft]) => {
		const theirs = currentValue(values, Number(key));
		if (draft.theirs === undefined || !sameFieldValue(theirs, draft.theirs)) return [];
		return sameFieldValue(theirs, draft.base) ? [] : [{ fieldId: Number(key), theirs }];
	});
}

/**
 * Fields someone else changed since the draft began (value ≠ base) to a value other than the agent's, unless the agent
 * was shown exactly that value (`theirs`). A draft that cannot be coerced is compared as typed.
 */
export function findConflicts(
	drafts: FieldDrafts,
	values: readonly CustomFieldValue[],
	fields: readonly TicketFieldDef[],
	options: CoerceOptions = {},
): FieldConflict[] {
	const conflicts: FieldConflict[] = [];
	for (const [key, draft] of Object.entries(drafts)) {
		const id = Number(key);
		const field = fields.find(candidate => candidate.id === id);
		const theirs = currentValue(values, id);
		if (sameFieldValue(theirs, draft.base, field?.type)) continue;
		if (draft.theirs !== undefined && sameFieldValue(theirs, draft.theirs, field?.type)) continue;
		const mine = field ? coerceFieldValue(field, draft.value, options) : null;
		const mineValue = mine && mine.ok ? mine.value : draft.value;
		if (!sameFieldValue(theirs, mineValue, field?.type)) conflicts.push({ fieldId: id, theirs });
	}
	return conflicts;
}

/** One `fields.notices.conflict` ({{theirs}}) per conflict, values rendered with option names. */
export function conflictNotices(conflicts: readonly FieldConflict[], fields: readonly TicketFieldDef[]): Issue[] {
	return conflicts.map(({ fieldId, theirs }) => ({
		field: fieldKey(fieldId),
		code: "fields.notices.conflict",
		vars: {
			theirs: displayValue(
				fields.find(field => field.id === fieldId),
				theirs,
			),
		},
	}));
}

/** True for a stored value that is a `FieldDrafts` object (used when restoring from storage). */
export function isFieldDrafts(value: unknown): value is FieldDrafts {
	if (!isRecord(value)) return false;
	return Object.entries(value).every(
		([id, draft]) =>
			/^\d+$/.test(id) &&
			isRecord(draft) &&
			"value" in draft &&
			isDraftValue(draft.value) &&
			"base" in draft &&
			(!("theirs" in draft) || isStoredValue(draft.theirs)) &&
			(!("unreadable" in draft) || draft.unreadable === true),
	);
}

function isDraftValue(value: unknown): value is FieldDraftValue {
	return (
		value === null ||
		typeof value === "string" ||
		typeof value === "boolean" ||
		(Array.isArray(value) && value.every(item => typeof item === "string"))
	);
}

function isStoredValue(value: unknown): boolean {
	return isDraftValue(value) || typeof value === "number";
}
