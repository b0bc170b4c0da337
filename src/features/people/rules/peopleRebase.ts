/**
 * Rebase: re-applies the agent's staged intent on top of a fresh read of the ticket (after a
 * `ticket.updated` event or a 409 UpdateConflict) and reports what changed. Pure; it never sends
 * anything and never drops a change that still means something.
 */
import { countCcs, isRequester } from "./peopleCap";
import { displayName, findOnList, refMatchesUser, userRef } from "./peopleIdentity";
import type {
	CurrentPeople,
	PeopleList,
	PersonRef,
	PersonUser,
	StagedChange,
	StagedPeople,
} from "../../../shared/peopleTypes";

/** Something the agent should be told about the rebase: a translation key and its variables. */
export interface RebaseNote {
	code: string;
	vars: Record<string, string | number>;
	/** True when the app must not re-send on its own: the agent has to look first. */
	blocking: boolean;
}

/** What someone else changed between the two reads. */
export interface ExternalChange {
	list: PeopleList;
	op: "add" | "remove";
	user: PersonUser;
}

/** The outcome of a rebase. */
export interface RebaseResult {
	/** The staged changes that still mean something, with user details refreshed from the fresh read. */
	staged: StagedPeople;
	/** Notable outcomes, in staging order; empty when every change was kept as is. */
	notes: RebaseNote[];
	/** What changed on the ticket meanwhile (by someone else, or by a trigger). */
	external: ExternalChange[];
	/** True when a note is blocking: do not retry automatically. */
	ambiguous: boolean;
}

/**
 * Re-applies `staged` on `fresh`. An addition of someone already there and a removal of someone
 * already gone become no-ops (dropped, with a note); a CC addition of the (new) requester is dropped;
 * every other change is kept. The CC cap is re-checked on the result and a mode switch is flagged;
 * both are blocking. `previous` is the read the changes were staged against.
 */
export function rebasePeople(staged: StagedPeople, previous: CurrentPeople, fresh: CurrentPeople): RebaseResult {
	const notes: RebaseNote[] = [];
	const kept: StagedChange[] = [];
	for (const change of staged.changes) {
		const person = refresh(change.person, fresh);
		const name = displayName(person);
		const present = findOnList(fresh, change.list, person) !== undefined;
		if (change.op === "add" && present) {
			notes.push({ code: noteCode(change.list, "alreadyAdded"), vars: { name }, blocking: false });
			continue;
		}
		if (change.op === "remove" && !present) {
			notes.push({ code: noteCode(change.list, "alreadyRemoved"), vars: { name }, blocking: false });
			continue;
		}
		if (change.op === "add" && change.list === "ccs" && isRequester(fresh, person)) {
			notes.push({ code: "people.rebase.becameRequester", vars: { name }, blocking: false });
			continue;
		}
		kept.push({ ...change, person });
	}
	if (previous.mode !== fresh.mode) notes.push({ code: "people.rebase.modeChanged", vars: {}, blocking: true });
	const next: StagedPeople = { changes: kept };
	const counts = countCcs(fresh, next);
	// Only additions can break the cap; removals alone are always allowed to go through.
	if (counts.final > counts.max && counts.added > 0) {
		notes.push({ code: "people.rebase.capExceeded", vars: { count: counts.final, max: counts.max }, blocking: true });
	}
	return {
		staged: next,
		notes,
		external: externalChanges(previous, fresh),
		ambiguous: notes.some(note => note.blocking),
	};
}

/** Who was added to or removed from each list between two reads, in list order. */
export function externalChanges(previous: CurrentPeople, fresh: CurrentPeople): ExternalChange[] {
	const out: ExternalChange[] = [];
	for (const list of ["ccs", "followers"] as const) {
		const before = new Set(previous[list].map(user => user.id));
		const after = new Set(fresh[list].map(user => user.id));
		for (const user of fresh[list]) if (!before.has(user.id)) out.push({ list, op: "add", user });
		for (const user of previous[list]) if (!after.has(user.id)) out.push({ list, op: "remove", user });
	}
	return out;
}

/** Prefers the fresh read's copy of a user; turns an email that has become a known user into that user. */
function refresh(ref: PersonRef, fresh: CurrentPeople): PersonRef {
	const known = [...fresh.ccs, ...fresh.followers].find(user => refMatchesUser(ref, user));
	return known === undefined ? ref : userRef(known);
}

const NOTE_CODES: Record<PeopleList, Record<"alreadyAdded" | "alreadyRemoved", string>> = {
	ccs: { alreadyAdded: "people.rebase.alreadyAddedCc", alreadyRemoved: "people.rebase.alreadyRemovedCc" },
	followers: {
		alreadyAdded: "people.rebase.alreadyAddedFollower",
		alreadyRemoved: "people.rebase.alreadyRemovedFollower",
	},
};

function noteCode(list: PeopleList, what: "alreadyAdded" | "alreadyRemoved"): string {
	return NOTE_CODES[list][what];
}
