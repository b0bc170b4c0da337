/**
 * Zendesk's own JSON shapes, in snake_case (zendesk-ticket-api.md §3–§10, OAS schemas). Responses are
 * what Zendesk *may* send: they are never trusted, `normalize.ts` checks them and converts to the
 * camelCase types of `types.ts`. Payload types (`…Input`) are what the app sends.
 */

/** A Zendesk numeric id. */
export type WireId = number;

// ---------------------------------------------------------------------------------------------- tickets

/** `custom_fields[]` / `fields[]` entry. Multiselect values are arrays of option tags. */
export interface WireCustomFieldValue {
	id: WireId;
	value: string | number | boolean | string[] | null;
}

/** `via`: `{channel, source:{from, to, rel}}`; follow-ups have `rel: "follow_up"` and `from.ticket_id`. */
export interface WireVia {
	channel: string | number;
	source?: { from?: Record<string, unknown>; to?: Record<string, unknown>; rel?: string | null };
}

/** The Ticket object as GET/POST/PUT return it (TicketObject). */
export interface WireTicket {
	id: WireId;
	url?: string;
	external_id?: string | null;
	via?: WireVia;
	created_at: string;
	updated_at: string;
	generated_timestamp?: number;
	type?: "problem" | "incident" | "question" | "task" | null;
	subject?: string | null;
	raw_subject?: string | null;
	description?: string | null;
	priority?: "urgent" | "high" | "normal" | "low" | null;
	status: "new" | "open" | "pending" | "hold" | "solved" | "closed";
	custom_status_id?: WireId | null;
	recipient?: string | null;
	requester_id?: WireId | null;
	submitter_id?: WireId | null;
	assignee_id?: WireId | null;
	organization_id?: WireId | null;
	group_id?: WireId | null;
	brand_id?: WireId | null;
	ticket_form_id?: WireId | null;
	collaborator_ids?: WireId[];
	follower_ids?: WireId[];
	email_cc_ids?: WireId[];
	followup_ids?: WireId[];
	problem_id?: WireId | null;
	has_incidents?: boolean;
	is_public?: boolean;
	due_at?: string | null;
	tags?: string[];
	custom_fields?: WireCustomFieldValue[];
	fields?: WireCustomFieldValue[];
	satisfaction_rating?: Record<string, unknown> | null;
	sharing_agreement_ids?: WireId[];
	allow_channelback?: boolean;
	allow_attachments?: boolean;
	from_messaging_channel?: boolean;
}

/** `GET /api/v2/tickets/{id}[?include=users]`. */
export interface WireTicketResponse {
	ticket: WireTicket;
	users?: WireUser[];
}

/** `POST`/`PUT /api/v2/tickets[/{id}]` (sync): the ticket plus the audit the write created (none for a no-op PUT). */
export interface WireTicketWriteResponse {
	ticket: WireTicket;
	audit?: WireAudit;
}

/** `POST /api/v2/tickets?async=true` → 202: the new id plus a queued job (envelope [U], §4.3). */
export interface WireAsyncCreateResponse {
	ticket?: { id: WireId } | null;
	job_status: WireJobStatus;
}

// ---------------------------------------------------------------------------------------------- payloads

/** A comment on create/update (TicketCommentObject). `uploads` are upload tokens (single use). */
export interface CommentInput {
	body?: string;
	html_body?: string;
	public?: boolean;
	author_id?: WireId;
	uploads?: string[];
}

/** One `email_ccs[]` / `followers[]` item: by `user_id` (string in the docs; numbers accepted) or `user_email`. */
export interface PersonActionInput {
	user_id?: string | number;
	user_email?: string;
	/** Only for `email_ccs`: the name of a user Zendesk creates on the fly. */
	user_name?: string;
	/** Default `put`. */
	action?: "put" | "delete";
}

/** Legacy `collaborators` / `additional_collaborators` entries: an id, an email, or `{name, email}`. */
export type CollaboratorInput = WireId | string | { name?: string; email: string };

/** A new requester on create (§4.6): `name` and `email` for a new user, only `email` for an existing one. */
export interface RequesterInput {
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
	/** With `updated_stamp` (the REST `updated_at`): 409 UpdateConflict if the ticket changed since (§5.3). */
	safe_update?: boolean;
	updated_stamp?: string;
}

// ---------------------------------------------------------------------------------------------- users

/** A user (UserObject), the keys the app reads. */
export interface WireUser {
	id: WireId;
	url?: string;
	name: string;
	email?: string | null;
	role: "end-user" | "agent" | "admin";
	role_type?: number | null;
	active?: boolean;
	suspended?: boolean;
	verified?: boolean;
	shared?: boolean;
	organization_id?: WireId | null;
	locale?: string | null;
	locale_id?: number | null;
	time_zone?: string | null;
	photo?: WireAttachment | null;
}

