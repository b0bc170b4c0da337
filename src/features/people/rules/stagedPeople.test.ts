import { describe, expect, it } from "vitest";
import type { Issue } from "../../../shared/issues";
import type { CurrentPeople, PeopleList, PersonRef, StagedPeople } from "../../../shared/peopleTypes";
import { initials } from "../../../shared/userLabel";
import { CAST, aCurrent, aUser, manyUsers, stagedFrom } from "../../../testing/peopleFixtures";
import {
	EMPTY_STAGED,
	MAX_EMAIL_CCS,
	MAX_NEW_USER_NAME,
	countCcs,
	displayName,
	findOnList,
	isRequester,
	parseStaged,
	personKey,
	refMatchesUser,
	samePerson,
	stageAdd,
	stageRemove,
	typedEmailIssue,
	unstage,
	userRef,
	validateCandidate,
	validateStaged,
	type PeopleValidationContext,
} from "./stagedPeople";

const jo = { kind: "email", email: "jo@x.com", name: "Jo" } as const;

describe("stageAdd and stageRemove", () => {
	const cases: Array<[label: string, run: () => StagedPeople, expected: StagedPeople]> = [
		["an addition is appended", () => stageAdd(EMPTY_STAGED, "ccs", userRef(CAST.ann)), stagedFrom("+cc 2")],
		[
			"additions keep their order",
			() => stageAdd(stageAdd(EMPTY_STAGED, "ccs", userRef(CAST.ann)), "followers", userRef(CAST.alice)),
			stagedFrom("+cc 2", "+follower 10"),
		],
		[
			"adding the same person twice stages once",
			() => stageAdd(stagedFrom("+cc 2"), "ccs", userRef(CAST.ann)),
			stagedFrom("+cc 2"),
		],
		[
			"adding by email someone staged by id stages once",
			() => stageAdd(stagedFrom("+cc 2"), "ccs", { kind: "email", email: "ANN@example.com", name: null }),
			stagedFrom("+cc 2"),
		],
		[
			"removing a staged addition cancels it",
			() => stageRemove(stagedFrom("+cc 2"), "ccs", userRef(CAST.ann)),
			EMPTY_STAGED,
		],
		[
			"adding back a staged removal cancels it",
			() => stageAdd(stagedFrom("-cc 2"), "ccs", userRef(CAST.ann)),
			EMPTY_STAGED,
		],
		[
			"the same person on the other list is a separate change",
			() => stageAdd(stagedFrom("+cc 10"), "followers", userRef(CAST.alice)),
			stagedFrom("+cc 10", "+follower 10"),
		],
		[
			"removing twice stages once",
			() => stageRemove(stagedFrom("-follower 10"), "followers", userRef(CAST.alice)),
			stagedFrom("-follower 10"),
		],
	];
	it.each(cases)("%s", (_label, run, expected) => {
		expect(run()).toEqual(expected);
	});

	it("never mutates its input", () => {
		const before = stagedFrom("+cc 2");
		const copy = structuredClone(before);
		stageAdd(before, "ccs", userRef(CAST.bob));
		stageRemove(before, "ccs", userRef(CAST.ann));
		expect(before).toEqual(copy);
	});
});

describe("unstage and lookups", () => {
	it("drops only the change about that person on that list", () => {
		const staged = stagedFrom("+cc 2", "+follower 10", "+cc 10");
		expect(unstage(staged, "ccs", userRef(CAST.alice))).toEqual(stagedFrom("+cc 2", "+follower 10"));
	});

	it("returns the same value when there is nothing to drop", () => {
		const staged = stagedFrom("+cc 2");
		expect(unstage(staged, "ccs", userRef(CAST.bob))).toBe(staged);
	});

	it("finds the staged change for a person, by email too", () => {
		const staged = stagedFrom("+cc jo@x.com Jo");
		expect(unstage(staged, "ccs", { ...jo, email: "JO@x.com" })).toEqual(EMPTY_STAGED);
		expect(unstage(staged, "followers", jo)).toBe(staged);
	});
});

