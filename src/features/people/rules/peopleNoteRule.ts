/**
 * "Email CCs will not be updated if an internal note is also added to the ticket in the same update"
 * [V GUIDE "Setting email CCs"]. Zendesk drops the CC changes without an error, so the app never
 * combines the two: this guard finds such an update before it is sent. Pure; it does not split the
 * update (the caller sends the CC changes on their own).
 */
import type { Issue } from "../../../shared/issues";
import type { PeoplePatch } from "../../../shared/peopleTypes";

/** The comment part of an update as far as this rule cares. */
export interface CommentLike {
	/** `false` = internal note. Absent = the account default, which may be private. */
	public?: boolean;
}

/**
 * True when `comment` would be (or may be) an internal note. A comment without an explicit
 * `public: true` counts, because its privacy then depends on account settings the rule can't see
 * (open question 4 in zendesk-ticket-api.md §17).
 */
export function isPossiblyInternalNote(comment: CommentLike | null | undefined): boolean {
	return comment !== null && comment !== undefined && comment.public !== true;
}

/**
 * An issue when the update carries email CC changes together with a (possible) internal note, else
 * `null`. Followers and legacy collaborators are not affected by the rule and pass.
 */
export function noteWithCcsIssue(patch: PeoplePatch, comment: CommentLike | null | undefined): Issue | null {
	const changesCcs = (patch.emailCcs?.length ?? 0) > 0;
	if (!changesCcs || !isPossiblyInternalNote(comment)) return null;
	return { field: "form", code: "people.issues.noteWithCcs" };
}
