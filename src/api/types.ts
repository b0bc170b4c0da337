/**
 * The camelCase types the API client returns (what models and features see). Built only by
 * `normalize.ts` from checked wire data; every field is present (absent on the wire → `null`,
 * `[]` or `false`), so callers never deal with `undefined`.
 */
import type { WireTicketFieldType } from "./wire";

/** A Zendesk numeric id (below 2^53, so a JS number is safe). */
export type Id = number;

/** Ticket status categories. */
export type TicketStatus = "new" | "open" | "pending" | "hold" | "solved" | "closed";
/** Ticket priorities (`null` on a ticket = not set). */
export type TicketPriority = "urgent" | "high" | "normal" | "low";
/** Ticket types (`null` on a ticket = not set). */
export type TicketType = "problem" | "incident" | "question" | "task";
/** A custom field value as Zendesk stores it: text, number, checkbox, tag, multiselect tags, or empty. */
export type CustomFieldValue = string | number | boolean | string[] | null;

/** Where a ticket came from; `followUpSourceId` is set for real follow-ups (`via.source.rel == "follow_up"`). */
export interface Via {
	channel: string;
	rel: string | null;
	followUpSourceId: Id | null;
}

/** A ticket as the app uses it. `updatedAt` is the REST `updated_at`: the value for `updated_stamp`. */
export interface Ticket {
	id: Id;
	externalId: string | null;
	subject: string;
	description: string;
	status: TicketStatus;
	customStatusId: Id | null;
	priority: TicketPriority | null;
	type: TicketType | null;
	requesterId: Id | null;
	submitterId: Id | null;
	assigneeId: Id | null;
	groupId: Id | null;
	organizationId: Id | null;
	brandId: Id | null;
	ticketFormId: Id | null;
	problemId: Id | null;
	collaboratorIds: Id[];
	emailCcIds: Id[];
	followerIds: Id[];
	followupIds: Id[];
	tags: string[];
	customFields: Array<{ id: Id; value: CustomFieldValue }>;
	via: Via | null;
	dueAt: string | null;
	isPublic: boolean;
	createdAt: string;
	updatedAt: string;
}

/** Zendesk user roles (custom agent roles are `agent` plus a `roleType`). */
export type UserRole = "end-user" | "agent" | "admin";

/** A user. Assignable to the people feature's `PersonUser`. */
export interface User {
	id: Id;
	name: string;
	email: string | null;
	role: UserRole;
	/** Zendesk `role_type` (1 = light agent), `null` for end users and when unknown. */
	roleType: number | null;
	active: boolean;
	suspended: boolean;
	organizationId: Id | null;
	locale: string | null;
	timeZone: string | null;
	photoUrl: string | null;
}

/** Ticket field types: the documented ones (`WireTicketFieldType`), and unknown future types as their raw string. */
export type TicketFieldType = WireTicketFieldType | (string & {});

/** A dropdown/multiselect option: `name` is the label, `value` the tag to write. */
export interface FieldOption {
	id: Id | null;
	name: string;
	value: string;
	isDefault: boolean;
}

/** A ticket field. `options` merges custom and system options (empty for other types). */
export interface TicketField {
	id: Id;
	type: TicketFieldType;
	title: string;
	description: string;
	agentDescription: string;
	position: number;
	active: boolean;
	/** Required to *solve* (does not block other updates). */
	required: boolean;
	removable: boolean;
	agentCanEdit: boolean;
	regexpForValidation: string | null;
	/** Checkbox fields: the tag Zendesk adds when checked. */
	tag: string | null;
	options: FieldOption[];
	relationshipTargetType: string | null;
}

/** One conditional-field rule of a form (agent side). */
export interface FormCondition {
	parentFieldId: Id;
	value: string | boolean | number | null;
	childFields: Array<{ id: Id; isRequired: boolean; requiredOnStatuses: string[] | "all" | "none" }>;
}

/** A ticket form; `ticketFieldIds` is the display order. */
export interface TicketForm {
	id: Id;
	name: string;
	displayName: string;
	active: boolean;
	isDefault: boolean;
	position: number;
	ticketFieldIds: Id[];
	agentConditions: FormCondition[];
}

/** An attachment (never rendered as HTML; `contentUrl` is checked to be http(s)). */
export interface Attachment {
	id: Id;
	fileName: string;
	contentUrl: string | null;
	contentType: string;
	size: number;
	inline: boolean;
	deleted: boolean;
	malwareScanResult: string | null;
}

/** An audit event; `type` is open (Zendesk adds types at any time), type-specific keys are `undefined` when absent. */
export interface AuditEvent {
	id: Id;
	type: string;
	fieldName?: string;
	value?: unknown;
	previousValue?: unknown;
	body?: string;
	public?: boolean;
	authorId?: Id;
	attachments?: Attachment[];
	recipients?: Id[];
	previousFollowers?: string[];
	currentFollowers?: string[];
	previousEmailCcs?: string[];
	currentEmailCcs?: string[];
}

/** A ticket audit; `metadata.custom` is what an app wrote with the update's `metadata`. */
export interface Audit {
	id: Id;
	ticketId: Id;
	createdAt: string;
	authorId: Id;
	metadata: { custom: Record<string, unknown>; system: Record<string, unknown> };
	via: Via | null;
	events: AuditEvent[];
}

/** A ticket comment. `body` is plain text; never render `htmlBody` as HTML. */
export interface Comment {
	id: Id;
	type: string;
	authorId: Id;
	body: string;
	htmlBody: string | null;
	public: boolean;
	auditId: Id | null;
	createdAt: string;
	attachments: Attachment[];
}

/** An upload; pass `token` in `comment.uploads` (single use, valid 60 minutes). */
export interface Upload {
	token: string;
	attachments: Attachment[];
}

/** Job states; `failed` and `killed` are terminal failures, `completed` terminal success. */
export type JobState = "queued" | "working" | "completed" | "failed" | "killed";

/** One job result item (create: id+index; update: id+action+success; failure: error+details). */
export interface JobResult {
	id: Id | null;
	index: number | null;
	action: string | null;
	success: boolean | null;
	status: string | null;
	error: string | null;
	details: string | null;
}

/** A background job. `failed` and `killed` are terminal failures. */
export interface JobStatus {
	id: string;
	status: JobState;
	total: number | null;
	progress: number | null;
	message: string | null;
	results: JobResult[];
}

/** A translation locale the account enables: `id` is what a user's `localeId` takes, `locale` the code (`de`). */
export interface Locale {
	id: Id;
	locale: string;
	name: string;
}

/** The ticket-related account settings the app reads (absent keys → false, tagging → true). */
export interface AccountSettings {
	/** Legacy CCs (`tickets.collaboration`). */
	collaboration: boolean;
	/** CCs and followers (`tickets.follower_and_email_cc_collaborations`): use `email_ccs`/`followers`. */
	followerAndEmailCcCollaborations: boolean;
	lightAgentEmailCcsAllowed: boolean;
	commentsPublicByDefault: boolean;
	emailAttachments: boolean;
	privateAttachments: boolean;
	tagging: boolean;
}

/** One page of a paginated list; pass `nextCursor` back to get the next page (`null` = last page). */
export interface Page<T> {
	items: T[];
	nextCursor: string | null;
}
