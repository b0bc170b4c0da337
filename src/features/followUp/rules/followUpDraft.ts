/**
 * The follow-up draft: everything the agent has typed or chosen, as plain JSON so it survives a
 * failure and a reload of the panel (persisted per ticket and agent by the model).
 */
import type { IdempotencyAttempt } from "../../../shared/idempotencyKey";
import type { RequesterChoice } from "./requesterChoice";
import type { CustomFieldValue, FollowUpMode, FollowUpSource, Id, TicketPriority, TicketType } from "./followUpTypes";
import { followUpModeFor } from "./followUpTypes";

/** Bumped when the stored shape changes incompatibly; older drafts are salvaged field by field. */
export const FOLLOW_UP_DRAFT_VERSION = 1;

/** An email CC: an existing user (by id), or an address typed by the agent (kept as typed). */
export type CcEntry = { kind: "user"; userId: Id; label: string } | { kind: "email"; email: string; name: string };

/** A follower (agents only). `label` is for display; `""` until the model has looked the user up. */
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
	/** Our own id for the list (stable across reloads). */
	localId: string;
	name: string;
	size: number;
	contentType: string;
	/** Zendesk's attachment id, when the upload answer carried one. */
	attachmentId: Id | null;
	/** When it was uploaded (ms since epoch): upload tokens expire after 60 minutes. */
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
	/** Decided from the source's status when the draft was prepared; re-checked before sending. */
	mode: FollowUpMode;
	subject: string;
	comment: string;
	isPublic: boolean;
	requester: RequesterChoice;
	priority: TicketPriority | "";
	type: TicketType | "";
	/** Tags as typed (space or comma separated); parsed with `parseTags` when sending. */
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

/**
 * A fresh draft prefilled from the source: its subject, requester, tags, CCs, followers and
 * custom field values. Priority and type start empty and group/assignee are not copied, as
 * Zendesk's own follow-ups do. Does not read storage.
 */
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
