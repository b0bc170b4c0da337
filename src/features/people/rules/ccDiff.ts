/**
 * Turns staged people changes into the people part of ONE ticket update. Pure; does not validate
 * (run `validateStaged` first) and does not add `safe_update` / `updated_stamp` (the model does).
 */
import { findOnList, samePerson } from "./peopleIdentity";
import type {
	CollaboratorItem,
	CurrentPeople,
	PeopleList,
	PeoplePatch,
	PeoplePatchItem,
	PersonRef,
	StagedChange,
	StagedPeople,
} from "../../../shared/peopleTypes";

/**
 * The update for the account's mode, against `current`:
 * - `ccsAndFollowers`: `emailCcs` / `followers` items with `action: put|delete`, by user id or, for new
 *   people, by email (+ `userName` for CCs). Zendesk keeps everyone not mentioned, so concurrent
 *   additions by others survive.
 * - `collaborators`: additions only → `additionalCollaborators` (keeps the others); with any removal →
 *   `collaborators`, the full replacement list, because the legacy API can only remove by replacing.
 * - `disabled`: nothing.
 * Changes that are no-ops against `current` (adding someone present, removing someone absent) are left
 * out; keys with nothing to send are omitted, so an empty object means "nothing to update".
 */
export function diffPeople(current: CurrentPeople, staged: StagedPeople): PeoplePatch {
	const effective = effectiveChanges(current, staged);
	if (current.mode === "ccsAndFollowers") {
		const patch: PeoplePatch = {};
		const ccs = effective.filter(change => change.list === "ccs").map(toItem);
		const followers = effective.filter(change => change.list === "followers").map(toItem);
		if (ccs.length > 0) patch.emailCcs = ccs;
		if (followers.length > 0) patch.followers = followers;
		return patch;
	}
	if (current.mode === "collaborators") return diffCollaborators(current, effective);
	return {};
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

function toItem(change: StagedChange): PeoplePatchItem {
	const action = change.op === "add" ? "put" : "delete";
	const { person } = change;
	if (person.kind === "user") return { userId: person.user.id, action };
	const item: PeoplePatchItem = { userEmail: person.email, action };
	if (change.list === "ccs" && change.op === "add" && person.name !== null) item.userName = person.name;
	return item;
}

function diffCollaborators(current: CurrentPeople, effective: StagedChange[]): PeoplePatch {
	const list: PeopleList = "ccs";
	const additions = effective.filter(change => change.list === list && change.op === "add").map(c => c.person);
	const removals = effective.filter(change => change.list === list && change.op === "remove").map(c => c.person);
	if (additions.length === 0 && removals.length === 0) return {};
	if (removals.length === 0) return { additionalCollaborators: additions.map(toCollaborator) };
	const removedIds = new Set(removals.flatMap(ref => (ref.kind === "user" ? [ref.user.id] : [])));
	const kept: CollaboratorItem[] = current.ccs.filter(user => !removedIds.has(user.id)).map(user => user.id);
	return { collaborators: [...kept, ...additions.map(toCollaborator)] };
}

function toCollaborator(ref: PersonRef): CollaboratorItem {
	if (ref.kind === "user") return ref.user.id;
	return ref.name === null ? ref.email : { name: ref.name, email: ref.email };
}
