/**
 * The `POST /api/v2/tickets` body for a follow-up draft, snake_case as Zendesk documents it (GUIDE).
 * A closed source gets `via_followup_source_id`; any other a normal ticket whose first comment
 * says which ticket it continues: never a follow-up claimed when it is not.
 */
import { normalizeEmail, sameEmail } from "../../../shared/email";
import type { CustomFieldValue, Id, TicketPriority, TicketType } from "../../../shared/ticketTypes";
import { followUpModeFor, parseTags } from "./followUpDraft";
import type { FollowUpDraft, FollowUpMode, FollowUpSource, RequesterChoice } from "./followUpDraft";

/** One `email_ccs` entry (GUIDE "Setting email CCs"); we only ever add. */
export type EmailCcPayload = { user_id: Id; action: "put" } | { user_email: string; user_name?: string; action: "put" };

/** The requester part of a create body: `requester_id`, or `requester` for a new one. */
export type RequesterPayload = { requester_id: Id } | { requester: { name: string; email: string; locale_id?: Id } };

/** The `ticket` object of the create body. */
export type FollowUpTicketPayload = {
	subject?: string;
	comment: { body: string; public: boolean; uploads?: string[] };
	via_followup_source_id?: Id;
	priority?: TicketPriority;
	type?: TicketType;
	tags: string[];
	group_id?: Id;
	assignee_id?: Id;
	email_ccs?: EmailCcPayload[];
	followers?: Array<{ user_id: Id; action: "put" }>;
	custom_fields?: Array<{ id: Id; value: CustomFieldValue }>;
} & RequesterPayload;

/** The built request: which kind of ticket it makes, and the body to send. */
export interface FollowUpRequest {
	mode: FollowUpMode;
	body: { ticket: FollowUpTicketPayload };
}

/**
 * The create body for `draft` against the source as it is now; `linkedNote` (translated) ends a linked
 * ticket's comment. `null` when the requester cannot be expressed. Validates nothing (`validateFollowUpDraft`).
 */
export function buildFollowUpPayload(
	source: FollowUpSource,
	draft: FollowUpDraft,
	texts: { linkedNote: string },
): FollowUpRequest | null {
	const requester = requesterPayload(draft.requester, source.requesterId);
	if (requester === null) return null;
	const mode = followUpModeFor(source.status);
	const comment = draft.comment.trim();
	const ticket: FollowUpTicketPayload = {
		...requester,
		comment: {
			body: mode === "followUp" ? comment : `${comment}\n\n${texts.linkedNote}`,
			public: draft.isPublic,
		},
		// Always explicit: a follow-up would otherwise inherit the original's tags, a linked ticket would not.
		tags: parseTags(draft.tagsText),
	};
	if (mode === "followUp") ticket.via_followup_source_id = source.id;
	const subject = draft.subject.trim();
	if (subject !== "") ticket.subject = subject;
	if (draft.uploadToken !== null && draft.uploads.length > 0) ticket.comment.uploads = [draft.uploadToken];
	if (draft.priority !== "") ticket.priority = draft.priority;
	if (draft.type !== "") ticket.type = draft.type;
	if (draft.copyGroupAndAssignee) {
		if (source.groupId !== null) ticket.group_id = source.groupId;
		if (source.assigneeId !== null) ticket.assignee_id = source.assigneeId;
	}
	const ccs = emailCcsPayload(draft);
	if (ccs.length > 0) ticket.email_ccs = ccs;
	const followerIds = [...new Set(draft.followers.map(f => f.userId))];
	if (followerIds.length > 0) ticket.followers = followerIds.map(user_id => ({ user_id, action: "put" }));
	const fields = draft.customFields.filter(f => f.include).map(f => ({ id: f.id, value: f.value }));
	if (fields.length > 0) ticket.custom_fields = fields;
	return { mode, body: { ticket } };
}

/** Distinct CCs in draft order: users by id, typed addresses by email (case-insensitive). */
export function emailCcsPayload(draft: FollowUpDraft): EmailCcPayload[] {
	const out: EmailCcPayload[] = [];
	for (const cc of draft.emailCcs) {
		if (cc.kind === "user") {
			if (!out.some(o => "user_id" in o && o.user_id === cc.userId)) out.push({ user_id: cc.userId, action: "put" });
			continue;
		}
		if (out.some(o => "user_email" in o && sameEmail(o.user_email, cc.email))) continue;
		const [user_email, user_name] = [normalizeEmail(cc.email), cc.name.trim()];
		out.push(user_name === "" ? { user_email, action: "put" } : { user_email, user_name, action: "put" });
	}
	return out;
}

/** The requester part of the create body; `null` when it cannot be expressed (no user picked, no original requester). */
export function requesterPayload(choice: RequesterChoice, sourceRequesterId: Id | null): RequesterPayload | null {
	switch (choice.kind) {
		case "same":
			return sourceRequesterId === null ? null : { requester_id: sourceRequesterId };
		case "existing":
			return choice.userId === null ? null : { requester_id: choice.userId };
		case "new": {
			// An existing email makes Zendesk reuse that user unchanged (GUIDE); name and locale then do nothing.
			const requester = { name: choice.name.trim(), email: normalizeEmail(choice.email) };
			return { requester: choice.localeId === null ? requester : { ...requester, locale_id: choice.localeId } };
		}
	}
}
