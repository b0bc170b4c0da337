/**
 * The email CC cap, counted the way Zendesk counts it. Pure arithmetic over the current people and
 * the staged changes; does not produce messages (see `peopleValidation.ts`).
 */
import { sameEmail } from "./email";
import { findOnList, samePerson } from "./peopleIdentity";
import type { CurrentPeople, PersonRef, StagedPeople } from "./peopleTypes";

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
	/** `email_ccs` items with `action: put` the update would carry (what Zendesk's 400 counts). */
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
	let requested = 0;
	const added: PersonRef[] = [];
	for (const change of staged.changes) {
		if (change.list !== "ccs") continue;
		const present = findOnList(current, "ccs", change.person) !== undefined;
		if (change.op === "remove") {
			if (present) final -= 1;
			continue;
		}
		if (present || isRequester(current, change.person) || added.some(ref => samePerson(ref, change.person))) continue;
		added.push(change.person);
		final += 1;
		requested += 1;
	}
	return { current: current.ccs.length, final, requested, max: MAX_EMAIL_CCS };
}

/** True when the reference is the ticket's requester: same id, or the requester's email when it is known. */
export function isRequester(current: CurrentPeople, ref: PersonRef): boolean {
	if (ref.kind === "user" && current.requesterId !== null && ref.user.id === current.requesterId) return true;
	const email = ref.kind === "user" ? ref.user.email : ref.email;
	return email !== null && current.requesterEmail !== null && sameEmail(email, current.requesterEmail);
}
