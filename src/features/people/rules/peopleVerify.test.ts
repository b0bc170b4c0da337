import { describe, expect, it } from "vitest";
import { aCurrent, stagedFrom } from "../../../testing/peopleFixtures";
import { unappliedChanges } from "./peopleVerify";

describe("unappliedChanges", () => {
	it("is empty when the fresh read reflects every change", () => {
		const sent = stagedFrom("+cc 3", "-cc 2", "+follower 11").changes;
		expect(unappliedChanges(sent, aCurrent([3], [10, 11]))).toEqual([]);
	});

	it("names additions Zendesk ignored and removals it did not make", () => {
		const sent = stagedFrom("+follower 11", "-cc 2", "+cc jo@x.com Jo").changes;
		expect(unappliedChanges(sent, aCurrent([2], [10]))).toEqual([
			{ change: sent[0], code: "people.verify.notAddedFollower", vars: { name: "Ada Admin" } },
			{ change: sent[1], code: "people.verify.notRemovedCc", vars: { name: "Ann End" } },
			{ change: sent[2], code: "people.verify.notAddedCc", vars: { name: "Jo" } },
		]);
	});

	it("recognises a new CC by email once Zendesk created the user", () => {
		const sent = stagedFrom("+cc bob@example.com Bobby").changes;
		expect(unappliedChanges(sent, aCurrent([3]))).toEqual([]);
	});
});
