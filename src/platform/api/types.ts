/** The camelCase types the API client returns, built only by the normalizers; absent on the wire → `null`, `[]` or `false`. */
import type { AuditEventLike } from "../../shared/auditTypes";
import type { FormCondition as FormConditionDef } from "../../shared/customFieldsTypes";
import type { Id } from "../../shared/ticketTypes";
import type * as N from "./normalize";
import type * as A from "./normalizeActivity";

export type { Id };

/** What a normalizer returns for a value of the right shape. */
type Normalized<F extends (raw: unknown) => unknown> = NonNullable<ReturnType<F>>;

/** A ticket as the app uses it. `updatedAt` is the REST `updated_at`: the value for `updated_stamp`. */
export type Ticket = Normalized<typeof N.normalizeTicket>;

/** A user: the people feature's `PersonUser` plus what other features read. */
export type User = Normalized<typeof N.normalizeUser>;

/** A ticket field: the domain's `TicketFieldDef` with every key present. `options` merges custom and system options. */
export type TicketField = Normalized<typeof N.normalizeTicketField>;

/** One conditional-field rule of a form (agent side): the domain's, with the scalar values Zendesk sends for a parent. */
export interface FormCondition extends FormConditionDef {
	value: string | boolean | number | null;
}

/** A ticket form: the domain's `TicketFormDef` plus its names and position; `ticketFieldIds` is the display order. */
export type TicketForm = Normalized<typeof N.normalizeTicketForm>;

/** An attachment (never rendered as HTML; `contentUrl` is checked to be http(s)). */
export type Attachment = Normalized<typeof A.normalizeAttachment>;

/** An audit event: what the history formatter reads (`AuditEventLike`) plus its id, author, attachments and recipients. */
export interface AuditEvent extends AuditEventLike {
	id: Id;
	authorId?: Id;
	attachments?: Attachment[];
	recipients?: Id[];
}

/** A ticket audit (an `AuditLike` with all it holds); `metadata.custom` is what an app wrote with the update's `metadata`. */
export type Audit = Normalized<typeof A.normalizeAudit>;

/** A ticket comment. `body` is plain text; never render `htmlBody` as HTML. */
export type Comment = Normalized<typeof A.normalizeComment>;

/** An upload; pass `token` in `comment.uploads` (single use, valid 60 minutes). */
export type Upload = Normalized<typeof A.normalizeUpload>;

/** Job states; `failed` and `killed` are terminal failures, `completed` terminal success. */
export type JobState = "queued" | "working" | "completed" | "failed" | "killed";

/** One job result item (create: id+index; update: id+action+success; failure: error+details). */
export type JobResult = JobStatus["results"][number];

/** A background job. */
export type JobStatus = Normalized<typeof A.normalizeJobStatus>;

/** An organization as the app shows it (a lookup field's record); nothing else of it is read. */
export type Organization = Normalized<typeof N.normalizeOrganization>;

/** A translation locale the account enables: `id` is what a user's `localeId` takes, `locale` the code (`de`). */
export type Locale = Normalized<typeof N.normalizeLocale>;

/** The ticket-related account settings the app reads (absent keys → false, tagging → true). */
export type AccountSettings = Normalized<typeof N.normalizeAccountSettings>;

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
