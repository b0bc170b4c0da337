/**
 * The email CC cap, counted the way Zendesk counts it. Pure arithmetic over the current people and
 * the staged changes; does not produce messages (see `peopleValidation.ts`).
 */
import { sameEmail } from "../../../shared/email";
import { findOnList, samePerson } from "./peopleIdentity";
import type { CurrentPeople, PersonRef, StagedPeople } from "../../../shared/peopleTypes";

/**
 * "A ticket can only have 48 email CCs" [V GUIDE "Setting email CCs", HC-CC]. More than 48 in one
 * request is a 400; existing plus added above 48 is silently truncated, so the app enforces the cap
 * before sending rather than letting Zendesk drop people. Applied to legacy collaborators too.
 */
export const MAX_EMAIL_CCS = 48;

/** The CC numbers the counter and the validators need. */
export interface CcCounts {
	/** CCs on the ticket now. */
	current: number;
	/** CCs the ticket would have once the staged changes are applied. */
	final: number;
	/** CCs the staged changes add (distinct people not on the ticket yet). */
	added: number;
	/**
	 * `email_ccs` items the update would carry, additions and removals alike. Zendesk answers 400 to
	 * "more than 48 email CCs ... in the request"; whether removals count is not documented [U], so the
	 * app counts them, as the emulator does (never a 400, at the price of splitting a rare huge swap).
	 */
	requested: number;
	max: number;
}

/**
 * Counts CCs before and after the staged changes. Followers never count; the requester never counts
 * (Zendesk does not CC the requester); an addition of someone already a CC, or a duplicate addition,
 * counts once; removing someone who is not a CC counts nothing.
 */
export function countCcs(current: CurrentPeople, staged: StagedPeople): CcCounts {
	let final = current.ccs.length;
	let added = 0;
	let removed = 0;
	const addedRefs: PersonRef[] = [];
	const removedRefs: PersonRef[] = [];
	for (const change of staged.changes) {
		if (change.list !== "ccs") continue;
		const present = findOnList(current, "ccs", change.person) !== undefined;
		if (change.op === "remove") {
			if (present && !removedRefs.some(ref => samePerson(ref, change.person))) {
				removedRefs.push(change.person);
				final -= 1;
				removed += 1;
			}
			continue;
		}
		if (present || isRequester(current, change.person) || addedRefs.some(ref => samePerson(ref, change.person)))
			continue;
		addedRefs.push(change.person);
		final += 1;
		added += 1;
	}
	return { current: current.ccs.length, final, added, requested: added + removed, max: MAX_EMAIL_CCS };
}

/** True when the reference is the ticket's requester: same id, or the requester's email when it is known. */
export function isRequester(current: CurrentPeople, ref: PersonRef): boolean {
	if (ref.kind === "user" && current.requesterId !== null && ref.user.id === current.requesterId) return true;
	const email = ref.kind === "user" ? ref.user.email : ref.email;
	return email !== null && current.requesterEmail !== null && sameEmail(email, current.requesterEmail);
}
