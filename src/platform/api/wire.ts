/**
 * What the app SENDS to Zendesk, in Zendesk's snake_case (zendesk-ticket-api.md §4–§5, OAS
 * TicketCreateInput / TicketUpdateInput), and the ticket field types Zendesk documents. What Zendesk
 * answers has no wire type here on purpose: answers are `unknown` until `normalize*.ts` has checked
 * them and built the camelCase types of `types.ts`.
 */

/** A Zendesk numeric id. */
type WireId = number;

/** `custom_fields[]` entry. Multiselect values are arrays of option tags. */
interface WireCustomFieldValue {
	id: WireId;
	value: string | number | boolean | string[] | null;
}

/** A comment on create/update (TicketCommentObject). `uploads` are upload tokens (single use). */
interface CommentInput {
	body?: string;
	html_body?: string;
	public?: boolean;
	author_id?: WireId;
	uploads?: string[];
}

/** One `email_ccs[]` / `followers[]` item: by `user_id` (string in the docs; numbers accepted) or `user_email`. */
interface PersonActionInput {
	user_id?: string | number;
	user_email?: string;
	/** Only for `email_ccs`: the name of a user Zendesk creates on the fly. */
	user_name?: string;
	/** Default `put`. */
	action?: "put" | "delete";
}

/** Legacy `collaborators` / `additional_collaborators` entries: an id, an email, or `{name, email}`. */
type CollaboratorInput = WireId | string | { name?: string; email: string };

/** A new requester on create (§4.6): `name` and `email` for a new user, only `email` for an existing one. */
interface RequesterInput {
	name?: string;
	email: string;
	locale_id?: number;
}

/** Fields common to create and update (TicketCreateInput / TicketUpdateInput). */
interface TicketWriteCommon {
	subject?: string;
	comment?: CommentInput;
	type?: "problem" | "incident" | "question" | "task" | null;
	priority?: "urgent" | "high" | "normal" | "low" | null;
	status?: "new" | "open" | "pending" | "hold" | "solved" | "closed";
	custom_status_id?: WireId;
	requester_id?: WireId;
	assignee_id?: WireId | null;
	assignee_email?: string;
	group_id?: WireId | null;
	organization_id?: WireId | null;
	brand_id?: WireId;
	ticket_form_id?: WireId;
	external_id?: string | null;
	due_at?: string | null;
	problem_id?: WireId | null;
	tags?: string[];
	custom_fields?: WireCustomFieldValue[];
	email_ccs?: PersonActionInput[];
	followers?: PersonActionInput[];
	/** Legacy: replaces the collaborators on update. */
	collaborators?: CollaboratorInput[];
	collaborator_ids?: WireId[];
	/** Write-only audit metadata, at most 1 KB; appears as `audit.metadata.custom` (§5.6). */
	metadata?: Record<string, unknown>;
}

/** `{"ticket": TicketCreateInput}` for `POST /api/v2/tickets`. Only `comment` is required by Zendesk. */
export interface TicketCreateInput extends TicketWriteCommon {
	comment: CommentInput;
	requester?: RequesterInput;
	submitter_id?: WireId;
	recipient?: string;
	email_cc_ids?: WireId[];
	follower_ids?: WireId[];
	/** Makes a real follow-up; Zendesk ignores it unless the source is closed (§4.2). */
	via_followup_source_id?: WireId;
}

/** `{"ticket": TicketUpdateInput}` for `PUT /api/v2/tickets/{id}`. The caller supplies safe-update fields. */
export interface TicketUpdateInput extends TicketWriteCommon {
	/** Adds users without replacing the existing collaborators. */
	additional_collaborators?: CollaboratorInput[];
	/**
	 * Tags to add, keeping the others. Zendesk documents it for `update_many` only ("Adding tags to
	 * tickets without overwriting existing tags"); a single `PUT /tickets/{id}` ignores it (a field
	 * report: huddledigital/zendesk-laravel#20), so use it only in `updateManyTickets` items.
	 */
	additional_tags?: string[];
	/** Tags to remove, keeping the others. `update_many` only, like `additional_tags`. */
	remove_tags?: string[];
	/** With `updated_stamp` (the REST `updated_at`): 409 UpdateConflict if the ticket changed since (§5.3). */
	safe_update?: boolean;
	updated_stamp?: string;
}

/** Every ticket field type Zendesk documents (§7.1), system fields included. */
export type WireTicketFieldType =
	| "subject"
	| "description"
	| "status"
	| "custom_status"
	| "tickettype"
	| "priority"
	| "group"
	| "assignee"
	| "text"
	| "textarea"
	| "checkbox"
	| "date"
	| "integer"
	| "decimal"
	| "regexp"
	| "partialcreditcard"
	| "multiselect"
	| "tagger"
	| "lookup";

/** `custom_field_options[]` (CustomFieldOptionObject): `name` is the label, `value` the tag to write. */
