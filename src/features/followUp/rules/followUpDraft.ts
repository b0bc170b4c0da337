/**
 * The follow-up's source ticket (what the feature reads of it) and its draft: all the agent typed
 * or chose, as plain JSON that survives a failure and a reload, with the form's small pure edits.
 * Edits keep whatever was typed, valid or not: validation reports problems, edits never drop input.
 */
import { sameEmail, splitEmailList } from "../../../shared/email";
import type { IdempotencyAttempt } from "../../../shared/idempotencyKey";
import { isRecord } from "../../../shared/isRecord";
import type { CustomFieldValue, Id, TicketPriority, TicketStatus, TicketType } from "../../../shared/ticketTypes";
import { isId } from "../../../shared/ticketTypes";

/** All priorities, in the order the form offers them. */
export const TICKET_PRIORITIES: readonly TicketPriority[] = ["low", "normal", "high", "urgent"];

/** All ticket types, in the order the form offers them. */
export const TICKET_TYPES: readonly TicketType[] = ["question", "incident", "problem", "task"];

/** What the follow-up feature needs from the ticket it starts from. */
export interface FollowUpSource {
	id: Id;
	status: TicketStatus;
	subject: string;
	requesterId: Id | null;
	groupId: Id | null;
	assigneeId: Id | null;
	tags: string[];
	emailCcIds: Id[];
	followerIds: Id[];
	customFields: Array<{ id: Id; value: CustomFieldValue }>;
	/** Ids of follow-ups created from this ticket (Zendesk shows them only once it is closed). */
	followupIds: Id[];
}

/** A real Zendesk follow-up (`via_followup_source_id`), or a ticket whose first comment names the source. */
export type FollowUpMode = "followUp" | "linked";

/** `followUp` only for closed sources: Zendesk ignores `via_followup_source_id` for any other status (GUIDE). */
export function followUpModeFor(status: TicketStatus): FollowUpMode {
	return status === "closed" ? "followUp" : "linked";
}

/** Who it is for: the original requester, another user, or a new one (GUIDE: name and email required, locale optional). */
export type RequesterChoice =
	| { kind: "same" }
	| {
			kind: "existing";
			/** `null` until the agent picks someone from the search results. */
			userId: Id | null;
			/** Name and email of the picked user, kept for display after a reload. */
			label: string;
	  }
	| {
			kind: "new";
			name: string;
			email: string;
			/** `/api/v2/locales` id, `null` for the account default. */
			localeId: Id | null;
	  };

/** Bumped when the stored shape changes incompatibly; older drafts are salvaged field by field. */
export const FOLLOW_UP_DRAFT_VERSION = 1;

/** An email CC: an existing user (by id), or an address typed by the agent (kept as typed). */
export type CcEntry = { kind: "user"; userId: Id; label: string } | { kind: "email"; email: string; name: string };

/** A follower (agents only); `label` is `""` until the model has looked the user up. */
export interface FollowerEntry {
	userId: Id;
	label: string;
}

/** One of the original's custom field values, offered for copying. */
export interface DraftCustomField {
	id: Id;
	value: CustomFieldValue;
	include: boolean;
}

/** A file already uploaded under the draft's token (in-flight uploads are not persisted). */
export interface DraftUpload {
	/** Our own id for the list, stable across reloads. */
	localId: string;
	name: string;
	size: number;
	contentType: string;
	/** Zendesk's attachment id, when the upload answer carried one. */
	attachmentId: Id | null;
	/** When (ms since epoch): upload tokens expire after 60 minutes. */
	uploadedAt: number;
}

/** An async create that was queued: kept so a reload can resume watching the job. */
export interface PendingJob {
	jobId: string;
	ticketId: Id | null;
	queuedAt: number;
}

/** The whole draft. Serialisable with `JSON.stringify`; read back with `parseFollowUpDraft`. */
export interface FollowUpDraft {
	version: typeof FOLLOW_UP_DRAFT_VERSION;
	sourceId: Id;
	/** From the source's status when the draft was prepared; re-checked before sending. */
	mode: FollowUpMode;
	subject: string;
	comment: string;
	isPublic: boolean;
	requester: RequesterChoice;
	priority: TicketPriority | ""; // "": not set
	type: TicketType | "";
	/** As typed; parsed with `parseTags` when sending. */
	tagsText: string;
	/** Send the original's group and assignee (Zendesk does not copy them to follow-ups by default). */
	copyGroupAndAssignee: boolean;
	emailCcs: CcEntry[];
	followers: FollowerEntry[];
	customFields: DraftCustomField[];
	/** The upload token shared by all files of this draft, `null` before the first upload. */
	uploadToken: string | null;
	uploads: DraftUpload[];
	/** Create in the background (`?async=true`). */
	createAsync: boolean;
	/** The idempotency key last used, with the fingerprint of its body (see `attemptFor`). */
	attempt: IdempotencyAttempt | null;
	pendingJob: PendingJob | null;
}

