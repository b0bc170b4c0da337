/**
 * Test fixtures for the people domain (tests only; never imported by the app): a small cast of users,
 * a `CurrentPeople` builder, and a one-line-per-change DSL for staged changes:
 * `"+cc 2"`, `"-follower 10"`, `"+cc new@x.com"`, `"+cc new@x.com Jo Doe"` (ids refer to `CAST`).
 */
import type { CurrentPeople, PeopleMode, PersonRef, PersonUser, StagedPeople } from "../shared/peopleTypes";
import type { Id } from "../shared/ticketTypes";

/** Builds a user; `role` defaults to end-user. */
export function aUser(id: Id, name: string, overrides: Partial<PersonUser> = {}): PersonUser {
	const email = `${name.toLowerCase().split(" ")[0]}@example.com`;
	return { id, name, email, role: "end-user", roleType: null, active: true, suspended: false, ...overrides };
}

/** The cast used across the people tests. */
export const CAST = {
	rita: aUser(1, "Rita Requester"),
	ann: aUser(2, "Ann End"),
	bob: aUser(3, "Bob End"),
	alice: aUser(10, "Alice Agent", { role: "agent", roleType: 0 }),
	ada: aUser(11, "Ada Admin", { role: "admin", roleType: 4 }),
	leo: aUser(12, "Leo Light", { role: "agent", roleType: 1 }),
	dan: aUser(13, "Dan Deleted", { active: false }),
} satisfies Record<string, PersonUser>;

const BY_ID = new Map<Id, PersonUser>(Object.values(CAST).map(user => [user.id, user]));

/** A user of the cast by id; throws for an unknown id (a broken test, not bad input). */
export function castUser(id: Id): PersonUser {
	const user = BY_ID.get(id);
	if (user === undefined) throw new Error(`No cast user #${id}`);
	return user;
}

/** Current people with the given cast ids; requester is Rita, mode `ccsAndFollowers` unless told. */
export function aCurrent(
	ccIds: Id[],
	followerIds: Id[] = [],
	overrides: Partial<CurrentPeople> & { mode?: PeopleMode } = {},
): CurrentPeople {
	return {
		mode: "ccsAndFollowers",
		ticketId: 7,
		requesterId: CAST.rita.id,
		requesterEmail: CAST.rita.email,
		ccs: ccIds.map(id => BY_ID.get(id) ?? aUser(id, `User ${id}`)),
		followers: followerIds.map(castUser),
		updatedAt: "2024-01-01T10:00:00Z",
		...overrides,
	};
}

/** Parses DSL lines into staged changes, in order. Throws on a malformed line (a broken test). */
export function stagedFrom(...lines: string[]): StagedPeople {
	return {
		changes: lines.map(line => {
			const match = /^([+-])(cc|follower)\s+(\S+)(?:\s+(.+))?$/.exec(line.trim());
			if (match === null) throw new Error(`Bad staged line: ${line}`);
			const [, sign, list, who, name] = match;
			const person: PersonRef = /^\d+$/.test(who ?? "")
				? { kind: "user", user: castUser(Number(who)) }
				: { kind: "email", email: who ?? "", name: name ?? null };
			return { op: sign === "+" ? "add" : "remove", list: list === "cc" ? "ccs" : "followers", person };
		}),
	};
}

/** `n` distinct end users with ids from `start`, for cap tests. */
export function manyUsers(n: number, start = 1000): PersonUser[] {
	return Array.from({ length: n }, (_, i) =>
		aUser(start + i, `Cc${i} Person`, { email: `cc${start + i}@example.com` }),
	);
}
