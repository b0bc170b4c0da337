/**
 * What the UI shows: the lists as they will be (current people marked "removing", staged people
 * marked "adding"), the CC counter and one summary line per effective change. Pure; no translation
 * (lines carry `people.summary.*` keys).
 */
import { effectiveChanges } from "./ccDiff";
import { countCcs, type CcCounts } from "./peopleCap";
import { displayName, personKey, userRef } from "./peopleIdentity";
import type {
	CurrentPeople,
	PeopleList,
	PeopleMode,
	PersonRef,
	StagedChange,
	StagedPeople,
} from "../../../shared/peopleTypes";

/** One person as rendered in a list. */
export interface PeopleRow {
	/** Stable render key (`u:<id>` / `e:<email>`). */
	key: string;
	person: PersonRef;
	/** `current`: on the ticket, untouched; `adding` / `removing`: staged. */
	state: "current" | "adding" | "removing";
}

/** One line of the "what will change" summary: a translation key and its variables. */
export interface SummaryLine {
	code: string;
	vars: { name: string; email: string };
}

/** Everything the people section renders besides the pickers. */
export interface PeopleSummary {
	ccs: PeopleRow[];
	followers: PeopleRow[];
	counts: CcCounts;
	lines: SummaryLine[];
	/** Number of changes that would actually be sent. */
	pending: number;
}

/** Builds the rows, counter and summary. Staged no-ops (adding someone present) are shown as plain current rows. */
export function summarizePeople(current: CurrentPeople, staged: StagedPeople): PeopleSummary {
	const effective = effectiveChanges(current, staged);
	return {
		ccs: rowsFor(current, effective, "ccs"),
		followers: current.mode === "ccsAndFollowers" ? rowsFor(current, effective, "followers") : [],
		counts: countCcs(current, staged),
		lines: effective.map(change => lineFor(current.mode, change)),
		pending: effective.length,
	};
}

function rowsFor(current: CurrentPeople, effective: StagedChange[], list: PeopleList): PeopleRow[] {
	const mine = effective.filter(change => change.list === list);
	const removing = new Set(mine.filter(change => change.op === "remove").map(change => personKey(change.person)));
	const rows: PeopleRow[] = current[list].map(user => {
		const person = userRef(user);
		const key = personKey(person);
		return { key, person, state: removing.has(key) ? "removing" : "current" };
	});
	for (const change of mine) {
		if (change.op === "add") rows.push({ key: personKey(change.person), person: change.person, state: "adding" });
	}
	return rows;
}

const LINE_CODES: Record<PeopleMode, Record<PeopleList, { add: string; remove: string }>> = {
	ccsAndFollowers: {
		ccs: { add: "people.summary.addCc", remove: "people.summary.removeCc" },
		followers: { add: "people.summary.addFollower", remove: "people.summary.removeFollower" },
	},
	collaborators: {
		ccs: { add: "people.summary.addCollaborator", remove: "people.summary.removeCollaborator" },
		followers: { add: "people.summary.addCollaborator", remove: "people.summary.removeCollaborator" },
	},
	disabled: {
		ccs: { add: "people.summary.addCc", remove: "people.summary.removeCc" },
		followers: { add: "people.summary.addFollower", remove: "people.summary.removeFollower" },
	},
};

function lineFor(mode: PeopleMode, change: StagedChange): SummaryLine {
	const { person } = change;
	const email = person.kind === "user" ? (person.user.email ?? "") : person.email;
	const vars = { name: displayName(person), email };
	// A CC by an email that is not a user yet: say that Zendesk will create the user.
	if (person.kind === "email" && change.op === "add" && change.list === "ccs") {
		return { code: person.name === null ? "people.summary.addNewCc" : "people.summary.addNewNamedCc", vars };
	}
	return { code: LINE_CODES[mode][change.list][change.op], vars };
}
