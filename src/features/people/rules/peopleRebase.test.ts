import { describe, expect, it } from "vitest";
import { CAST, aCurrent, manyUsers, stagedFrom } from "../../../testing/peopleFixtures";
import { externalChanges, rebasePeople, type RebaseNote } from "./peopleRebase";
import type { CurrentPeople, StagedPeople } from "../../../shared/peopleTypes";

const note = (code: string, vars: RebaseNote["vars"] = {}, blocking = false): RebaseNote => ({ code, vars, blocking });

describe("rebasePeople", () => {
	const previous = aCurrent([2], [10]);
	const cases: Array<
		[label: string, staged: StagedPeople, fresh: CurrentPeople, kept: StagedPeople, notes: RebaseNote[]]
	> = [
		[
			"keeps every change when nothing changed",
			stagedFrom("+cc 3", "-cc 2", "+follower 11"),
			previous,
			stagedFrom("+cc 3", "-cc 2", "+follower 11"),
			[],
		],
		[
			"keeps the agent's changes when someone else added another CC",
			stagedFrom("+cc 3", "-follower 10"),
			aCurrent([2, 13], [10]),
			stagedFrom("+cc 3", "-follower 10"),
			[],
		],
		[
			"turns an addition of someone added meanwhile into a no-op",
			stagedFrom("+cc 3", "+follower 11"),
			aCurrent([2, 3], [10]),
			stagedFrom("+follower 11"),
			[note("people.rebase.alreadyAddedCc", { name: "Bob End" })],
		],
		[
			"turns a removal of someone removed meanwhile into a no-op",
			stagedFrom("-cc 2", "-follower 10"),
			aCurrent([], [10]),
			stagedFrom("-follower 10"),
			[note("people.rebase.alreadyRemovedCc", { name: "Ann End" })],
		],
		[
			"recognises a new email that someone else added as a user meanwhile",
			stagedFrom("+cc bob@example.com Bobby"),
			aCurrent([2, 3], [10]),
			stagedFrom(),
			[note("people.rebase.alreadyAddedCc", { name: "Bob End" })],
		],
		[
			"drops a CC addition of someone who became the requester",
			stagedFrom("+cc 3"),
			aCurrent([2], [10], { requesterId: 3, requesterEmail: "bob@example.com" }),
			stagedFrom(),
			[note("people.rebase.becameRequester", { name: "Bob End" })],
		],
		[
			"keeps a removal of someone who moved from follower to CC only on the list they left",
			stagedFrom("-follower 10"),
			aCurrent([2, 10], []),
			stagedFrom(),
			[note("people.rebase.alreadyRemovedFollower", { name: "Alice Agent" })],
		],
		[
			"flags an account that switched to collaborators mode",
			stagedFrom("+cc 3"),
			aCurrent([2], [], { mode: "collaborators" }),
			stagedFrom("+cc 3"),
			[note("people.rebase.modeChanged", {}, true)],
		],
	];
	it.each(cases)("%s", (_label, staged, fresh, kept, notes) => {
		const result = rebasePeople(staged, previous, fresh);
		expect(result.staged).toEqual(kept);
		expect(result.notes).toEqual(notes);
		expect(result.ambiguous).toBe(notes.some(n => n.blocking));
	});

	it("re-checks the cap when others added CCs meanwhile, and keeps the changes for the agent to decide", () => {
		const before = aCurrent([], [], { ccs: manyUsers(46) });
		const after = aCurrent([], [], { ccs: manyUsers(48) });
		const staged = stagedFrom("+cc 2", "+cc 3");
		const result = rebasePeople(staged, before, after);
		expect(result.staged).toEqual(staged);
		expect(result.notes).toEqual([note("people.rebase.capExceeded", { count: 50, max: 48 }, true)]);
		expect(result.ambiguous).toBe(true);
	});

	it("does not block removals on a ticket that is somehow over the cap", () => {
		const over = aCurrent([], [], { ccs: manyUsers(50) });
		const first = over.ccs[0];
		if (first === undefined) throw new Error("fixture");
		const staged: StagedPeople = { changes: [{ list: "ccs", op: "remove", person: { kind: "user", user: first } }] };
		expect(rebasePeople(staged, over, over).ambiguous).toBe(false);
	});

	it("refreshes the staged user's details from the fresh read", () => {
		const renamed = { ...CAST.alice, name: "Alice Renamed" };
		const fresh = aCurrent([2], [], { ccs: [CAST.ann, renamed] });
		const result = rebasePeople(stagedFrom("+follower 10"), previous, fresh);
		expect(result.staged.changes[0]?.person).toEqual({ kind: "user", user: renamed });
	});
});

describe("externalChanges", () => {
	it("lists who was added and removed on each list", () => {
		expect(externalChanges(aCurrent([2, 3], [10]), aCurrent([3, 13], [10, 11]))).toEqual([
			{ list: "ccs", op: "add", user: CAST.dan },
			{ list: "ccs", op: "remove", user: CAST.ann },
			{ list: "followers", op: "add", user: CAST.ada },
		]);
	});

	it("is empty when nothing changed", () => {
		expect(externalChanges(aCurrent([2], [10]), aCurrent([2], [10]))).toEqual([]);
	});
});
