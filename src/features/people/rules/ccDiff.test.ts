import { describe, expect, it } from "vitest";
import { diffPeople, effectiveChanges, isPatchEmpty } from "./ccDiff";
import { aCurrent, stagedFrom } from "../../../testing/peopleFixtures";
import type { PeopleMode, PeoplePatch, StagedPeople } from "../../../shared/peopleTypes";

describe("diffPeople in CCs-and-followers mode", () => {
	const cases: Array<[label: string, staged: StagedPeople, expected: PeoplePatch]> = [
		["returns nothing when nothing is staged", stagedFrom(), {}],
		["adds a CC by user id", stagedFrom("+cc 3"), { emailCcs: [{ userId: 3, action: "put" }] }],
		["removes a CC by user id", stagedFrom("-cc 2"), { emailCcs: [{ userId: 2, action: "delete" }] }],
		[
			"adds a new CC by email with the name Zendesk should use",
			stagedFrom("+cc jo@x.com Jo Doe"),
			{ emailCcs: [{ userEmail: "jo@x.com", userName: "Jo Doe", action: "put" }] },
		],
		[
			"adds a new CC by email without a name",
			stagedFrom("+cc kim@x.com"),
			{ emailCcs: [{ userEmail: "kim@x.com", action: "put" }] },
		],
		[
			"combines CCs and followers, additions and removals in one patch",
			stagedFrom("+cc 3", "-cc 2", "+follower 11", "-follower 10"),
			{
				emailCcs: [
					{ userId: 3, action: "put" },
					{ userId: 2, action: "delete" },
				],
				followers: [
					{ userId: 11, action: "put" },
					{ userId: 10, action: "delete" },
				],
			},
		],
		[
			"leaves out an addition of someone already a CC",
			stagedFrom("+cc 2", "+cc 3"),
			{ emailCcs: [{ userId: 3, action: "put" }] },
		],
		["leaves out a removal of someone not following", stagedFrom("-follower 11"), {}],
		["leaves out a new email that is already a CC's address", stagedFrom("+cc Ann@Example.com"), {}],
		[
			"sends a duplicate addition once",
			stagedFrom("+cc 3", "+cc bob@example.com"),
			{ emailCcs: [{ userId: 3, action: "put" }] },
		],
		[
			"never sends a user name for followers",
			stagedFrom("+follower jo@x.com Jo"),
			{ followers: [{ userEmail: "jo@x.com", action: "put" }] },
		],
	];
	it.each(cases)("%s", (_label, staged, expected) => {
		expect(diffPeople(aCurrent([2], [10]), staged)).toEqual(expected);
	});
});

describe("diffPeople in collaborators mode", () => {
	const collaborators = (ids: number[]) => aCurrent(ids, [], { mode: "collaborators" });
	const cases: Array<[label: string, ccIds: number[], staged: StagedPeople, expected: PeoplePatch]> = [
		[
			"adds with additional_collaborators, keeping the others",
			[2],
			stagedFrom("+cc 3"),
			{ additionalCollaborators: [3] },
		],
		[
			"adds new emails, with a name as an object",
			[2],
			stagedFrom("+cc kim@x.com", "+cc jo@x.com Jo Doe"),
			{ additionalCollaborators: ["kim@x.com", { name: "Jo Doe", email: "jo@x.com" }] },
		],
		["removes by replacing the list", [2, 3], stagedFrom("-cc 2"), { collaborators: [3] }],
		["removes the last one with an empty list", [2], stagedFrom("-cc 2"), { collaborators: [] }],
		[
			"removes and adds in one replacement list",
			[2, 3],
			stagedFrom("-cc 2", "+cc 10", "+cc jo@x.com Jo"),
			{ collaborators: [3, 10, { name: "Jo", email: "jo@x.com" }] },
		],
		["ignores followers, which the legacy model does not have", [2], stagedFrom("+follower 10"), {}],
		["leaves out no-ops", [2], stagedFrom("+cc 2", "-cc 3"), {}],
	];
	it.each(cases)("%s", (_label, ccIds, staged, expected) => {
		expect(diffPeople(collaborators(ccIds), staged)).toEqual(expected);
	});
});

describe("diffPeople when the account has CCs disabled", () => {
	it("sends nothing", () => {
		const mode: PeopleMode = "disabled";
		expect(diffPeople(aCurrent([2], [], { mode }), stagedFrom("+cc 3", "-cc 2"))).toEqual({});
	});
});

describe("isPatchEmpty and effectiveChanges", () => {
	it("tells an empty patch from one with changes", () => {
		expect(isPatchEmpty({})).toBe(true);
		expect(isPatchEmpty({ emailCcs: [] })).toBe(true);
		expect(isPatchEmpty({ collaborators: [] })).toBe(false);
		expect(isPatchEmpty({ followers: [{ userId: 1, action: "put" }] })).toBe(false);
	});

	it("keeps only the changes that change something, in order", () => {
		const changes = effectiveChanges(aCurrent([2], [10]), stagedFrom("+cc 2", "-follower 10", "+cc 3", "+cc 3"));
		expect(changes).toEqual(stagedFrom("-follower 10", "+cc 3").changes);
	});
});
