import { describe, expect, it } from "vitest";
import { CAST, aCurrent } from "../../../testing/peopleFixtures";
import { initials } from "../../../shared/userLabel";
import { displayName, findOnList, personKey, refMatchesUser, samePerson, userRef } from "./peopleIdentity";
import type { PersonRef } from "../../../shared/peopleTypes";

const emailRef = (email: string, name: string | null = null): PersonRef => ({ kind: "email", email, name });

describe("samePerson", () => {
	const cases: Array<[string, PersonRef, PersonRef, boolean]> = [
		["two refs to the same user id", userRef(CAST.ann), userRef({ ...CAST.ann, name: "Renamed" }), true],
		["two different users", userRef(CAST.ann), userRef(CAST.bob), false],
		["a user and their email in another case", userRef(CAST.ann), emailRef("ANN@Example.com"), true],
		["two emails differing only in case", emailRef("jo@x.com"), emailRef(" Jo@X.com "), true],
		["a user without email and an email", userRef({ ...CAST.ann, email: null }), emailRef("ann@example.com"), false],
		[
			"two users sharing an email but not an id",
			userRef(CAST.ann),
			userRef({ ...CAST.bob, email: CAST.ann.email }),
			false,
		],
	];
	it.each(cases)("%s → %s", (_label, a, b, expected) => {
		expect(samePerson(a, b)).toBe(expected);
		expect(samePerson(b, a)).toBe(expected);
	});
});

describe("refMatchesUser and findOnList", () => {
	it("finds a CC by id and by email, and nobody on the other list", () => {
		const current = aCurrent([2], [10]);
		expect(findOnList(current, "ccs", userRef(CAST.ann))).toBe(CAST.ann);
		expect(findOnList(current, "ccs", emailRef("ann@EXAMPLE.com"))).toBe(CAST.ann);
		expect(findOnList(current, "followers", userRef(CAST.ann))).toBeUndefined();
		expect(refMatchesUser(emailRef("bob@example.com"), CAST.ann)).toBe(false);
	});
});

describe("display helpers", () => {
	const names: Array<[PersonRef, string]> = [
		[userRef(CAST.ann), "Ann End"],
		[userRef({ ...CAST.ann, name: "  " }), "ann@example.com"],
		[userRef({ ...CAST.ann, name: "", email: null }), "#2"],
		[emailRef("jo@x.com", "Jo Doe"), "Jo Doe"],
		[emailRef("jo@x.com", " "), "jo@x.com"],
		[emailRef("jo@x.com"), "jo@x.com"],
	];
	it.each(names)("shows %j as %s", (ref, expected) => {
		expect(displayName(ref)).toBe(expected);
	});

	const initialCases: Array<[string, string]> = [
		["Ana María López", "AL"],
		["ana", "A"],
		["  ", "?"],
		["jo.doe@example.com", "JD"],
		["élodie@example.fr", "É"],
		["😀 Smile", "😀S"],
	];
	it.each(initialCases)("initials of %j are %s", (input, expected) => {
		expect(initials(input)).toBe(expected);
	});

	it("keys users by id and emails case-insensitively", () => {
		expect(personKey(userRef(CAST.ann))).toBe("u:2");
		expect(personKey(emailRef(" Jo@X.com"))).toBe("e:jo@x.com");
	});
});
