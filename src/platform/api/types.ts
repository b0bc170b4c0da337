/** The camelCase types the API client returns, built only by the normalizers; absent on the wire → `null`, `[]` or `false`. */
import type { AuditEventLike, AuditLike } from "../../shared/auditTypes";
import type { FormCondition as FormConditionDef, TicketFieldDef, TicketFormDef } from "../../shared/customFieldsTypes";
import type { PersonUser } from "../../shared/peopleTypes";
import type { CustomFieldValue, Id, TicketPriority, TicketStatus, TicketType } from "../../shared/ticketTypes";

export type { Id };

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

/** A user: the people feature's `PersonUser` plus what other features read. */
export interface User extends PersonUser {
	organizationId: Id | null;
	locale: string | null;
	timeZone: string | null;
	photoUrl: string | null;
}

/** A ticket field: the domain's `TicketFieldDef` with every key present. `options` merges custom and system options. */
export interface TicketField extends TicketFieldDef {
	agentDescription: string;
}

/** One conditional-field rule of a form (agent side): the domain's, with the scalar values Zendesk sends for a parent. */
export interface FormCondition extends FormConditionDef {
	value: string | boolean | number | null;
}

/** A ticket form: the domain's `TicketFormDef` plus its names and position; `ticketFieldIds` is the display order. */
export interface TicketForm extends TicketFormDef {
	name: string;
	displayName: string;
	position: number;
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

/** An audit event: what the history formatter reads (`AuditEventLike`) plus its id, author, attachments and recipients. */
export interface AuditEvent extends AuditEventLike {
	id: Id;
	authorId?: Id;
	attachments?: Attachment[];
	recipients?: Id[];
}

/** A ticket audit (an `AuditLike` with all it holds); `metadata.custom` is what an app wrote with the update's `metadata`. */
export interface Audit extends AuditLike {
	ticketId: Id;
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

/** A background job. */
export interface JobStatus {
	id: string;
	status: JobState;
	total: number | null;
	progress: number | null;
	message: string | null;
	results: JobResult[];
}

/** An organization as the app shows it (a lookup field's record); nothing else of it is read. */
export interface Organization {
	id: Id;
	name: string;
}

/** A translation locale the account enables: `id` is what a user's `localeId` takes, `locale` the code (`de`). */
export interface Locale {
	id: Id;
	locale: string;
	name: string;
}

/** The ticket-related account settings the app reads (absent keys → false, tagging → true). */
export interface AccountSettings {
	/** Legacy CCs; `followerAndEmailCcCollaborations`: CCs and followers (`email_ccs`/`followers`). */
	collaboration: boolean;
	followerAndEmailCcCollaborations: boolean;
	lightAgentEmailCcsAllowed: boolean;
	commentsPublicByDefault: boolean;
	emailAttachments: boolean;
	privateAttachments: boolean;
	tagging: boolean;
}

/** A group as a sideload names it: the same shape as an organization. */
export type Group = Organization;

/** A page of a ticket's audits (`nextCursor`: null on the last) with the users, groups and organizations it sideloaded. */
export interface AuditPage {
	items: Audit[];
	nextCursor: string | null;
	users: User[];
	groups: Group[];
	organizations: Organization[];
}
