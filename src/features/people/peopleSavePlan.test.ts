import { describe, expect, it } from "vitest";
import { CAST, aCurrent, manyUsers, stagedFrom } from "../../testing/peopleFixtures";
import { createPeopleSavePlan } from "./peopleSavePlan";

const rules = { lightAgentEmailCcsAllowed: false };

describe("createPeopleSavePlan", () => {
	it("sends the diff against the snapshot on the first attempt", () => {
		const base = aCurrent([2], [10]);
		const planner = createPeopleSavePlan(stagedFrom("+cc 3", "-follower 10"), base, rules);
		const plan = planner.plan(base, false);
		expect(plan).toEqual({
			kind: "send",
			payload: {
				patch: { emailCcs: [{ userId: 3, action: "put" }], followers: [{ userId: 10, action: "delete" }] },
				base,
				changes: stagedFrom("+cc 3", "-follower 10").changes,
			},
		});
		expect(planner.sent).toEqual(plan.kind === "send" ? plan.payload : null);
		expect(planner.notes).toEqual([]);
	});

	it("re-plans on fresh data, keeping others' CCs and reporting them", () => {
		const base = aCurrent([2]);
		const fresh = aCurrent([2, 13], [], { updatedAt: "2024-01-01T10:05:00Z" });
		const planner = createPeopleSavePlan(stagedFrom("+cc 3"), base, rules);
		const plan = planner.plan(fresh, true);
		expect(plan.kind === "send" && plan.payload.patch).toEqual({ emailCcs: [{ userId: 3, action: "put" }] });
		expect(plan.kind === "send" && plan.payload.base).toBe(fresh);
		expect(planner.external.map(change => change.user.id)).toEqual([13]);
	});

	it("answers noop when someone else already did everything", () => {
		const planner = createPeopleSavePlan(stagedFrom("+cc 3", "-cc 2"), aCurrent([2]), rules);
		expect(planner.plan(aCurrent([3]), true)).toEqual({ kind: "noop" });
		expect(planner.notes.map(note => note.code)).toEqual([
			"people.rebase.alreadyAddedCc",
			"people.rebase.alreadyRemovedCc",
		]);
	});

	it("asks when the rebase is ambiguous (the cap), with the rebased changes", () => {
		const staged = stagedFrom("+cc 2", "+cc 3");
		const planner = createPeopleSavePlan(staged, aCurrent([], [], { ccs: manyUsers(46) }), rules);
		expect(planner.plan(aCurrent([], [], { ccs: manyUsers(48) }), true)).toEqual({ kind: "ask", conflicts: staged });
	});

	it("retries once on its own and asks on the second collision", () => {
		const base = aCurrent([2]);
		const planner = createPeopleSavePlan(stagedFrom("+cc 3"), base, rules);
		expect(planner.plan(base, false).kind).toBe("send");
		expect(planner.plan(aCurrent([2, 13]), true).kind).toBe("send");
		expect(planner.plan(aCurrent([2, 13, 1]), true)).toEqual({ kind: "ask", conflicts: stagedFrom("+cc 3") });
		expect(planner.notes.at(-1)?.code).toBe("people.rebase.conflictAgain");
	});

	it("asks instead of sending staged changes that fail validation on fresh data", () => {
		// A guard: e.g. a follower staged while an agent, demoted to end user before the retry.
		const demoted = { ...CAST.ada, role: "end-user" as const };
		const planner = createPeopleSavePlan(
			{ changes: [{ list: "followers", op: "add", person: { kind: "user", user: demoted } }] },
			aCurrent([]),
			rules,
		);
		expect(planner.plan(aCurrent([]), true).kind).toBe("ask");
	});
});
