import { describe, expect, it } from "vitest";
import { CAST, aCurrent, stagedFrom } from "../../../testing/peopleFixtures";
import { summarizePeople } from "./peopleSummary";

describe("summarizePeople", () => {
	it("marks staged removals and appends staged additions to each list", () => {
		const summary = summarizePeople(aCurrent([2, 3], [10]), stagedFrom("-cc 2", "+cc jo@x.com Jo", "+follower 11"));
		expect(summary.ccs.map(row => [row.key, row.state])).toEqual([
			["u:2", "removing"],
			["u:3", "current"],
			["e:jo@x.com", "adding"],
		]);
		expect(summary.followers.map(row => [row.key, row.state])).toEqual([
			["u:10", "current"],
			["u:11", "adding"],
		]);
		expect(summary.pending).toBe(3);
		expect(summary.counts).toMatchObject({ current: 2, final: 2, max: 48 });
	});

	it("writes one line per effective change, saying when Zendesk will create the user", () => {
		const summary = summarizePeople(
			aCurrent([2], [10]),
			stagedFrom("+cc 3", "-cc 2", "+cc jo@x.com Jo Doe", "+cc kim@x.com", "+follower 11", "-follower 10", "+cc 2"),
		);
		expect(summary.lines).toEqual([
			{ code: "people.summary.addCc", vars: { name: "Bob End", email: "bob@example.com" } },
			{ code: "people.summary.removeCc", vars: { name: "Ann End", email: "ann@example.com" } },
			{ code: "people.summary.addNewNamedCc", vars: { name: "Jo Doe", email: "jo@x.com" } },
			{ code: "people.summary.addNewCc", vars: { name: "kim@x.com", email: "kim@x.com" } },
			{ code: "people.summary.addFollower", vars: { name: "Ada Admin", email: "ada@example.com" } },
			{ code: "people.summary.removeFollower", vars: { name: "Alice Agent", email: "alice@example.com" } },
		]);
	});

	it("speaks of collaborators and shows no followers in collaborators mode", () => {
		const summary = summarizePeople(aCurrent([2], [], { mode: "collaborators" }), stagedFrom("+cc 3", "-cc 2"));
		expect(summary.lines.map(line => line.code)).toEqual([
			"people.summary.addCollaborator",
			"people.summary.removeCollaborator",
		]);
		expect(summary.followers).toEqual([]);
	});

	it("shows a staged addition of someone already there as a plain current row", () => {
		const summary = summarizePeople(aCurrent([2]), stagedFrom("+cc 2"));
		expect(summary.ccs).toEqual([{ key: "u:2", person: { kind: "user", user: CAST.ann }, state: "current" }]);
		expect(summary.pending).toBe(0);
		expect(summary.lines).toEqual([]);
	});
});