/** `GET /api/v2/users/show_many`, `/autocomplete`, `/search` (search adds paging keys). */
export interface WireUsersResponse {
	users: WireUser[];
	next_page?: string | null;
	previous_page?: string | null;
	count?: number;
}

// ---------------------------------------------------------------------------------------------- organizations

/** An organization (OAS OrganizationObject). The app reads `id` and `name`; the rest is listed for reference. */
export interface WireOrganization {
	id: WireId;
	url?: string;
	name: string;
	shared_tickets?: boolean;
	shared_comments?: boolean;
	external_id?: string | null;
	created_at?: string;
	updated_at?: string;
	domain_names?: string[];
	details?: string | null;
	notes?: string | null;
	group_id?: WireId | null;
	tags?: string[];
	organization_fields?: Record<string, string | number> | null;
}

/** `GET /api/v2/organizations/{id}` (OrganizationResponse). */
export interface WireOrganizationResponse {
	organization: WireOrganization;
}

/** `GET /api/v2/organizations/show_many`, `/autocomplete` (OrganizationsResponse; offset pagination). */
export interface WireOrganizationsResponse {
	organizations: WireOrganization[];
	next_page?: string | null;
	previous_page?: string | null;
	count?: number;
}

// ---------------------------------------------------------------------------------------------- locales

/** A translation locale (LocaleObject). `id` is what `locale_id` takes; `locale` is the code (`en-US`). */
export interface WireLocale {
	id: WireId;
	locale: string;
	name: string;
	url?: string;
	created_at?: string;
	updated_at?: string;
}

/** `GET /api/v2/locales`: the locales the account enables (not paginated). */
export interface WireLocalesResponse {
	locales: WireLocale[];
}

// ---------------------------------------------------------------------------------------------- fields and forms

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
export interface WireCustomFieldOption {
	id: WireId;
	name: string;
	raw_name?: string;
	value: string;
	position?: number;
	default?: boolean;
	url?: string;
}

/** `system_field_options[]` of system fields such as priority and status. */
export interface WireSystemFieldOption {
	name: string;
	value: string;
}

/** A ticket field (TicketFieldObject). */
export interface WireTicketField {
	id: WireId;
	url?: string;
	type: WireTicketFieldType | string;
	title: string;
	raw_title?: string;
	description?: string | null;
	raw_description?: string | null;
	agent_description?: string | null;
	position?: number;
	active: boolean;
	required?: boolean;
	required_in_portal?: boolean;
	visible_in_portal?: boolean;
	editable_in_portal?: boolean;
	title_in_portal?: string | null;
	collapsed_for_agents?: boolean;
	regexp_for_validation?: string | null;
	/** Checkbox fields: the tag added when checked. */
	tag?: string | null;
	removable?: boolean;
	agent_can_edit?: boolean;
	sub_type_id?: number | null;
	custom_field_options?: WireCustomFieldOption[];
	system_field_options?: WireSystemFieldOption[];
	relationship_target_type?: string | null;
	relationship_filter?: Record<string, unknown> | null;
	created_at?: string;
	updated_at?: string;
}

/** Cursor (`meta`/`links`) and offset (`next_page`) pagination keys; a page may carry either. */
export interface WirePaging {
	next_page?: string | null;
	meta?: { has_more?: boolean; after_cursor?: string | null; before_cursor?: string | null };
	links?: { next?: string | null; prev?: string | null };
}

/** `GET /api/v2/ticket_fields`. */
export interface WireTicketFieldsResponse extends WirePaging {
	ticket_fields: WireTicketField[];
}

/** `agent_conditions[]` of a ticket form. */
export interface WireFormCondition {
	parent_field_id: WireId;
	value: string | boolean | number | null;
	child_fields: Array<{
		id: WireId;
		is_required?: boolean;
		required_on_statuses?: { type: "SOME_STATUSES" | "ALL_STATUSES" | "NO_STATUSES"; statuses?: string[] };
	}>;
}

/** A ticket form (§7.2). `ticket_field_ids` is the display order. */
export interface WireTicketForm {
	id: WireId;
	name: string;
	display_name?: string;
	raw_name?: string;
	active: boolean;
	default?: boolean;
	position?: number;
	end_user_visible?: boolean;
	in_all_brands?: boolean;
	restricted_brand_ids?: WireId[];
	ticket_field_ids: WireId[];
	agent_conditions?: WireFormCondition[];
	end_user_conditions?: WireFormCondition[];
	created_at?: string;
	updated_at?: string;
}

