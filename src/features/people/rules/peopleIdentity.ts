/**
 * Who is who: matching staged people against users (by id, else by email, case-insensitively),
 * stable keys, and display helpers. Pure; never looks users up.
 */
import { sameEmail } from "../../../shared/email";
import type { CurrentPeople, PeopleList, PersonRef, PersonUser } from "../../../shared/peopleTypes";

/** True when the reference denotes this user: same id, or an email ref matching the user's email. */
export function refMatchesUser(ref: PersonRef, user: PersonUser): boolean {
	if (ref.kind === "user") return ref.user.id === user.id;
	return user.email !== null && sameEmail(ref.email, user.email);
}

/** True when two references denote the same person (by id, or by email when either side has no id). */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
	if (a.kind === "user" && b.kind === "user") return a.user.id === b.user.id;
	const emailA = a.kind === "user" ? a.user.email : a.email;
	const emailB = b.kind === "user" ? b.user.email : b.email;
	return emailA !== null && emailB !== null && sameEmail(emailA, emailB);
}

/** The user on `list` of `current` that the reference denotes, or `undefined`. Does not look at staged changes. */
export function findOnList(current: CurrentPeople, list: PeopleList, ref: PersonRef): PersonUser | undefined {
	return current[list].find(user => refMatchesUser(ref, user));
}

/** A stable key for rendering and de-duplication: `u:<id>` or `e:<lower-cased email>`. */
export function personKey(ref: PersonRef): string {
	return ref.kind === "user" ? `u:${ref.user.id}` : `e:${ref.email.trim().toLowerCase()}`;
}

/** The name to show: the user's name, else the given name, else the email. Never empty for valid refs. */
export function displayName(ref: PersonRef): string {
	if (ref.kind === "user") return ref.user.name.trim() || ref.user.email || `#${ref.user.id}`;
	return ref.name?.trim() || ref.email;
}

/** The email to show under the name, or `null` when unknown. */
export function displayEmail(ref: PersonRef): string | null {
	return ref.kind === "user" ? ref.user.email : ref.email;
}

/** Wraps a user as a reference. */
export function userRef(user: PersonUser): PersonRef {
	return { kind: "user", user };
}
