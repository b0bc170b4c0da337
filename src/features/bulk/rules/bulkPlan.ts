/**
 * The agent's bulk intent planned against one ticket as Zendesk has it. Pure. Only deltas are sent
 * (people put/delete items, `additional_tags` / `remove_tags`, single field values), never whole
 * lists, so another agent's change to a list is never overwritten. A closed ticket is skipped
 * (Zendesk refuses any update to it).
 */
import type { CustomFieldValue, FieldId, FieldValue } from "../../../shared/customFieldsTypes";
import { sameFieldValue } from "../../../shared/customFieldsValues";
import type { Id } from "../../../shared/ticketTypes";

/** The agent's change, the same for every selected ticket. Emails are lower-case and valid. */
export interface BulkIntent {
	ccs: { add: readonly string[]; remove: readonly string[] };
	followers: { add: readonly string[]; remove: readonly string[] };
	tags: { add: readonly string[]; remove: readonly string[] };
	/** Coerced values, by field, with the field's type (values are compared the way the type means them). */
	fields: readonly { id: FieldId; value: FieldValue; type?: string }[];
}

/** The parts of a ticket the plan reads. */
export interface BulkTicket {
	id: Id;
	status: string;
	updatedAt: string;
	tags: readonly string[];
	emailCcIds: readonly Id[];
	followerIds: readonly Id[];
	customFields: readonly CustomFieldValue[];
}

/** One update_many item without `id`, `safe_update` and `updated_stamp` (the model adds them). */
export type BulkPatch = {
	email_ccs?: { user_email: string; action: "put" | "delete" }[];
	followers?: { user_email: string; action: "put" | "delete" }[];
	additional_tags?: string[];
	remove_tags?: string[];
	custom_fields?: { id: FieldId; value: string | number | boolean | string[] | null }[];
};

/** What to do with one ticket. */
export type BulkItemPlan =
	| { kind: "send"; patch: BulkPatch }
	| { kind: "noop" }
	| { kind: "skip"; reason: "closed" }
	/** Another agent changed a field the intent sets, to another value, since the first read. */
	| { kind: "ask"; fields: readonly { id: FieldId; theirs: FieldValue }[] };

/** True when the intent changes nothing at all. */
export function isEmptyIntent(intent: BulkIntent): boolean {
	const lists = [intent.ccs, intent.followers, intent.tags];
	return lists.every(list => list.add.length === 0 && list.remove.length === 0) && intent.fields.length === 0;
}

/**
 * Plans `intent` on `ticket`. `emailOf` names its users (a CC or follower already there is not added,
 * one not there is not removed). `base`, after a collision, is the ticket as first read: a field
 * changed since to another value than the agent's makes the plan `ask` instead of overwriting it.
 */
export function planBulkItem(
	ticket: BulkTicket,
	intent: BulkIntent,
	emailOf: (id: Id) => string | null,
	base?: BulkTicket,
): BulkItemPlan {
	if (ticket.status === "closed") return { kind: "skip", reason: "closed" };
	const patch: BulkPatch = {};
	const ccs = peopleItems(ticket.emailCcIds, intent.ccs, emailOf);
	if (ccs.length > 0) patch.email_ccs = ccs;
	const followers = peopleItems(ticket.followerIds, intent.followers, emailOf);
	if (followers.length > 0) patch.followers = followers;
	const add = intent.tags.add.filter(tag => !ticket.tags.includes(tag));
	if (add.length > 0) patch.additional_tags = add;
	const remove = intent.tags.remove.filter(tag => ticket.tags.includes(tag));
	if (remove.length > 0) patch.remove_tags = remove;
	const conflicts: { id: FieldId; theirs: FieldValue }[] = [];
	const fields: { id: FieldId; value: string | number | boolean | string[] | null }[] = [];
	for (const { id, value, type } of intent.fields) {
		const now = valueOf(ticket, id);
		if (sameFieldValue(now, value, type)) continue;
		if (base && !sameFieldValue(now, valueOf(base, id), type)) conflicts.push({ id, theirs: now });
		else fields.push({ id, value: Array.isArray(value) ? [...value] : (value as string | number | boolean | null) });
	}
	if (conflicts.length > 0) return { kind: "ask", fields: conflicts };
	if (fields.length > 0) patch.custom_fields = fields;
	return Object.keys(patch).length === 0 ? { kind: "noop" } : { kind: "send", patch };
}

function peopleItems(
	present: readonly Id[],
	change: { add: readonly string[]; remove: readonly string[] },
	emailOf: (id: Id) => string | null,
): { user_email: string; action: "put" | "delete" }[] {
	const emails = new Set(present.map(id => emailOf(id)?.toLowerCase()).filter(e => e !== undefined));
	return [
		...change.add.filter(email => !emails.has(email)).map(email => ({ user_email: email, action: "put" as const })),
		...change.remove
			.filter(email => emails.has(email))
			.map(email => ({ user_email: email, action: "delete" as const })),
	];
}

function valueOf(ticket: BulkTicket, id: FieldId): FieldValue {
	return ticket.customFields.find(entry => entry.id === id)?.value ?? null;
}