/** A fresh draft from the source; like Zendesk's own follow-ups, without its priority, type, group or assignee. */
export function createFollowUpDraft(source: FollowUpSource): FollowUpDraft {
	return {
		version: FOLLOW_UP_DRAFT_VERSION,
		sourceId: source.id,
		mode: followUpModeFor(source.status),
		subject: source.subject,
		comment: "",
		isPublic: true,
		requester: { kind: "same" },
		priority: "",
		type: "",
		tagsText: source.tags.join(" "),
		copyGroupAndAssignee: false,
		emailCcs: source.emailCcIds.map(userId => ({ kind: "user", userId, label: "" })),
		followers: source.followerIds.map(userId => ({ userId, label: "" })),
		customFields: source.customFields
			.filter(field => field.value !== null && field.value !== "")
			.map(field => ({ id: field.id, value: field.value, include: true })),
		uploadToken: null,
		uploads: [],
		createAsync: false,
		attempt: null,
		pendingJob: null,
	};
}

/** Longest tag field Zendesk stores (5096 characters, `zendesk-ticket-api.md` appendix [S]). */
export const TAGS_MAX_LENGTH = 5096;

/** Splits typed tags on spaces and commas, lower-cases them, drops duplicates. Does not validate characters. */
export function parseTags(text: string): string[] {
	const out: string[] = [];
	for (const raw of text.split(/[\s,]+/)) {
		const tag = raw.trim().toLowerCase();
		if (tag !== "" && !out.includes(tag)) out.push(tag);
	}
	return out;
}

/** Adds typed addresses ("a@x.io, b@y.io") as CCs, skipping listed ones; invalid ones are kept (validation flags them). */
export function addCcEmails(draft: FollowUpDraft, text: string): FollowUpDraft {
	const added: CcEntry[] = [];
	for (const email of splitEmailList(text)) {
		const known = [...draft.emailCcs, ...added].some(cc => cc.kind === "email" && sameEmail(cc.email, email));
		if (!known) added.push({ kind: "email", email, name: "" });
	}
	return added.length === 0 ? draft : { ...draft, emailCcs: [...draft.emailCcs, ...added] };
}

/** Adds an existing user as a CC unless already listed. */
export function addCcUser(draft: FollowUpDraft, userId: Id, label: string): FollowUpDraft {
	if (draft.emailCcs.some(cc => cc.kind === "user" && cc.userId === userId)) return draft;
	return { ...draft, emailCcs: [...draft.emailCcs, { kind: "user", userId, label }] };
}

/** Removes the CC at `index`; out-of-range indexes change nothing. */
export function removeCcAt(draft: FollowUpDraft, index: number): FollowUpDraft {
	if (index < 0 || index >= draft.emailCcs.length) return draft;
	return { ...draft, emailCcs: draft.emailCcs.filter((_, i) => i !== index) };
}

/** Removes a follower by user id. */
export function removeFollower(draft: FollowUpDraft, userId: Id): FollowUpDraft {
	return { ...draft, followers: draft.followers.filter(f => f.userId !== userId) };
}

/** Turns copying one of the original's custom field values on or off. */
export function toggleCustomField(draft: FollowUpDraft, fieldId: Id, include: boolean): FollowUpDraft {
	return { ...draft, customFields: draft.customFields.map(f => (f.id === fieldId ? { ...f, include } : f)) };
}

/** Fills display labels of CCs and followers from known users; entries without a match keep theirs. */
export function labelPeople(draft: FollowUpDraft, labelOf: (id: Id) => string | undefined): FollowUpDraft {
	return {
		...draft,
		emailCcs: draft.emailCcs.map(cc => (cc.kind === "user" ? { ...cc, label: labelOf(cc.userId) ?? cc.label } : cc)),
		followers: draft.followers.map(f => ({ ...f, label: labelOf(f.userId) ?? f.label })),
	};
}

// A stored draft is read back field by field, a bad one falling back to the fresh draft's (old, edited, cut).

