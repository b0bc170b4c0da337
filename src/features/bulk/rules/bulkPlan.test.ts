import { describe, expect, it } from "vitest";
import { isEmptyIntent, planBulkItem, type BulkIntent, type BulkTicket } from "./bulkPlan";

/** The empty intent. */
const EMPTY_INTENT: BulkIntent = {
	ccs: { add: [], remove: [] },
	followers: { add: [], remove: [] },
	tags: { add: [], remove: [] },
	fields: [],
};

const EMAILS: Record<number, string> = { 1: "ann@example.com", 2: "bob@example.com" };
const emailOf = (id: number) => EMAILS[id] ?? null;

const ticket = (over: Partial<BulkTicket> = {}): BulkTicket => ({
	id: 5,
	status: "open",
	updatedAt: "2026-01-01T10:00:00Z",
	tags: ["a"],
	emailCcIds: [1],
	followerIds: [],
	customFields: [{ id: 10, value: "x" }],
	...over,
});
const intent = (over: Partial<BulkIntent> = {}): BulkIntent => ({ ...EMPTY_INTENT, ...over });

describe("planBulkItem", () => {
	it("sends only deltas: new CCs as put, present ones as delete, tags as additional/remove", () => {
		const plan = planBulkItem(
			ticket(),
			intent({
				ccs: { add: ["ann@example.com", "cat@example.com"], remove: ["ann@example.com", "bob@example.com"] },
				followers: { add: ["bob@example.com"], remove: [] },
				tags: { add: ["a", "b"], remove: ["a", "zz"] },
			}),
			emailOf,
		);
		expect(plan).toEqual({
			kind: "send",
			patch: {
				email_ccs: [
					{ user_email: "cat@example.com", action: "put" },
					{ user_email: "ann@example.com", action: "delete" },
				],
				followers: [{ user_email: "bob@example.com", action: "put" }],
				additional_tags: ["b"],
				remove_tags: ["a"],
			},
		});
	});

	it("sets a field value, and says nothing is left when the ticket already has everything", () => {
		expect(planBulkItem(ticket(), intent({ fields: [{ id: 10, value: "y" }] }), emailOf)).toEqual({
			kind: "send",
			patch: { custom_fields: [{ id: 10, value: "y" }] },
		});
		const done = ticket({ tags: ["a", "b"], customFields: [{ id: 10, value: "y" }] });
		expect(
			planBulkItem(done, intent({ tags: { add: ["b"], remove: [] }, fields: [{ id: 10, value: "y" }] }), emailOf),
		).toEqual({
			kind: "noop",
		});
	});

	it("skips a closed ticket, which Zendesk would refuse", () => {
		expect(planBulkItem(ticket({ status: "closed" }), intent({ tags: { add: ["b"], remove: [] } }), emailOf)).toEqual({
			kind: "skip",
			reason: "closed",
		});
	});

	it("after a collision, asks instead of overwriting a field another agent changed, and re-applies the rest", () => {
		const base = ticket();
		const theirs = ticket({
			updatedAt: "2026-01-01T10:05:00Z",
			customFields: [{ id: 10, value: "theirs" }],
			tags: ["a", "t"],
		});
		const wanted = intent({ fields: [{ id: 10, value: "mine" }], tags: { add: ["b"], remove: [] } });
		expect(planBulkItem(theirs, wanted, emailOf, base)).toEqual({
			kind: "ask",
			fields: [{ id: 10, theirs: "theirs" }],
		});
		// Their change to something else (tags) is no reason to ask: the deltas go on top of it.
		const other = ticket({ updatedAt: "2026-01-01T10:05:00Z", tags: ["a", "t"] });
		expect(planBulkItem(other, wanted, emailOf, base)).toEqual({
			kind: "send",
			patch: { additional_tags: ["b"], custom_fields: [{ id: 10, value: "mine" }] },
		});
	});

	it("knows an empty intent", () => {
		expect(isEmptyIntent(EMPTY_INTENT)).toBe(true);
		expect(isEmptyIntent(intent({ tags: { add: ["x"], remove: [] } }))).toBe(false);
	});
});