describe("parseStaged", () => {
	it("round-trips users and new emails", () => {
		const staged = stagedFrom("+cc 2", "-follower 10", "+cc jo@x.com Jo Doe", "+cc kim@x.com");
		// As the draft store keeps it: JSON.
		expect(parseStaged(JSON.parse(JSON.stringify(staged)))).toEqual(staged);
	});

	const broken: Array<[label: string, raw: unknown]> = [
		["undefined", undefined],
		["null", null],
		["a number", 42],
		["an array", []],
		["invalid JSON text", "{not json"],
		["no changes array", { changes: "nope" }],
	];
	it.each(broken)("returns null for %s", (_label, raw) => {
		expect(parseStaged(raw)).toBeNull();
	});

	it("drops malformed changes and keeps the good ones", () => {
		const raw = {
			changes: [
				{ list: "ccs", op: "add", person: { kind: "email", email: "not an email", name: null } },
				{ list: "bcc", op: "add", person: { kind: "email", email: "a@x.com" } },
				{ list: "ccs", op: "explode", person: { kind: "email", email: "a@x.com" } },
				{ list: "ccs", op: "remove", person: { kind: "email", email: "a@x.com" } },
				{ list: "ccs", op: "add", person: { kind: "user", user: { id: -1 } } },
				{ list: "ccs", op: "add", person: { kind: "user", user: { id: 2.5 } } },
				null,
				{ list: "ccs", op: "add", person: { kind: "email", email: " Jo@X.COM ", name: "  " } },
				{ list: "followers", op: "add", person: { kind: "user", user: { id: 10, name: "Alice", role: "agent" } } },
			],
		};
		expect(parseStaged(raw)).toEqual({
			changes: [
				{ list: "ccs", op: "add", person: { kind: "email", email: "Jo@x.com", name: null } },
				{
					list: "followers",
					op: "add",
					person: {
						kind: "user",
						user: { id: 10, name: "Alice", email: null, role: "agent", roleType: null, active: true, suspended: false },
					},
				},
			],
		});
	});
});

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

describe("countCcs", () => {
	const cases: Array<
		[label: string, ccIds: number[], staged: StagedPeople, final: number, added: number, requested: number]
	> = [
		["nothing staged", [2, 3], stagedFrom(), 2, 0, 0],
		["an addition", [2], stagedFrom("+cc 3"), 2, 1, 1],
		["a removal (which still counts as a request item)", [2, 3], stagedFrom("-cc 2"), 1, 0, 1],
		["adding a current CC counts nothing", [2], stagedFrom("+cc 2"), 1, 0, 0],
		["adding a current CC by email counts nothing", [2], stagedFrom("+cc ANN@example.com"), 1, 0, 0],
		["removing someone who is not a CC counts nothing", [2], stagedFrom("-cc 3"), 1, 0, 0],
		["the requester is never counted", [], stagedFrom("+cc 1"), 0, 0, 0],
		["the requester by email is never counted", [], stagedFrom("+cc rita@example.com"), 0, 0, 0],
		["followers never count", [2], stagedFrom("+follower 10", "+follower 11"), 1, 0, 0],
		["an agent both follower and CC counts once as a CC", [], stagedFrom("+follower 10", "+cc 10"), 1, 1, 1],
		["the same person by id and by email counts once", [], stagedFrom("+cc 3", "+cc bob@example.com"), 1, 1, 1],
		["new emails count", [], stagedFrom("+cc a@x.com", "+cc b@x.com Bee"), 2, 2, 2],
		["a swap counts both items", [2], stagedFrom("-cc 2", "+cc 3"), 1, 1, 2],
	];
	it.each(cases)("%s", (_label, ccIds, staged, final, added, requested) => {
		const counts = countCcs(aCurrent(ccIds), staged);
		expect(counts).toEqual({ current: ccIds.length, final, added, requested, max: MAX_EMAIL_CCS });
	});

	it("counts a swap at the cap as staying at the cap", () => {
		const current = aCurrent([], [], { ccs: manyUsers(48) });
		const first = manyUsers(1)[0];
		if (first === undefined) throw new Error("fixture");
		const staged: StagedPeople = {
			changes: [...stagedFrom("+cc 2").changes, { list: "ccs", op: "remove", person: userRef(first) }],
		};
		expect(countCcs(current, staged).final).toBe(48);
	});

	it("is 48, as Zendesk documents", () => {
		expect(MAX_EMAIL_CCS).toBe(48);
	});
});

