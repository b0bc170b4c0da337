/**
 * Staged people changes on their way, pure: what will change, the people part of ONE update (never a comment: an
 * internal note makes Zendesk drop CC changes), the rebase, the writer's plan, which sent changes did not take.
 */
import type {
	CollaboratorItem,
	CurrentPeople,
	PeopleList,
	PeoplePatch,
	PeoplePatchItem,
	PeopleRules,
	PersonRef,
	PersonUser,
	StagedChange,
	StagedPeople,
} from "../../../shared/peopleTypes";
import {
	countCcs,
	displayName,
	findOnList,
	isRequester,
	personKey,
	refMatchesUser,
	samePerson,
	userRef,
	validateStaged,
} from "./stagedPeople";

/**
 * The update against `current`, without no-ops. `ccsAndFollowers`: items by user id, or email (+ `userName`); Zendesk
 * keeps everyone not mentioned. `collaborators`: additions alone → `additionalCollaborators`; with a removal the full
 * `collaborators` list (the legacy API removes only by replacing). `disabled`: `{}`.
 */
export function diffPeople(current: CurrentPeople, staged: StagedPeople): PeoplePatch {
	const effective = effectiveChanges(current, staged);
	const on = (list: PeopleList, op?: StagedChange["op"]) =>
		effective.filter(change => change.list === list && (op === undefined || change.op === op));
	if (current.mode === "ccsAndFollowers") {
		const [ccs, followers] = [on("ccs").map(toItem), on("followers").map(toItem)];
		return { ...(ccs.length > 0 ? { emailCcs: ccs } : {}), ...(followers.length > 0 ? { followers } : {}) };
	}
	if (current.mode === "disabled") return {};
	const additions = on("ccs", "add").map(change => toCollaborator(change.person));
	const removals = on("ccs", "remove");
	if (removals.length === 0) return additions.length > 0 ? { additionalCollaborators: additions } : {};
	const removedIds = new Set(removals.flatMap(({ person }) => (person.kind === "user" ? [person.user.id] : [])));
	return {
		collaborators: [...current.ccs.filter(user => !removedIds.has(user.id)).map(user => user.id), ...additions],
	};
}

/** True when the patch would change nothing. A `collaborators` list, even empty, replaces the list, so it counts. */
export function isPatchEmpty(patch: PeoplePatch): boolean {
	if (patch.collaborators !== undefined) return false;
	return [patch.emailCcs, patch.followers, patch.additionalCollaborators].every(items => (items?.length ?? 0) === 0);
}

/** The staged changes that change something against `current`, without duplicates, in staging order. */
export function effectiveChanges(current: CurrentPeople, staged: StagedPeople): StagedChange[] {
	const out: StagedChange[] = [];
	for (const change of staged.changes) {
		if (current.mode === "collaborators" && change.list === "followers") continue; // no such list
		const present = findOnList(current, change.list, change.person) !== undefined;
		if ((change.op === "add") === present) continue;
		if (out.some(other => other.list === change.list && samePerson(other.person, change.person))) continue;
		out.push(change);
	}
	return out;
}

/** One person as rendered in a list: untouched (`current`), or staged; `key`: `u:<id>` / `e:<email>`. */
export interface PeopleRow {
	key: string;
	person: PersonRef;
	state: "current" | "adding" | "removing";
}

/** One line of the "what will change" summary: a translation key and its variables. */
export interface SummaryLine {
	code: string;
	vars: { name: string; email: string };
}

const LINE_CODES = {
	ccs: { add: "people.summary.addCc", remove: "people.summary.removeCc" },
	followers: { add: "people.summary.addFollower", remove: "people.summary.removeFollower" },
	collaborators: { add: "people.summary.addCollaborator", remove: "people.summary.removeCollaborator" },
};

