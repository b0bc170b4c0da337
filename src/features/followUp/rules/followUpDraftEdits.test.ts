import { describe, expect, it } from "vitest";
import {
	addCcEmails,
	addCcUser,
	labelPeople,
	removeCcAt,
	removeFollower,
	toggleCustomField,
} from "./followUpDraftEdits";
import { aDraft, aSource } from "../../../testing/followUpTestData";

const base = () => aDraft(aSource({ emailCcIds: [5], followerIds: [2, 3], customFields: [{ id: 1, value: "x" }] }));

describe("addCcEmails", () => {
	const cases: Array<[typed: string, expected: string[]]> = [
		["ann@x.io", ["ann@x.io"]],
		["ann@x.io, bob@y.io", ["ann@x.io", "bob@y.io"]],
		["not an email", ["not an email"]],
		["", []],
	];
	it.each(cases)("adds %j", (typed, expected) => {
		const emails = addCcEmails(base(), typed).emailCcs.flatMap(cc => (cc.kind === "email" ? [cc.email] : []));
		expect(emails).toEqual(expected);
	});

	it("skips an address already listed, whatever its case", () => {
		const once = addCcEmails(base(), "Ann@x.io");
		expect(addCcEmails(once, "ann@X.io")).toBe(once);
	});
});

describe("addCcUser", () => {
	it("adds a user once", () => {
		const draft = addCcUser(base(), 9, "Nina");
		expect(draft.emailCcs).toContainEqual({ kind: "user", userId: 9, label: "Nina" });
		expect(addCcUser(draft, 9, "Nina")).toBe(draft);
	});
});

describe("removeCcAt", () => {
	it("removes the entry at the index and ignores out-of-range indexes", () => {
		const draft = addCcEmails(base(), "ann@x.io");
		expect(removeCcAt(draft, 0).emailCcs).toEqual([{ kind: "email", email: "ann@x.io", name: "" }]);
		expect(removeCcAt(draft, 7)).toBe(draft);
		expect(removeCcAt(draft, -1)).toBe(draft);
	});
});

describe("removeFollower and toggleCustomField", () => {
	it("removes one follower", () => {
		expect(removeFollower(base(), 2).followers.map(f => f.userId)).toEqual([3]);
	});
	it("turns copying a field off and on", () => {
		const off = toggleCustomField(base(), 1, false);
		expect(off.customFields[0]?.include).toBe(false);
		expect(toggleCustomField(off, 1, true).customFields[0]?.include).toBe(true);
	});
});

describe("labelPeople", () => {
	it("labels known users and keeps the rest", () => {
		const draft = labelPeople(base(), id => (id === 5 ? "Eve" : id === 2 ? "Al" : undefined));
		expect(draft.emailCcs).toEqual([{ kind: "user", userId: 5, label: "Eve" }]);
		expect(draft.followers).toEqual([
			{ userId: 2, label: "Al" },
			{ userId: 3, label: "" },
		]);
	});
});