describe("isRequester", () => {
	it("recognises the requester by id and by email, and nobody else", () => {
		const current = aCurrent([]);
		expect(isRequester(current, userRef(CAST.rita))).toBe(true);
		expect(isRequester(current, { kind: "email", email: "RITA@example.com", name: null })).toBe(true);
		expect(isRequester(current, userRef(CAST.ann))).toBe(false);
		expect(isRequester({ ...current, requesterId: null, requesterEmail: null }, userRef(CAST.rita))).toBe(false);
	});

	it("tells a user by id alone: an address is one user's, so a user's email decides nothing", () => {
		const current = aCurrent([]);
		expect(isRequester({ ...current, requesterEmail: null }, userRef(CAST.rita))).toBe(true);
		expect(isRequester({ ...current, requesterEmail: CAST.ann.email }, userRef(CAST.ann))).toBe(false);
		expect(isRequester(current, { kind: "email", email: "ann@example.com", name: null })).toBe(false);
	});
});

const strict = { lightAgentEmailCcsAllowed: false };
const ctx = (current: CurrentPeople, staged: StagedPeople = stagedFrom(), rules = strict): PeopleValidationContext => ({
	current,
	staged,
	rules,
});
const email = (address: string, name: string | null = null): PersonRef => ({ kind: "email", email: address, name });

