/**
 * Stored shapes of the emulator's in-memory db. They keep Zendesk's snake_case wire names so the
 * serializers stay thin; secrets, bytes and base URLs are kept apart from what the API returns.
 */

/** A user as stored (wire keys; `url` and `photo` are added by the serializer). */
export interface UserRecord {
	id: number;
	name: string;
	email: string;
	role: "end-user" | "agent" | "admin";
	/** Zendesk: 0 custom agent, 1 light agent, 2 chat agent, 3 contributor, 4 admin, 5 billing admin; null for plain agents and end users. */
	role_type: number | null;
	active: boolean;
	suspended: boolean;
	verified: boolean;
	shared: boolean;
	locale: string;
	locale_id: number;
	time_zone: string;
	organization_id: number | null;
	default_group_id: number | null;
	phone: string | null;
	notes: string;
	details: string;
	external_id: string | null;
	tags: string[];
	created_at: string;
	updated_at: string;
	/** The profile photo's attachment id (userPhoto.ts); absent or null: no photo. */
	photo_id?: number | null;
}

/**
 * A new user record: `fields` over the defaults of an active, unverified end user in en-US and UTC
 * with nothing else set, created and updated at `stamp`. Stores nothing.
 */
export function newUserRecord(
	fields: Partial<UserRecord> & Pick<UserRecord, "id" | "name" | "email">,
	stamp: string,
): UserRecord {
	return {
		role: "end-user",
		role_type: null,
		active: true,
		suspended: false,
		verified: false,
		shared: false,
		locale: "en-US",
		locale_id: 1,
		time_zone: "Etc/UTC",
		organization_id: null,
		default_group_id: null,
		phone: null,
		notes: "",
		details: "",
		external_id: null,
		tags: [],
		created_at: stamp,
		updated_at: stamp,
		...fields,
	};
}

/** An organization as stored (OAS OrganizationObject keys; `url` is added by the serializer). */
export interface OrganizationRecord {
	id: number;
	name: string;
	details: string | null;
	domain_names: string[];
	external_id: string | null;
	group_id: number | null;
	notes: string | null;
	organization_fields: Record<string, string | number>;
	shared_comments: boolean;
	shared_tickets: boolean;
	tags: string[];
	created_at: string;
	updated_at: string;
}

/** `{channel, source:{from, to, rel}}` as on tickets, audits and comments. */
export interface Via {
	channel: string;
	source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null };
}

/** A ticket as stored. Custom field values are kept by field id; `custom_fields`/`fields` are built on read. */
export interface TicketRecord {
	id: number;
	external_id: string | null;
	via: Via;
	created_at: string;
	updated_at: string;
	generated_timestamp: number;
	type: "problem" | "incident" | "question" | "task" | null;
	subject: string;
	raw_subject: string;
	description: string;
	priority: "urgent" | "high" | "normal" | "low" | null;
	status: TicketStatus;
	recipient: string | null;
	requester_id: number;
	submitter_id: number;
	assignee_id: number | null;
	organization_id: number | null;
	group_id: number | null;
	/** Legacy CCs (used as-is when CCs and followers are disabled; derived otherwise). */
	collaborator_ids: number[];
	email_cc_ids: number[];
	follower_ids: number[];
	followup_ids: number[];
	/** The closed ticket this one follows up (for `/related`); not a wire key of the ticket. */
	followup_source_id: number | null;
	problem_id: number | null;
	has_incidents: boolean;
	is_public: boolean;
	due_at: string | null;
	tags: string[];
	/** Field id (as string) → stored value (strings for numbers, arrays for multiselect, booleans for checkbox). */
	field_values: Record<string, FieldValue>;
	satisfaction_rating: { score: string } | null;
	sharing_agreement_ids: number[];
	ticket_form_id: number | null;
	brand_id: number | null;
	custom_status_id: number | null;
}

export type TicketStatus = "new" | "open" | "pending" | "hold" | "solved" | "closed";
export type FieldValue = string | number | boolean | string[] | null;

/** An attachment (uploaded or on a comment). `content_token` names the bytes' URL; bytes live in `db.blobs`. */
export interface AttachmentRecord {
	id: number;
	file_name: string;
	content_type: string;
	size: number;
	content_token: string;
	inline: boolean;
	deleted: boolean;
	width: string | null;
	height: string | null;
}

