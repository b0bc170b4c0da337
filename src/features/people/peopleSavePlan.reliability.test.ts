import { describe, expect, it } from "vitest";
import { aCurrent, stagedFrom } from "../../testing/peopleFixtures";
import { createPeopleSavePlan } from "./peopleSavePlan";

const rules = { lightAgentEmailCcsAllowed: false };

/**
 * Found by `npm run stress`: after a failed try the writer keeps the ticket it re-read, so the next
 * first attempt (rebased = false) can see a ticket newer than the one the changes were staged on.
 */
describe("createPeopleSavePlan on a first attempt with a fresher ticket", () => {
	it("re-applies the intent instead of asking about changes someone else already made", () => {
		const base = aCurrent([2, 4]);
		const fresher = aCurrent([4], [], { updatedAt: "2024-01-01T10:05:00Z" }); // CC 2 removed meanwhile
		const planner = createPeopleSavePlan(stagedFrom("+cc 3", "-cc 2"), base, rules);
		const plan = planner.plan(fresher, false);
		expect(plan.kind === "send" && plan.payload.patch).toEqual({ emailCcs: [{ userId: 3, action: "put" }] });
		expect(planner.notes.map(note => note.code)).toEqual(["people.rebase.alreadyRemovedCc"]);
	});

	it("does not count it against the single automatic retry", () => {
		const planner = createPeopleSavePlan(stagedFrom("+cc 3"), aCurrent([2]), rules);
		expect(planner.plan(aCurrent([2, 13], [], { updatedAt: "2024-01-01T10:05:00Z" }), false).kind).toBe("send");
		expect(planner.plan(aCurrent([2, 13, 1], [], { updatedAt: "2024-01-01T10:06:00Z" }), true).kind).toBe("send");
	});
});