describe("validateCandidate", () => {
	const base = aCurrent([2], [10]);
	const cases: Array<
		[label: string, context: PeopleValidationContext, list: PeopleList, person: PersonRef, expected: Issue[]]
	> = [
		["accepts a new end-user CC", ctx(base), "ccs", userRef(CAST.bob), []],
		["accepts a new email CC with a name", ctx(base), "ccs", email("jo@x.com", "Jo"), []],
		["accepts an agent follower", ctx(base), "followers", userRef(CAST.ada), []],
		["accepts an agent as CC who already follows", ctx(base), "ccs", userRef(CAST.alice), []],
		[
			"refuses a malformed email",
			ctx(base),
			"ccs",
			email("jo@x"),
			[{ field: "ccs", code: "people.issues.emailInvalid", vars: { email: "jo@x" } }],
		],
		[
			"refuses an email without @",
			ctx(base),
			"ccs",
			email(" jo.x.com "),
			[{ field: "ccs", code: "people.issues.emailMissingAt", vars: { email: "jo.x.com" } }],
		],
		[
			"refuses an empty email",
			ctx(base),
			"ccs",
			email(""),
			[{ field: "ccs", code: "people.issues.emailEmpty", vars: { email: "" } }],
		],
		[
			"refuses a name Zendesk would not take",
			ctx(base),
			"ccs",
			email("jo@x.com", "J".repeat(MAX_NEW_USER_NAME + 1)),
			[{ field: "ccs", code: "people.issues.nameTooLong", vars: { max: MAX_NEW_USER_NAME } }],
		],
		[
			"refuses someone already a CC",
			ctx(base),
			"ccs",
			userRef(CAST.ann),
			[{ field: "ccs", code: "people.issues.alreadyCc", vars: { name: "Ann End" } }],
		],
		[
			"refuses a CC's address typed as a new email",
			ctx(base),
			"ccs",
			email("ANN@example.com"),
			[{ field: "ccs", code: "people.issues.alreadyCc", vars: { name: "ANN@example.com" } }],
		],
		[
			"refuses someone already following",
			ctx(base),
			"followers",
			userRef(CAST.alice),
			[{ field: "followers", code: "people.issues.alreadyFollower", vars: { name: "Alice Agent" } }],
		],
		[
			"refuses someone already staged",
			ctx(base, stagedFrom("+cc 3")),
			"ccs",
			email("bob@example.com"),
			[{ field: "ccs", code: "people.issues.alreadyStaged", vars: { name: "bob@example.com" } }],
		],
		[
			"refuses an end user as follower",
			ctx(base),
			"followers",
			userRef(CAST.bob),
			[{ field: "followers", code: "people.issues.endUserFollower", vars: { name: "Bob End" } }],
		],
		[
			"refuses a new email as follower (followers must be existing agents)",
			ctx(base),
			"followers",
			email("jo@x.com"),
			[{ field: "followers", code: "people.issues.followerNeedsAgent", vars: { email: "jo@x.com" } }],
		],
		[
			"refuses the requester as CC",
			ctx(base),
			"ccs",
			userRef(CAST.rita),
			[{ field: "ccs", code: "people.issues.requesterCc", vars: { name: "Rita Requester" } }],
		],
		[
			"refuses the requester's address as a new CC",
			ctx(base),
			"ccs",
			email("rita@example.com"),
			[{ field: "ccs", code: "people.issues.requesterCc", vars: { name: "rita@example.com" } }],
		],
		[
			"refuses a deleted user",
			ctx(base),
			"ccs",
			userRef(CAST.dan),
			[{ field: "ccs", code: "people.issues.userInactive", vars: { name: "Dan Deleted" } }],
		],
		[
			"refuses a light agent as CC when the account does not allow it",
			ctx(base),
			"ccs",
			userRef(CAST.leo),
			[{ field: "ccs", code: "people.issues.lightAgentCc", vars: { name: "Leo Light" } }],
		],
		[
			"accepts a light agent as CC when the account allows it",
			ctx(base, stagedFrom(), { lightAgentEmailCcsAllowed: true }),
			"ccs",
			userRef(CAST.leo),
			[],
		],
		["accepts a light agent as follower", ctx(base), "followers", userRef(CAST.leo), []],
		[
			"refuses followers in collaborators mode",
			ctx(aCurrent([2], [], { mode: "collaborators" })),
			"followers",
			userRef(CAST.alice),
			[{ field: "followers", code: "people.issues.noFollowersInCollaboratorsMode" }],
		],
		[
			"accepts a light agent collaborator (the setting is about email CCs)",
			ctx(aCurrent([], [], { mode: "collaborators" })),
			"ccs",
			userRef(CAST.leo),
			[],
		],
		[
			"refuses everything when CCs are disabled",
			ctx(aCurrent([], [], { mode: "disabled" })),
			"ccs",
			userRef(CAST.bob),
			[{ field: "form", code: "people.issues.modeDisabled" }],
		],
	];
	it.each(cases)("%s", (_label, context, list, person, expected) => {
		expect(validateCandidate(context, list, person)).toEqual(expected);
	});

	it("refuses the 49th CC and accepts the 48th", () => {
		const current47 = aCurrent([], [], { ccs: manyUsers(47) });
		expect(validateCandidate(ctx(current47), "ccs", userRef(CAST.bob))).toEqual([]);
		const staged = stagedFrom("+cc 3");
		expect(validateCandidate(ctx(current47, staged), "ccs", email("jo@x.com"))).toEqual([
			{ field: "ccs", code: "people.issues.ccCap", vars: { max: 48, count: 49 } },
		]);
	});

	it("accepts a 49th CC once a removal is staged", () => {
		const ccs = manyUsers(48);
		const staged: StagedPeople = { changes: [{ list: "ccs", op: "remove", person: userRef(ccs[0] ?? aUser(1, "x")) }] };
		expect(validateCandidate(ctx(aCurrent([], [], { ccs }), staged), "ccs", userRef(CAST.bob))).toEqual([]);
	});

	it("does not apply the cap to followers", () => {
		const agents = manyUsers(60).map(user => ({ ...user, role: "agent" as const, roleType: 0 }));
		const current = aCurrent([], [], { ccs: manyUsers(48, 5000), followers: agents });
		expect(validateCandidate(ctx(current), "followers", userRef(CAST.ada))).toEqual([]);
	});
});

