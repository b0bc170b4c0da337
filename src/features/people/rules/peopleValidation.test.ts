import { describe, expect, it } from "vitest";
import type { Issue } from "../../../shared/issues";
import { CAST, aCurrent, aUser, manyUsers, stagedFrom } from "../../../testing/peopleFixtures";
import { userRef } from "./peopleIdentity";
import {
	MAX_NEW_USER_NAME,
	validateCandidate,
	typedEmailIssue,
	validateStaged,
	type PeopleValidationContext,
} from "./peopleValidation";
import type { CurrentPeople, PeopleList, PersonRef, StagedPeople } from "../../../shared/peopleTypes";

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
