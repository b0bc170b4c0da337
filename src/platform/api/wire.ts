/** What the app SENDS to Zendesk (§4–§5, OAS TicketCreateInput/UpdateInput); answers stay `unknown` until normalized. */
import type { CustomFieldValue, Id, TicketPriority, TicketStatus, TicketType } from "../../shared/ticketTypes";

/** A comment on create/update (TicketCommentObject). `uploads` are upload tokens (single use). */
interface CommentInput {
	body?: string;
	public?: boolean;
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
type CollaboratorInput = Id | string | { name?: string; email: string };

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
	type?: TicketType | null;
	priority?: TicketPriority | null;
	status?: TicketStatus;
	requester_id?: Id;
	assignee_id?: Id | null;
	group_id?: Id | null;
	ticket_form_id?: Id;
	external_id?: string | null;
	tags?: string[];
	/** Multiselect values are arrays of option tags. */
	custom_fields?: Array<{ id: Id; value: CustomFieldValue }>;
	email_ccs?: PersonActionInput[];
	followers?: PersonActionInput[];
	/** Legacy: replaces the collaborators on update. */
	collaborators?: CollaboratorInput[];
	collaborator_ids?: Id[];
	/** Write-only audit metadata, at most 1 KB; appears as `audit.metadata.custom` (§5.6). */
	metadata?: Record<string, unknown>;
}

/** `{"ticket": TicketCreateInput}` for `POST /api/v2/tickets`. Only `comment` is required by Zendesk. */
export interface TicketCreateInput extends TicketWriteCommon {
	comment: CommentInput;
	requester?: RequesterInput;
	/** Makes a real follow-up; Zendesk ignores it unless the source is closed (§4.2). */
	via_followup_source_id?: Id;
}

/** `{"ticket": TicketUpdateInput}` for `PUT /api/v2/tickets/{id}`. The caller supplies safe-update fields. */
export interface TicketUpdateInput extends TicketWriteCommon {
	/** Adds users without replacing the existing collaborators. */
	additional_collaborators?: CollaboratorInput[];
	/** Tags to add: `update_many` only, a single `PUT` ignores it (field report huddledigital/zendesk-laravel#20). */
	additional_tags?: string[];
	/** Tags to remove, keeping the others. `update_many` only, like `additional_tags`. */
	remove_tags?: string[];
	/** With `updated_stamp` (the REST `updated_at`): 409 UpdateConflict if the ticket changed since (§5.3). */
	safe_update?: boolean;
	updated_stamp?: string;
}
