/**
 * After an update: which of the sent changes did not take effect. Zendesk answers 200 and silently
 * ignores some items (a follower that does not exist or is not an agent, CCs above the cap, CCs
 * sent with an internal note), so the model re-reads the ticket and compares. Pure.
 */
import { displayName, findOnList } from "./peopleIdentity";
import type { CurrentPeople, PeopleList, StagedChange } from "../../../shared/peopleTypes";

/** A sent change that the fresh read does not reflect, with the translation key explaining it. */
export interface UnappliedChange {
	change: StagedChange;
	code: string;
	vars: { name: string };
}

const VERIFY_CODES: Record<PeopleList, Record<StagedChange["op"], string>> = {
	ccs: { add: "people.verify.notAddedCc", remove: "people.verify.notRemovedCc" },
	followers: { add: "people.verify.notAddedFollower", remove: "people.verify.notRemovedFollower" },
};

/**
 * Compares the changes that were sent with the ticket read after the update: additions whose person
 * is not on the list, removals whose person still is. Does not guess why; the message says what is
 * usually the reason.
 */
export function unappliedChanges(sent: readonly StagedChange[], after: CurrentPeople): UnappliedChange[] {
	const out: UnappliedChange[] = [];
	for (const change of sent) {
		if (after.mode === "collaborators" && change.list === "followers") continue;
		const present = findOnList(after, change.list, change.person) !== undefined;
		if ((change.op === "add") === present) continue;
		out.push({ change, code: VERIFY_CODES[change.list][change.op], vars: { name: displayName(change.person) } });
	}
	return out;
}