/** `GET /api/v2/ticket_forms`. */
export interface WireTicketFormsResponse extends WirePaging {
	ticket_forms: WireTicketForm[];
}

/**
 * `GET /api/v2/ticket_forms/{id}?include=ticket_fields` (the Web Widget's sideload, not in the OAS):
 * the form and the fields its `ticket_field_ids` list.
 */
export interface WireTicketFormWithFieldsResponse {
	ticket_form: WireTicketForm;
	ticket_fields: WireTicketField[];
}

// ---------------------------------------------------------------------------------------------- audits and comments

/** Attachment object (§9). */
export interface WireAttachment {
	id: WireId;
	url?: string;
	file_name: string;
	content_url: string;
	mapped_content_url?: string;
	content_type: string;
	size: number;
	width?: string | number | null;
	height?: string | number | null;
	inline?: boolean;
	deleted?: boolean;
	malware_access_override?: boolean;
	malware_scan_result?: "malware_found" | "malware_not_found" | "failed_to_scan" | "not_scanned";
	thumbnails?: WireAttachment[];
}

/**
 * One audit event. Zendesk adds event types at any time ("ignore undocumented event types"), so
 * `type` is open and every type-specific key is optional.
 */
export interface WireAuditEvent {
	id: WireId;
	type: string;
	// Create / Change
	field_name?: string;
	value?: unknown;
	previous_value?: unknown;
	// Comment
	body?: string;
	html_body?: string;
	plain_body?: string;
	public?: boolean;
	author_id?: WireId;
	attachments?: WireAttachment[];
	// Cc / Notification
	recipients?: WireId[];
	subject?: string;
	// FollowerChange / EmailCcChange
	previous_followers?: string[];
	current_followers?: string[];
	previous_email_ccs?: string[];
	current_email_ccs?: string[];
	via?: WireVia;
}

/** A ticket audit (§10). `metadata.custom` holds what the app wrote with `metadata` on the update. */
export interface WireAudit {
	id: WireId;
	ticket_id: WireId;
	created_at: string;
	author_id: WireId;
	metadata?: { custom?: Record<string, unknown>; system?: Record<string, unknown> };
	via?: WireVia;
	events: WireAuditEvent[];
}

/** `GET /api/v2/tickets/{id}/audits` (cursor or offset paginated). */
export interface WireAuditsResponse extends WirePaging {
	audits: WireAudit[];
	count?: number;
}

/** A ticket comment (TicketCommentObject as listed). */
export interface WireComment {
	id: WireId;
	type: string;
	author_id: WireId;
	body: string;
	html_body?: string;
	plain_body?: string;
	public: boolean;
	audit_id?: WireId;
	created_at: string;
	attachments?: WireAttachment[];
	via?: WireVia;
	metadata?: Record<string, unknown>;
}

/** `GET /api/v2/tickets/{id}/comments`. */
export interface WireCommentsResponse extends WirePaging {
	comments: WireComment[];
	count?: number;
}

// ---------------------------------------------------------------------------------------------- uploads, jobs, settings

/** `POST /api/v2/uploads` → 201 `{upload}`. */
export interface WireUploadResponse {
	upload: {
		token: string;
		expires_at?: string;
		attachment?: WireAttachment;
		attachments: WireAttachment[];
	};
}

/** One `results[]` item of a job: create `{id, index}`, update `{id, action, success, status}`, failure adds `error`/`details`. */
export interface WireJobResult {
	id?: WireId;
	index?: number;
	action?: string;
	success?: boolean;
	status?: string;
	error?: string;
	details?: string;
}

/** A job status (JobStatusObject). `results` may be an object for permanent deletes. */
export interface WireJobStatus {
	id: string;
	url?: string;
	job_type?: string;
	status: "queued" | "working" | "completed" | "failed" | "killed";
	total?: number | null;
	progress?: number | null;
	message?: string | null;
	results?: WireJobResult[] | Record<string, unknown> | null;
}

/** `GET /api/v2/job_statuses/{id}`. */
export interface WireJobStatusResponse {
	job_status: WireJobStatus;
}

/** `GET /api/v2/account/settings`: only the sections the app reads (AccountSettingsTicketObject). */
export interface WireAccountSettingsResponse {
	settings: {
		tickets?: {
			collaboration?: boolean;
			follower_and_email_cc_collaborations?: boolean;
			light_agent_email_ccs_allowed?: boolean;
			comments_public_by_default?: boolean;
			email_attachments?: boolean;
			private_attachments?: boolean;
			tagging?: boolean;
			[key: string]: unknown;
		};
		[section: string]: unknown;
	};
}
