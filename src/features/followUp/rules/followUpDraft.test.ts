import { describe, expect, it } from "vitest";
import {
	addCcEmails,
	addCcUser,
	createFollowUpDraft,
	labelPeople,
	parseTags,
	removeCcAt,
	removeFollower,
	toggleCustomField,
	parseFollowUpDraft,
} from "./followUpDraft";
import { aDraft, aSource } from "../../../testing/followUpTestData";

describe("createFollowUpDraft", () => {
	it("prefills subject, requester, tags, CCs, followers and non-empty custom fields from the source", () => {
		const source = aSource({
			emailCcIds: [5, 6],
			followerIds: [2],
			customFields: [
				{ id: 1, value: "donkey" },
				{ id: 2, value: null },
				{ id: 3, value: "" },
				{ id: 4, value: false },
			],
		});
		const draft = createFollowUpDraft(source);
		expect(draft).toMatchObject({
			sourceId: 41,
			mode: "followUp",
			subject: "Printer overheats",
			comment: "",
			isPublic: true,
			requester: { kind: "same" },
			priority: "",
			type: "",
			tagsText: "printer hardware",
			copyGroupAndAssignee: false,
			emailCcs: [
				{ kind: "user", userId: 5, label: "" },
				{ kind: "user", userId: 6, label: "" },
			],
			followers: [{ userId: 2, label: "" }],
			customFields: [
				{ id: 1, value: "donkey", include: true },
				{ id: 4, value: false, include: true },
			],
			uploadToken: null,
			uploads: [],
			createAsync: false,
			attempt: null,
			pendingJob: null,
		});
	});

	it("prepares a linked ticket for a source that is not closed", () => {
		expect(createFollowUpDraft(aSource({ status: "solved" })).mode).toBe("linked");
	});

	it("survives a JSON round trip unchanged", () => {
		const draft = aDraft();
		expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
	});
});

describe("parseTags", () => {
	const cases: Array<[string, string[]]> = [
		["", []],
		["a b", ["a", "b"]],
		[" A,b,,  a\nc ", ["a", "b", "c"]],
		["über_tag vip-2", ["über_tag", "vip-2"]],
	];
	it.each(cases)("reads %j", (text, tags) => {
		expect(parseTags(text)).toEqual(tags);
	});
});

describe("parseFollowUpDraft", () => {
	const fresh = createFollowUpDraft(aSource());

	it("restores a stored draft exactly", () => {
		const stored = aDraft(aSource(), {
			comment: "typed before reload",
			requester: { kind: "new", name: "Pablo", email: "p@x.io", localeId: 8 },
			emailCcs: [{ kind: "email", email: "not yet valid", name: "" }],
			uploadToken: "tok",
			uploads: [{ localId: "u1", name: "a.txt", size: 3, contentType: "text/plain", attachmentId: 9, uploadedAt: 5 }],
			attempt: { key: "followup-1", fingerprint: "abc" },
			pendingJob: { jobId: "V3-1", ticketId: 77, queuedAt: 9 },
			priority: "high",
			type: "task",
		});
		expect(parseFollowUpDraft(JSON.parse(JSON.stringify(stored)), fresh)).toEqual(stored);
	});

	const garbage: unknown[] = [null, undefined, 42, "draft", [], { sourceId: 99, comment: "other ticket" }];
	it.each(garbage)("falls back to the fresh draft for %j", stored => {
		expect(parseFollowUpDraft(stored, fresh)).toBe(fresh);
	});

	it("keeps the good fields of a partly broken draft", () => {
		const stored = {
			sourceId: 41,
			comment: "keep me",
			isPublic: "yes",
			requester: { kind: "alien" },
			priority: "extreme",
			emailCcs: [{ kind: "user", userId: "5" }, { kind: "email", email: "ann@x.io" }, null],
			followers: "nope",
			customFields: [
				{ id: 1, value: { nested: true } },
				{ id: 2, value: ["a"], include: false },
			],
			uploads: [{ localId: "u1", name: "a.txt", size: 3, uploadedAt: 1 }],
			attempt: { key: "" },
		};
		expect(parseFollowUpDraft(stored, fresh)).toEqual({
			...fresh,
			comment: "keep me",
			emailCcs: [{ kind: "email", email: "ann@x.io", name: "" }],
			customFields: [{ id: 2, value: ["a"], include: false }],
		});
	});

	it("drops uploads whose token is missing (they cannot be attached)", () => {
		const stored = {
			...aDraft(),
			uploadToken: null,
			uploads: [
				{ localId: "u1", name: "a.txt", size: 3, contentType: "text/plain", attachmentId: null, uploadedAt: 1 },
			],
		};
		expect(parseFollowUpDraft(stored, fresh).uploads).toEqual([]);
	});
});

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
