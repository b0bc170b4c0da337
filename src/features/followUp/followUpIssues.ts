/**
 * The follow-up's messages: a failed create as issues next to the right fields (Zendesk's 422
 * `details` are keyed by field; its English descriptions are shown inside a translated sentence,
 * never alone nor as HTML), and one field's text. Every ApiError kind has a form-level message.
 */
import { DEFAULT_RETRY_AFTER_SECONDS, type ApiError, type ApiErrorKind } from "../../platform/api/errors";
import type { Translator } from "../../platform/i18n/createTranslator";
import type { Issue } from "../../shared/issues";
import { ERROR_KEYS } from "../../ui/ErrorNotice";
import type { FollowUpDraft } from "./rules/followUpDraft";

/** Form-level message per error kind: the shared ones, with the follow-up's own where it says more. */
export const FOLLOW_UP_ERROR_CODES: Readonly<Record<ApiErrorKind, string>> = {
	...ERROR_KEYS,
	not_found: "followUp.errors.notFound",
	too_large: "followUp.errors.tooLarge",
	timeout: "followUp.errors.timeout",
	network: "followUp.errors.network",
};

/** The form field each Zendesk `details` key belongs to (`requester` aside; anything else: `form`). */
const DETAIL_FIELDS: ReadonlyArray<[field: string, keys: readonly string[]]> = [
	["emailCcs", ["email_ccs", "collaborators", "collaborator_ids"]],
	["comment", ["comment", "description", "body"]],
	["subject", ["subject"]],
	["attachments", ["uploads", "upload", "attachments"]],
	["tags", ["tags"]],
];

function fieldFor(key: string, draft: FollowUpDraft): string {
	if (key === "requester" || key === "requester_id")
		return draft.requester.kind === "new" ? "requester.email" : "requester";
	return DETAIL_FIELDS.find(([, keys]) => keys.includes(key))?.[0] ?? "form";
}

/** Issues for a failed create: per-field for validation details, else one form-level issue. */
export function followUpErrorIssues(error: ApiError, draft: FollowUpDraft): Issue[] {
	if (error.code === "IdempotentRequestError") return [{ field: "form", code: "followUp.errors.idempotencyMismatch" }];
	if (error.kind === "not_found" && draft.uploads.length > 0)
		return [{ field: "attachments", code: "followUp.issues.uploadsExpired" }];
	if (error.kind === "too_large") return [{ field: "attachments", code: "followUp.errors.tooLarge" }];
	const issues: Issue[] = [];
	if (error.kind === "invalid" && error.details) {
		for (const [key, entries] of Object.entries(error.details)) {
			for (const entry of entries) {
				const description = typeof entry.description === "string" ? entry.description : (entry.error ?? key);
				issues.push({ field: fieldFor(key, draft), code: "followUp.errors.rejected", vars: { description } });
			}
		}
	}
	if (issues.length === 0 && error.kind === "invalid" && error.description)
		issues.push({ field: "form", code: "followUp.errors.rejected", vars: { description: error.description } });
	if (issues.length > 0) return issues;
	const issue: Issue = { field: "form", code: FOLLOW_UP_ERROR_CODES[error.kind] };
	if (error.kind === "rate_limited") issue.vars = { seconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
	return [issue];
}

/** The messages for exactly `field`, joined with a space; `null` when there are none. */
export function issueText(t: Translator["t"], issues: readonly Issue[], field: string): string | null {
	const texts = issues.filter(i => i.field === field).map(i => t(i.code, i.vars));
	return texts.length === 0 ? null : texts.join(" ");
}
