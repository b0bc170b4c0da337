/** The audits the history formats (zendesk-ticket-api.md §10), structural so the API's `Audit` fits, and the entry. */
import type { FieldId } from "./customFieldsTypes";

/** An audit event as the formatter reads it; unknown types are ignored. */
export interface AuditEventLike {
	type: string;
	fieldName?: string;
	value?: unknown;
	previousValue?: unknown;
	body?: string;
	public?: boolean;
	previousFollowers?: readonly string[];
	currentFollowers?: readonly string[];
	previousEmailCcs?: readonly string[];
	currentEmailCcs?: readonly string[];
}

/** An audit as the formatter reads it. */
export interface AuditLike {
	id: number;
	createdAt: string;
	authorId: number;
	metadata: { custom: Readonly<Record<string, unknown>> };
	via: { channel: string } | null;
	events: readonly AuditEventLike[];
}

/** What a changed field is called: a custom field's title, a known system field (translated), or Zendesk's raw name. */
export type AuditFieldLabel =
	| { kind: "custom"; fieldId: FieldId; title: string }
	| { kind: "system"; name: string }
	| { kind: "raw"; name: string };

/** One field change, values rendered for people (option names, user names; "" = empty). */
export interface AuditFieldChange {
	label: AuditFieldLabel;
	/** `checkbox` values are `"true"`/`"false"` for the UI to translate; `text` values are shown as is. */
	valueKind: "text" | "checkbox";
	from: string;
	to: string;
}

/** Who was added to or removed from a people list (`collaborators`: legacy CCs), by name. */
export interface AuditPeopleChange {
	list: "followers" | "emailCcs" | "collaborators";
	added: string[];
	removed: string[];
}

/** One audit, ready for the history view. */
export interface AuditEntry {
	id: number;
	createdAt: string;
	authorId: number;
	/** The author's name when known, else `null` (the view shows `#id`). */
	authorName: string | null;
	channel: string | null;
	changes: AuditFieldChange[];
	tags: { added: string[]; removed: string[] } | null;
	people: AuditPeopleChange[];
	comments: Array<{ public: boolean; excerpt: string }>;
	/** `metadata.custom` as key/text pairs, in Zendesk's order. */
	custom: Array<{ key: string; value: string }>;
}
