/**
 * Small pure edits of a follow-up draft (what the form's buttons do). Each returns a new draft
 * and keeps whatever the agent typed, valid or not: validation reports problems, edits never
 * drop input.
 */
import { sameEmail, splitEmailList } from "../../../shared/email";
import type { CcEntry, FollowUpDraft } from "./followUpDraft";
import type { Id } from "./followUpTypes";

/** Adds typed addresses ("a@x.io, b@y.io") as CCs, skipping ones already listed. Invalid ones are kept (and flagged by validation). */
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