/** The lists as they will be (staged no-ops as plain rows), the CC counts, a `people.summary.*` line per change. */
export function summarizePeople(current: CurrentPeople, staged: StagedPeople) {
	const effective = effectiveChanges(current, staged);
	const row = (person: PersonRef, state: PeopleRow["state"]) => ({ key: personKey(person), person, state });
	const rows = (list: PeopleList): PeopleRow[] => {
		const mine = effective.filter(change => change.list === list);
		const removing = new Set(mine.filter(change => change.op === "remove").map(change => personKey(change.person)));
		const kept = current[list].map(userRef).map(ref => row(ref, removing.has(personKey(ref)) ? "removing" : "current"));
		return [...kept, ...mine.filter(change => change.op === "add").map(change => row(change.person, "adding"))];
	};
	const line = ({ list, op, person }: StagedChange): SummaryLine => {
		const email = person.kind === "user" ? (person.user.email ?? "") : person.email;
		const vars = { name: displayName(person), email };
		// A CC by an email that is not a user yet: say that Zendesk will create the user.
		if (person.kind === "email" && op === "add" && list === "ccs") {
			return { code: person.name === null ? "people.summary.addNewCc" : "people.summary.addNewNamedCc", vars };
		}
		return { code: LINE_CODES[current.mode === "collaborators" ? "collaborators" : list][op], vars };
	};
	return {
		ccs: rows("ccs"),
		followers: current.mode === "ccsAndFollowers" ? rows("followers") : [],
		counts: countCcs(current, staged),
		lines: effective.map(line),
		/** Number of changes that would actually be sent. */
		pending: effective.length,
	};
}

/** Everything the editor renders besides the pickers. */
export type PeopleSummary = ReturnType<typeof summarizePeople>;

function toItem(change: StagedChange): PeoplePatchItem {
	const action = change.op === "add" ? "put" : "delete";
	const { person } = change;
	if (person.kind === "user") return { userId: person.user.id, action };
	const item: PeoplePatchItem = { userEmail: person.email, action };
	if (change.list === "ccs" && change.op === "add" && person.name !== null) item.userName = person.name;
	return item;
}

function toCollaborator(ref: PersonRef): CollaboratorItem {
	if (ref.kind === "user") return ref.user.id;
	return ref.name === null ? ref.email : { name: ref.name, email: ref.email };
}

/** The people patch as Zendesk's update body; the writer adds `safe_update`, `updated_stamp`, metadata. */
export function toPeopleUpdateInput(patch: PeoplePatch) {
	// `user_id` is a string in Zendesk's docs and OAS examples; send it that way.
	const wire = (item: PeoplePatchItem) => ({
		...(item.userId !== undefined ? { user_id: String(item.userId) } : {}),
		...(item.userEmail !== undefined ? { user_email: item.userEmail } : {}),
		...(item.userName !== undefined ? { user_name: item.userName } : {}),
		action: item.action,
	});
	return {
		...(patch.emailCcs !== undefined ? { email_ccs: patch.emailCcs.map(wire) } : {}),
		...(patch.followers !== undefined ? { followers: patch.followers.map(wire) } : {}),
		...(patch.collaborators !== undefined ? { collaborators: [...patch.collaborators] } : {}),
		...(patch.additionalCollaborators !== undefined
			? { additional_collaborators: [...patch.additionalCollaborators] }
			: {}),
	};
}

/** Something the agent should be told about a rebase: a translation key and its variables. */
export interface RebaseNote {
	code: string;
	vars: Record<string, string | number>;
	/** True when the app must not re-send on its own: the agent has to look first. */
	blocking: boolean;
}

/** What someone else changed between two reads. */
export interface ExternalChange {
	list: PeopleList;
	op: "add" | "remove";
	user: PersonUser;
}

const NOTE_CODES = {
	ccs: { add: "people.rebase.alreadyAddedCc", remove: "people.rebase.alreadyRemovedCc" },
	followers: { add: "people.rebase.alreadyAddedFollower", remove: "people.rebase.alreadyRemovedFollower" },
};

/**
 * Re-applies `staged` (against `previous`) on `fresh`: no-ops and a CC of the (new) requester dropped with a note, the
 * rest kept with the fresh user. The cap and a mode switch are blocking notes (`ambiguous`: no retry on its own).
 */
