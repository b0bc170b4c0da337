import { describe, expect, it } from "vitest";
import { CAST, aCurrent, stagedFrom } from "./peopleFixtures";

describe("stagedFrom (the staged-changes test DSL)", () => {
	it("reads additions and removals by cast id", () => {
		expect(stagedFrom("+cc 2", "-follower 10").changes).toEqual([
			{ op: "add", list: "ccs", person: { kind: "user", user: CAST.ann } },
			{ op: "remove", list: "followers", person: { kind: "user", user: CAST.alice } },
		]);
	});

	it("reads a new email with and without a name", () => {
		expect(stagedFrom("+cc jo@x.com Jo Doe", "+cc kim@x.com").changes.map(change => change.person)).toEqual([
			{ kind: "email", email: "jo@x.com", name: "Jo Doe" },
			{ kind: "email", email: "kim@x.com", name: null },
		]);
	});

	it("refuses a malformed line and an unknown cast id", () => {
		expect(() => stagedFrom("add cc 2")).toThrow(/Bad staged line/);
		expect(() => stagedFrom("+cc 999")).toThrow(/No cast user/);
	});
});

describe("aCurrent", () => {
	it("builds CCs and followers from cast ids with Rita as requester", () => {
		const current = aCurrent([2], [10]);
		expect(current.ccs).toEqual([CAST.ann]);
		expect(current.followers).toEqual([CAST.alice]);
		expect(current.requesterId).toBe(CAST.rita.id);
	});
});