const idOrNull = (v: unknown): number | null => (isId(v) ? v : null);
const isStr = (v: unknown): v is string => typeof v === "string";
const isNum = (v: unknown): v is number => typeof v === "number";
const str = (v: unknown, fallback = ""): string => (isStr(v) ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
const oneOf = <T>(v: unknown, allowed: readonly T[], fallback: T): T =>
	allowed.includes(v as T) ? (v as T) : fallback;

function requester(v: unknown): RequesterChoice | undefined {
	if (!isRecord(v)) return undefined;
	if (v.kind === "same") return { kind: "same" };
	if (v.kind === "existing") return { kind: "existing", userId: idOrNull(v.userId), label: str(v.label) };
	if (v.kind === "new") return { kind: "new", name: str(v.name), email: str(v.email), localeId: idOrNull(v.localeId) };
	return undefined;
}

function cc(v: unknown): CcEntry | undefined {
	if (!isRecord(v)) return undefined;
	if (v.kind === "user" && isId(v.userId)) return { kind: "user", userId: v.userId, label: str(v.label) };
	if (v.kind === "email" && isStr(v.email)) return { kind: "email", email: v.email, name: str(v.name) };
	return undefined;
}

const follower = (v: unknown): FollowerEntry | undefined =>
	isRecord(v) && isId(v.userId) ? { userId: v.userId, label: str(v.label) } : undefined;

function fieldValue(v: unknown): CustomFieldValue | undefined {
	if (v === null || isStr(v) || typeof v === "boolean" || (isNum(v) && Number.isFinite(v))) return v;
	if (Array.isArray(v) && v.every(isStr)) return [...v];
	return undefined;
}

function customField(v: unknown): DraftCustomField | undefined {
	if (!isRecord(v) || !isId(v.id)) return undefined;
	const value = fieldValue(v.value);
	return value === undefined ? undefined : { id: v.id, value, include: v.include !== false };
}

function upload(v: unknown): DraftUpload | undefined {
	if (!isRecord(v) || !isStr(v.localId) || !isStr(v.name) || !isNum(v.size) || !isNum(v.uploadedAt)) return undefined;
	return {
		localId: v.localId,
		name: v.name,
		size: v.size,
		contentType: str(v.contentType, "text/plain"),
		attachmentId: idOrNull(v.attachmentId),
		uploadedAt: v.uploadedAt,
	};
}

const attempt = (v: unknown): IdempotencyAttempt | null =>
	isRecord(v) && isStr(v.key) && v.key !== "" && isStr(v.fingerprint)
		? { key: v.key, fingerprint: v.fingerprint }
		: null;

const pendingJob = (v: unknown): PendingJob | null =>
	isRecord(v) && isStr(v.jobId) && v.jobId !== "" && isNum(v.queuedAt)
		? { jobId: v.jobId, ticketId: idOrNull(v.ticketId), queuedAt: v.queuedAt }
		: null;

const list = <T>(v: unknown, item: (x: unknown) => T | undefined, fallback: T[]): T[] =>
	Array.isArray(v) ? v.map(item).filter((x): x is T => x !== undefined) : fallback;

/** Merges a stored value over `fresh` (`createFollowUpDraft` for the same source); `fresh` if it is no draft of it. Never throws. */
export function parseFollowUpDraft(stored: unknown, fresh: FollowUpDraft): FollowUpDraft {
	if (!isRecord(stored) || stored.sourceId !== fresh.sourceId) return fresh;
	const s = stored;
	const token = isStr(s.uploadToken) && s.uploadToken !== "" ? s.uploadToken : null;
	return {
		version: fresh.version,
		sourceId: fresh.sourceId,
		mode: s.mode === "followUp" || s.mode === "linked" ? s.mode : fresh.mode,
		subject: str(s.subject, fresh.subject),
		comment: str(s.comment, fresh.comment),
		isPublic: bool(s.isPublic, fresh.isPublic),
		requester: requester(s.requester) ?? fresh.requester,
		priority: oneOf(s.priority, ["", ...TICKET_PRIORITIES], fresh.priority),
		type: oneOf(s.type, ["", ...TICKET_TYPES], fresh.type),
		tagsText: str(s.tagsText, fresh.tagsText),
		copyGroupAndAssignee: bool(s.copyGroupAndAssignee, fresh.copyGroupAndAssignee),
		emailCcs: list(s.emailCcs, cc, fresh.emailCcs),
		followers: list(s.followers, follower, fresh.followers),
		customFields: list(s.customFields, customField, fresh.customFields),
		uploadToken: token,
		uploads: token === null ? [] : list(s.uploads, upload, []),
		createAsync: bool(s.createAsync, fresh.createAsync),
		attempt: attempt(s.attempt),
		pendingJob: pendingJob(s.pendingJob),
	};
}