export function rebasePeople(staged: StagedPeople, previous: CurrentPeople, fresh: CurrentPeople) {
	const notes: RebaseNote[] = [];
	const kept: StagedChange[] = [];
	for (const change of staged.changes) {
		// An email that has become a known user is that user now.
		const known = [...fresh.ccs, ...fresh.followers].find(user => refMatchesUser(change.person, user));
		const person = known === undefined ? change.person : userRef(known);
		const vars = { name: displayName(person) };
		if ((change.op === "add") === (findOnList(fresh, change.list, person) !== undefined)) {
			notes.push({ code: NOTE_CODES[change.list][change.op], vars, blocking: false });
		} else if (change.op === "add" && change.list === "ccs" && isRequester(fresh, person)) {
			notes.push({ code: "people.rebase.becameRequester", vars, blocking: false });
		} else kept.push({ ...change, person });
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

/** What the writer sends: the patch planned against `base` (the snapshot whose stamp goes with it). */
export interface PeoplePayload {
	patch: PeoplePatch;
	base: CurrentPeople;
	changes: StagedChange[];
}

/** The writer's `Plan<PeoplePayload, StagedPeople>`, spelled out: rules import no ticket core. */
export type PeopleDecision =
	{ kind: "send"; payload: PeoplePayload } | { kind: "noop" } | { kind: "ask"; conflicts: StagedPeople };

/** The note added when a second collision stops the automatic retry. */
const CONFLICT_AGAIN: RebaseNote = { code: "people.rebase.conflictAgain", vars: {}, blocking: true };

/**
 * The writer's plan for `intent` (staged against `base`), keeping notes, others' changes and what it sent. Re-applies
 * the intent on each snapshot, retries ONE collision itself; ambiguous, a second collision, or no longer valid → `ask`
 * (the rebased changes to review); nothing left to send → `noop`.
 */
export function createPeopleSavePlan(intent: StagedPeople, base: CurrentPeople, rules: PeopleRules) {
	let rebases = 0;
	const state = { notes: [] as RebaseNote[], external: [] as ExternalChange[], sent: null as PeoplePayload | null };
	const plan = (snapshot: CurrentPeople, rebased: boolean): PeopleDecision => {
		// A first attempt may get a snapshot newer than `base` (the writer keeps the newest ticket it has
		// seen), so the intent is always re-applied; only a collision counts against the single retry.
		if (rebased) rebases++;
		const result = rebasePeople(intent, base, snapshot);
		state.notes = result.notes;
		state.external = result.external;
		const next = result.staged;
		if (result.ambiguous) return { kind: "ask", conflicts: next };
		const patch = diffPeople(snapshot, next);
		if (isPatchEmpty(patch)) return { kind: "noop" };
		// A second collision means the ticket is busy: let the agent look.
		if (rebases > 1) state.notes = [...state.notes, CONFLICT_AGAIN];
		if (rebases > 1 || validateStaged({ current: snapshot, staged: next, rules }).length > 0) {
			return { kind: "ask", conflicts: next };
		}
		state.sent = { patch, base: snapshot, changes: effectiveChanges(snapshot, next) };
		return { kind: "send", payload: state.sent };
	};
	return Object.assign(state, { plan });
}

/** A sent change that the fresh read does not reflect, with the translation key explaining it. */
export interface UnappliedChange {
	change: StagedChange;
	code: string;
	vars: { name: string };
}

const VERIFY_CODES = {
	ccs: { add: "people.verify.notAddedCc", remove: "people.verify.notRemovedCc" },
	followers: { add: "people.verify.notAddedFollower", remove: "people.verify.notRemovedFollower" },
};

/**
 * Sent changes the ticket after the update does not reflect: Zendesk answers 200 and ignores some (a follower who is no
 * agent, CCs above the cap or with an internal note). Does not guess why; the message says the usual reason.
 */
export function unappliedChanges(sent: readonly StagedChange[], after: CurrentPeople): UnappliedChange[] {
	const missed = (change: StagedChange) =>
		!(after.mode === "collaborators" && change.list === "followers") &&
		(change.op === "add") !== (findOnList(after, change.list, change.person) !== undefined);
	const code = (change: StagedChange) => VERIFY_CODES[change.list][change.op];
	return sent
		.filter(missed)
		.map(change => ({ change, code: code(change), vars: { name: displayName(change.person) } }));
}