/** A comment as stored. */
export interface CommentRecord {
	id: number;
	ticket_id: number;
	audit_id: number;
	author_id: number;
	body: string;
	html_body: string;
	plain_body: string;
	public: boolean;
	attachment_ids: number[];
	via: Via;
	created_at: string;
}

/** One audit event (Create, Change, Comment, EmailCcChange, FollowerChange, ...); keys vary by type. */
export type AuditEvent = { id: number; type: string } & Record<string, unknown>;

/** An audit as stored; `metadata.custom` holds the caller's metadata. */
export interface AuditRecord {
	id: number;
	ticket_id: number;
	created_at: string;
	author_id: number;
	metadata: { custom: Record<string, unknown>; system: Record<string, unknown> };
	via: Via;
	events: AuditEvent[];
}

/** A ticket field option (tagger/multiselect). `value` is the tag. */
export interface FieldOption {
	id: number;
	name: string;
	raw_name: string;
	value: string;
	position: number;
	default: boolean;
}

/** A ticket field (system or custom), stored in wire shape minus `url`. */
export interface TicketFieldRecord {
	id: number;
	type: string;
	title: string;
	raw_title: string;
	description: string;
	raw_description: string;
	agent_description: string | null;
	position: number;
	active: boolean;
	required: boolean;
	required_in_portal: boolean;
	visible_in_portal: boolean;
	editable_in_portal: boolean;
	title_in_portal: string;
	raw_title_in_portal: string;
	collapsed_for_agents: boolean;
	regexp_for_validation: string | null;
	tag: string | null;
	removable: boolean;
	agent_can_edit: boolean;
	custom_field_options?: FieldOption[];
	relationship_target_type?: string;
	relationship_filter?: Record<string, unknown>;
	sub_type_id?: number;
	created_at: string;
	updated_at: string;
}

/** A ticket form, stored in wire shape minus `url`. */
export interface TicketFormRecord {
	id: number;
	name: string;
	raw_name: string;
	display_name: string;
	raw_display_name: string;
	active: boolean;
	default: boolean;
	position: number;
	end_user_visible: boolean;
	in_all_brands: boolean;
	restricted_brand_ids: number[];
	ticket_field_ids: number[];
	agent_conditions: unknown[];
	end_user_conditions: unknown[];
	created_at: string;
	updated_at: string;
}

/** A group (sideloaded with `include=groups`). */
export interface GroupRecord {
	id: number;
	name: string;
	description: string;
	default: boolean;
	deleted: boolean;
	created_at: string;
	updated_at: string;
}

/** An upload: a token naming one or more attachments until a comment consumes it. */
export interface UploadRecord {
	token: string;
	owner_id: number;
	attachment_ids: number[];
	/** ms since epoch; the token is valid 60 minutes (OAS UploadFiles [V]). */
	created_ms: number;
	used: boolean;
}

/** A background job's public state (the work itself lives in the job runner, not here). */
export interface JobRecord {
	id: string;
	job_type: string;
	status: "queued" | "working" | "completed" | "failed" | "killed";
	total: number | null;
	progress: number | null;
	message: string | null;
	results: Array<Record<string, unknown>> | null;
	created_ms: number;
	owner_id: number;
}

/** Account-level state: the settings Zendesk exposes and the credentials the sandbox accepts. */
export interface AccountRecord {
	subdomain: string;
	/** Nested like `GET /api/v2/account/settings` (only the groups the emulator reads are required). */
	settings: AccountSettings;
	/** Account API tokens: `{email}/token:{token}` works for every user of the account. */
	api_tokens: string[];
	/** user id → password for `{email}:{password}` Basic auth. */
	passwords: Record<string, string>;
}

/** The account settings the emulator honours; `GET /account/settings` returns them with the rest of the OAS example. */
export interface AccountSettings {
	tickets: {
		/** CCs at all (legacy collaborators). */
		collaboration: boolean;
		/** The "CCs and followers" experience (`email_ccs`, `followers`). */
		follower_and_email_cc_collaborations: boolean;
		light_agent_email_ccs_allowed: boolean;
		comments_public_by_default: boolean;
		assign_tickets_upon_solve: boolean;
		status_hold: boolean;
		[key: string]: unknown;
	};
	active_features: { allow_ccs: boolean; light_agents: boolean; ticket_forms: boolean; [key: string]: unknown };
	limits: { attachment_size: number };
	[group: string]: Record<string, unknown>;
}
