/** Checks a follow-up draft before anything is sent: `Issue[]` (empty = ready), each on its field. Never throws. */
import { emailProblem, splitEmailList, TYPED_EMAIL_PROBLEMS } from "../../../shared/email";
import { MAX_ATTACHMENTS } from "./attachments";
import { emailCcsPayload } from "./followUpPayload";
import { followUpModeFor, parseTags, TAGS_MAX_LENGTH } from "./followUpDraft";
import type { FollowUpDraft, FollowUpSource, RequesterChoice } from "./followUpDraft";
import type { Issue } from "../../../shared/issues";
import { isId, type Id } from "../../../shared/ticketTypes";

/** At most 48 email CCs per ticket; more in one request is a 400 (GUIDE "Setting email CCs"). */
export const MAX_EMAIL_CCS = 48;

/** Longest subject we send; our own cap (no documented API limit) to catch accidental pastes. */
const SUBJECT_MAX_LENGTH = 255;

/** Upload tokens are valid for 60 minutes (OAS UploadFiles), minus a minute of margin for the request. */
export const UPLOAD_TOKEN_LIFETIME_MS = 59 * 60 * 1000;

/** What the validator needs besides the draft. */
export interface FollowUpValidationContext {
	/** The source as it is now (re-read before sending): its status decides the mode. */
	source: FollowUpSource;
	/** For upload expiry (ms since epoch). */
	now: number;
	/** The account's locale ids, when known. */
	knownLocaleIds?: readonly Id[] | undefined;
	/** Files still uploading or waiting to upload. */
	uploadsInFlight?: number;
}

/** All problems with the draft, in form order. */
export function validateFollowUpDraft(draft: FollowUpDraft, context: FollowUpValidationContext): Issue[] {
	const { source } = context;
	const issues: Issue[] = [];
	const mode = followUpModeFor(source.status);
	if (draft.mode !== mode)
		issues.push({
			field: "form",
			code: mode === "followUp" ? "followUp.issues.sourceClosedMeanwhile" : "followUp.issues.sourceReopenedMeanwhile",
			vars: { id: source.id },
		});
	if (draft.subject.trim().length > SUBJECT_MAX_LENGTH)
		issues.push({ field: "subject", code: "followUp.issues.subjectTooLong", vars: { max: SUBJECT_MAX_LENGTH } });
	if (draft.comment.trim() === "") issues.push({ field: "comment", code: "followUp.issues.commentEmpty" });
	issues.push(...validateRequesterChoice(draft.requester, source.requesterId, context.knownLocaleIds));
	issues.push(...validateCcs(draft));
	const tags = parseTags(draft.tagsText);
	if (tags.join(" ").length > TAGS_MAX_LENGTH)
		issues.push({ field: "tags", code: "followUp.issues.tagsTooLong", vars: { max: TAGS_MAX_LENGTH } });
	issues.push(...validateUploads(draft, context));
	return issues;
}

/** The problem of one CC address on `field`, or `null` when it can be sent. */
function ccEmailIssue(email: string, field: string): Issue | null {
	const problem = emailProblem(email);
	if (problem === null) return null;
	const code = TYPED_EMAIL_PROBLEMS[problem] ?? "followUp.issues.ccEmailInvalid";
	return { field, code, vars: { email: email.trim() } };
}

/**
 * The problems of the CC picker's text (each address as `addCcEmails` lists it), on `emailCcsInput`.
 * Text without an @ is a name being searched, so only a look-alike or a spelled-out "at" is named.
 */
export function typedCcIssues(text: string): Issue[] {
	return splitEmailList(text).flatMap(email => {
		const issue = ccEmailIssue(email, "emailCcsInput");
		return issue !== null && (email.includes("@") || issue.code.startsWith("email.")) ? [issue] : [];
	});
}

/** The problems of the listed email CCs, each on `emailCcs.<index>`. */
export function listedCcIssues(draft: FollowUpDraft): Issue[] {
	return draft.emailCcs.flatMap((cc, index) =>
		cc.kind === "email" ? (ccEmailIssue(cc.email, `emailCcs.${index}`) ?? []) : [],
	);
}

function validateCcs(draft: FollowUpDraft): Issue[] {
	const issues = listedCcIssues(draft);
	const count = emailCcsPayload(draft).length; // duplicates by id or email counted once
	if (count > MAX_EMAIL_CCS)
		issues.push({ field: "emailCcs", code: "followUp.issues.tooManyCcs", vars: { max: MAX_EMAIL_CCS, count } });
	return issues;
}

function validateUploads(draft: FollowUpDraft, context: FollowUpValidationContext): Issue[] {
	const issues: Issue[] = [];
	if ((context.uploadsInFlight ?? 0) > 0)
		issues.push({ field: "attachments", code: "followUp.issues.uploadsInFlight" });
	if (draft.uploads.length > MAX_ATTACHMENTS)
		issues.push({ field: "attachments", code: "followUp.issues.tooManyAttachments", vars: { max: MAX_ATTACHMENTS } });
	const oldest = Math.min(...draft.uploads.map(u => u.uploadedAt));
	if (draft.uploads.length > 0 && context.now - oldest > UPLOAD_TOKEN_LIFETIME_MS)
		issues.push({ field: "attachments", code: "followUp.issues.uploadsExpired" });
	return issues;
}

/** Longest requester name we send; our own cap (Zendesk documents none) against pasted garbage. */
const REQUESTER_NAME_MAX_LENGTH = 255;

/** Checks a requester choice; `knownLocaleIds`, when given, restricts `localeId` to the account's locales. */
export function validateRequesterChoice(
	choice: RequesterChoice,
	sourceRequesterId: Id | null,
	knownLocaleIds?: readonly Id[],
): Issue[] {
	switch (choice.kind) {
		case "same":
			return sourceRequesterId === null ? [{ field: "requester", code: "followUp.issues.requesterSourceMissing" }] : [];
		case "existing":
			return choice.userId === null ? [{ field: "requester", code: "followUp.issues.requesterNotChosen" }] : [];
		case "new": {
			const issues: Issue[] = [];
			const name = choice.name.trim();
			if (name === "") issues.push({ field: "requester.name", code: "followUp.issues.requesterNameEmpty" });
			else if (name.length > REQUESTER_NAME_MAX_LENGTH) {
				const max = REQUESTER_NAME_MAX_LENGTH;
				issues.push({ field: "requester.name", code: "followUp.issues.requesterNameTooLong", vars: { max } });
			}
			const problem = emailProblem(choice.email);
			if (problem === "empty") issues.push({ field: "requester.email", code: "followUp.issues.requesterEmailEmpty" });
			else if (problem !== null)
				issues.push({
					field: "requester.email",
					code: "followUp.issues.requesterEmailInvalid",
					vars: { email: choice.email.trim() },
				});
			if (choice.localeId !== null) {
				if (!isId(choice.localeId) || (knownLocaleIds !== undefined && !knownLocaleIds.includes(choice.localeId)))
					issues.push({ field: "requester.locale", code: "followUp.issues.requesterLocaleUnknown" });
			}
			return issues;
		}
	}
}
