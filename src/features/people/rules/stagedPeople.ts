/**
 * The staged-changes model as data: additions and removals of CCs and followers that the agent has
 * made but not applied. Every function returns a new value; none validates (see `peopleValidation.ts`)
 * and none looks at the ticket, except `pruneNoOps`.
 */
import { emailProblem, normalizeEmail } from "../../../shared/email";
import { findOnList, samePerson } from "./peopleIdentity";
import type {
	CurrentPeople,
	PeopleList,
	PersonRef,
	PersonUser,
	StagedChange,
	StagedPeople,
} from "../../../shared/peopleTypes";
import { isRecord } from "../../../shared/isRecord";

/** Nothing staged. */
export const EMPTY_STAGED: StagedPeople = { changes: [] };

/** True when nothing is staged. */
export function isStagedEmpty(staged: StagedPeople): boolean {
	return staged.changes.length === 0;
}

/**
 * Stages adding `person` to `list`. Adding someone whose removal is staged cancels that removal;
 * adding someone already staged for addition changes nothing.
 */
export function stageAdd(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedPeople {
	return stage(staged, { list, op: "add", person });
}

/**
 * Stages removing `person` from `list`. Removing someone whose addition is staged cancels that addition;
 * removing someone already staged for removal changes nothing.
 */
export function stageRemove(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedPeople {
	return stage(staged, { list, op: "remove", person });
}

/** Drops the staged change(s) about `person` on `list`, whatever their direction. */
export function unstage(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedPeople {
	const changes = staged.changes.filter(change => !(change.list === list && samePerson(change.person, person)));
	return changes.length === staged.changes.length ? staged : { changes };
}

/** The staged change about `person` on `list`, if any. */
export function stagedChangeFor(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedChange | undefined {
	return staged.changes.find(change => change.list === list && samePerson(change.person, person));
}

/**
 * Drops changes that no longer change anything against `current`: additions of someone already on the
 * list and removals of someone not on it. Returns the kept and the dropped changes, in order.
 */
export function pruneNoOps(
	staged: StagedPeople,
	current: CurrentPeople,
): { staged: StagedPeople; dropped: StagedChange[] } {
	const kept: StagedChange[] = [];
	const dropped: StagedChange[] = [];
	for (const change of staged.changes) {
		const present = findOnList(current, change.list, change.person) !== undefined;
		if ((change.op === "add") === present) dropped.push(change);
		else kept.push(change);
	}
	return { staged: dropped.length === 0 ? staged : { changes: kept }, dropped };
}

function stage(staged: StagedPeople, next: StagedChange): StagedPeople {
	const existing = stagedChangeFor(staged, next.list, next.person);
	if (existing === undefined) return { changes: [...staged.changes, next] };
	if (existing.op === next.op) return staged;
	// Opposite direction: the two cancel out, so the person is back to how Zendesk has them.
	return unstage(staged, next.list, next.person);
}

/**
 * Reads staged changes back from storage. Returns `null` for anything that is not a well-formed
 * value (never throws); drops individual malformed changes rather than the whole set.
 */
export function parseStaged(raw: unknown): StagedPeople | null {
	if (typeof raw === "string") {
		try {
			return parseStaged(JSON.parse(raw));
		} catch {
			return null;
		}
	}
	if (!isRecord(raw) || !Array.isArray(raw.changes)) return null;
	const changes: StagedChange[] = [];
	for (const item of raw.changes) {
		const change = parseChange(item);
		if (change !== null) changes.push(change);
	}
	return { changes };
}

/** The storage form of staged changes (JSON). `parseStaged` reads it back. */
export function serializeStaged(staged: StagedPeople): string {
	return JSON.stringify({ changes: staged.changes });
}

function parseChange(raw: unknown): StagedChange | null {
	if (!isRecord(raw)) return null;
	if (raw.list !== "ccs" && raw.list !== "followers") return null;
	if (raw.op !== "add" && raw.op !== "remove") return null;
	const person = parsePerson(raw.person);
	if (person === null) return null;
	// A removal is always of someone Zendesk has, hence a user.
	if (raw.op === "remove" && person.kind !== "user") return null;
	return { list: raw.list, op: raw.op, person };
}

function parsePerson(raw: unknown): PersonRef | null {
	if (!isRecord(raw)) return null;
	if (raw.kind === "email") {
		if (typeof raw.email !== "string" || emailProblem(raw.email) !== null) return null;
		const name = typeof raw.name === "string" && raw.name.trim() !== "" ? raw.name.trim() : null;
		return { kind: "email", email: normalizeEmail(raw.email), name };
	}
	if (raw.kind === "user") {
		const user = parseUser(raw.user);
		return user === null ? null : { kind: "user", user };
	}
	return null;
}

function parseUser(raw: unknown): PersonUser | null {
	if (!isRecord(raw)) return null;
	if (typeof raw.id !== "number" || !Number.isSafeInteger(raw.id) || raw.id <= 0) return null;
	const role = raw.role === "agent" || raw.role === "admin" ? raw.role : "end-user";
	return {
		id: raw.id,
		name: typeof raw.name === "string" ? raw.name : "",
		email: typeof raw.email === "string" ? raw.email : null,
		role,
		roleType: typeof raw.roleType === "number" ? raw.roleType : null,
		active: raw.active !== false,
		suspended: raw.suspended === true,
	};
}
