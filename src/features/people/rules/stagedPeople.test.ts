import { describe, expect, it } from "vitest";
import { userRef } from "./peopleIdentity";
import { CAST, aCurrent, stagedFrom } from "../../../testing/peopleFixtures";
import {
	EMPTY_STAGED,
	isStagedEmpty,
	parseStaged,
	pruneNoOps,
	serializeStaged,
	stageAdd,
	stageRemove,
	stagedChangeFor,
	unstage,
} from "./stagedPeople";
import type { StagedPeople } from "../../../shared/peopleTypes";

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
		expect(stagedChangeFor(staged, "ccs", { ...jo, email: "JO@x.com" })?.op).toBe("add");
		expect(stagedChangeFor(staged, "followers", jo)).toBeUndefined();
		expect(isStagedEmpty(staged)).toBe(false);
		expect(isStagedEmpty(EMPTY_STAGED)).toBe(true);
	});
});

describe("pruneNoOps", () => {
	const cases: Array<[label: string, staged: StagedPeople, kept: StagedPeople, dropped: number]> = [
		["keeps real changes", stagedFrom("+cc 3", "-cc 2"), stagedFrom("+cc 3", "-cc 2"), 0],
		["drops an addition of a current CC", stagedFrom("+cc 2", "+cc 3"), stagedFrom("+cc 3"), 1],
		["drops a removal of someone not following", stagedFrom("-follower 11"), EMPTY_STAGED, 1],
		["drops a new email that is a current CC's address", stagedFrom("+cc ann@example.com"), EMPTY_STAGED, 1],
	];
	it.each(cases)("%s", (_label, staged, kept, dropped) => {
		const result = pruneNoOps(staged, aCurrent([2], [10]));
		expect(result.staged).toEqual(kept);
		expect(result.dropped).toHaveLength(dropped);
	});
});

describe("parseStaged / serializeStaged", () => {
	it("round-trips users and new emails", () => {
		const staged = stagedFrom("+cc 2", "-follower 10", "+cc jo@x.com Jo Doe", "+cc kim@x.com");
		expect(parseStaged(serializeStaged(staged))).toEqual(staged);
		expect(parseStaged(JSON.parse(serializeStaged(staged)))).toEqual(staged);
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