describe("validateStaged", () => {
	const base = aCurrent([2], [10]);
	const cases: Array<[label: string, staged: StagedPeople, expected: Issue[]]> = [
		["accepts nothing staged", stagedFrom(), []],
		[
			"accepts a mix of additions and removals",
			stagedFrom("+cc 3", "-cc 2", "+follower 11", "-follower 10", "+cc jo@x.com Jo"),
			[],
		],
		[
			"reports a removal of someone not there",
			stagedFrom("-cc 3"),
			[{ field: "ccs", code: "people.issues.notThere", vars: { name: "Bob End" } }],
		],
		[
			"reports an addition of someone already there",
			stagedFrom("+follower 10"),
			[{ field: "followers", code: "people.issues.alreadyFollower", vars: { name: "Alice Agent" } }],
		],
		[
			"reports a duplicate staged by id and email",
			stagedFrom("+cc 3", "+cc bob@example.com"),
			[{ field: "ccs", code: "people.issues.alreadyStaged", vars: { name: "bob@example.com" } }],
		],
		[
			"reports an end user as follower and a malformed email together",
			stagedFrom("+follower 3", "+cc nope"),
			[
				{ field: "followers", code: "people.issues.endUserFollower", vars: { name: "Bob End" } },
				{ field: "ccs", code: "people.issues.emailMissingAt", vars: { email: "nope" } },
			],
		],
	];
	it.each(cases)("%s", (_label, staged, expected) => {
		expect(validateStaged(ctx(base, staged))).toEqual(expected);
	});

	it("reports the cap once, with the final count", () => {
		const current = aCurrent([], [], { ccs: manyUsers(47) });
		const staged = stagedFrom("+cc 2", "+cc 3", "+cc jo@x.com");
		expect(validateStaged(ctx(current, staged))).toEqual([
			{ field: "ccs", code: "people.issues.ccCap", vars: { max: 48, count: 50 } },
		]);
	});

	it("reports a swap too big for one request even though the final count fits", () => {
		const ccs = manyUsers(30);
		const removals: StagedPeople["changes"] = ccs.map(user => ({ list: "ccs", op: "remove", person: userRef(user) }));
		const additions: StagedPeople["changes"] = manyUsers(20, 9000).map(user => ({
			list: "ccs",
			op: "add",
			person: userRef(user),
		}));
		const staged: StagedPeople = { changes: [...removals, ...additions] };
		expect(validateStaged(ctx(aCurrent([], [], { ccs }), staged))).toEqual([
			{ field: "ccs", code: "people.issues.ccRequestCap", vars: { max: 48, count: 50 } },
		]);
		expect(validateStaged(ctx(aCurrent([], [], { ccs, mode: "collaborators" }), staged))).toEqual([]);
	});

	it("reports a disabled account once", () => {
		expect(validateStaged(ctx(aCurrent([], [], { mode: "disabled" }), stagedFrom("+cc 2", "+cc 3")))).toEqual([
			{ field: "form", code: "people.issues.modeDisabled" },
		]);
	});
});

describe("typedEmailIssue", () => {
	const cases: Array<[text: string, code: string | null]> = [
		["bob\uff20example.com", "email.lookalikeAt"],
		["  bob at example.com ", "email.spelledAt"],
		["\uff42ob@example.com", "email.lookalike"],
		["bob@example.com", null],
		["bob@exa", null],
		["Noa Levi", null],
		["", null],
	];
	it.each(cases)("says %j is %s while it is typed", (text, code) => {
		expect(typedEmailIssue("ccs", text)).toEqual(
			code === null ? null : { field: "ccs", code, vars: { email: text.trim() } },
		);
	});
});
