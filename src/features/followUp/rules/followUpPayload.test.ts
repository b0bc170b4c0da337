import { describe, expect, it } from "vitest";
import { buildFollowUpPayload, requesterPayload } from "./followUpPayload";
import type { FollowUpDraft } from "./followUpDraft";
import { aDraft, aSource, newRequester } from "../../../testing/followUpTestData";
import type { FollowUpSource } from "./followUpDraft";

const texts = { linkedNote: "This continues ticket #41." };

describe("buildFollowUpPayload", () => {
	it("links a closed source with via_followup_source_id and the original requester", () => {
		const request = buildFollowUpPayload(aSource(), aDraft(), texts);
		expect(request).toEqual({
			mode: "followUp",
			body: {
				ticket: {
					requester_id: 7,
					subject: "Printer overheats",
					comment: { body: "My printer is still too hot!", public: true },
					via_followup_source_id: 41,
					tags: ["printer", "hardware"],
				},
			},
		});
	});

	const notClosed: FollowUpSource["status"][] = ["new", "open", "pending", "hold", "solved"];
	it.each(notClosed)("makes a linked ticket, not a follow-up, for a %s source", status => {
		const source = aSource({ status });
		const request = buildFollowUpPayload(source, aDraft(source), texts);
		expect(request?.mode).toBe("linked");
		expect(request?.body.ticket).not.toHaveProperty("via_followup_source_id");
		expect(request?.body.ticket.comment.body).toBe("My printer is still too hot!\n\nThis continues ticket #41.");
	});

	it("uses the source's status now, not the mode the draft was prepared in", () => {
		const draft = aDraft(aSource({ status: "solved" }));
		expect(buildFollowUpPayload(aSource({ status: "closed" }), draft, texts)?.mode).toBe("followUp");
	});

	const requesterCases: Array<[name: string, requester: FollowUpDraft["requester"], expected: object]> = [
		["the same requester", { kind: "same" }, { requester_id: 7 }],
		["an existing user", { kind: "existing", userId: 12, label: "Ann" }, { requester_id: 12 }],
		[
			"a new requester with a locale",
			{ kind: "new", name: " Pablo ", email: " pablito@Example.ORG ", localeId: 8 },
			{ requester: { name: "Pablo", email: "pablito@example.org", locale_id: 8 } },
		],
		[
			"a new requester without a locale",
			{ kind: "new", name: "Pablo", email: "pablito@example.org", localeId: null },
			{ requester: { name: "Pablo", email: "pablito@example.org" } },
		],
	];
	it.each(requesterCases)("sends %s", (_name, requester, expected) => {
		const ticket = buildFollowUpPayload(aSource(), aDraft(aSource(), { requester }), texts)?.body.ticket;
		const { requester_id, requester: req } = ticket as { requester_id?: number; requester?: object };
		expect(requester_id === undefined ? { requester: req } : { requester_id }).toEqual(expected);
	});

	it("returns null when no existing user was picked", () => {
		const draft = aDraft(aSource(), { requester: { kind: "existing", userId: null, label: "" } });
		expect(buildFollowUpPayload(aSource(), draft, texts)).toBeNull();
	});

	it("returns null for the same requester when the source has none", () => {
		const source = aSource({ requesterId: null });
		expect(buildFollowUpPayload(source, aDraft(source), texts)).toBeNull();
	});

	it("sends an internal first comment when asked", () => {
		const ticket = buildFollowUpPayload(aSource(), aDraft(aSource(), { isPublic: false }), texts)?.body.ticket;
		expect(ticket?.comment.public).toBe(false);
	});

	it("trims the comment and subject and omits an empty subject", () => {
		const draft = aDraft(aSource(), { comment: "  hi  ", subject: "   " });
		const ticket = buildFollowUpPayload(aSource(), draft, texts)?.body.ticket;
		expect(ticket?.comment.body).toBe("hi");
		expect(ticket).not.toHaveProperty("subject");
	});

	it("sends the typed tags, lower-cased, even when empty (replacing the inherited ones)", () => {
		expect(
			buildFollowUpPayload(aSource(), aDraft(aSource(), { tagsText: "VIP, vip  printer" }), texts)?.body.ticket.tags,
		).toEqual(["vip", "printer"]);
		expect(buildFollowUpPayload(aSource(), aDraft(aSource(), { tagsText: "" }), texts)?.body.ticket.tags).toEqual([]);
	});

	it("sets priority and type only when chosen", () => {
		const plain = buildFollowUpPayload(aSource(), aDraft(), texts)?.body.ticket;
		expect(plain).not.toHaveProperty("priority");
		expect(plain).not.toHaveProperty("type");
		const chosen = buildFollowUpPayload(aSource(), aDraft(aSource(), { priority: "high", type: "incident" }), texts)
			?.body.ticket;
		expect(chosen).toMatchObject({ priority: "high", type: "incident" });
	});

	it("copies group and assignee only when asked, skipping missing ones", () => {
		const off = buildFollowUpPayload(aSource(), aDraft(), texts)?.body.ticket;
		expect(off).not.toHaveProperty("group_id");
		const source = aSource({ assigneeId: null });
		const on = buildFollowUpPayload(source, aDraft(source, { copyGroupAndAssignee: true }), texts)?.body.ticket;
		expect(on).toMatchObject({ group_id: 3 });
		expect(on).not.toHaveProperty("assignee_id");
	});

	it("sends distinct email CCs by id or address, with a name only when given", () => {
		const draft = aDraft(aSource(), {
			emailCcs: [
				{ kind: "user", userId: 5, label: "Eve" },
				{ kind: "user", userId: 5, label: "Eve" },
				{ kind: "email", email: " Ann@Example.org ", name: "Ann" },
				{ kind: "email", email: "ann@example.ORG", name: "" },
				{ kind: "email", email: "bob@example.org", name: " " },
			],
		});
		expect(buildFollowUpPayload(aSource(), draft, texts)?.body.ticket.email_ccs).toEqual([
			{ user_id: 5, action: "put" },
			{ user_email: "Ann@example.org", user_name: "Ann", action: "put" },
			{ user_email: "bob@example.org", action: "put" },
		]);
	});

	it("sends distinct followers and omits empty lists", () => {
		const none = buildFollowUpPayload(aSource(), aDraft(), texts)?.body.ticket;
		expect(none).not.toHaveProperty("email_ccs");
		expect(none).not.toHaveProperty("followers");
		const draft = aDraft(aSource(), {
			followers: [
				{ userId: 2, label: "" },
				{ userId: 2, label: "Al" },
				{ userId: 4, label: "" },
			],
		});
		expect(buildFollowUpPayload(aSource(), draft, texts)?.body.ticket.followers).toEqual([
			{ user_id: 2, action: "put" },
			{ user_id: 4, action: "put" },
		]);
	});

	it("copies only the custom field values the agent kept", () => {
		const draft = aDraft(aSource(), {
			customFields: [
				{ id: 1, value: "donkey", include: true },
				{ id: 2, value: ["a", "b"], include: true },
				{ id: 3, value: true, include: false },
			],
		});
		expect(buildFollowUpPayload(aSource(), draft, texts)?.body.ticket.custom_fields).toEqual([
			{ id: 1, value: "donkey" },
			{ id: 2, value: ["a", "b"] },
		]);
	});

	it("puts the one upload token in comment.uploads when files were uploaded", () => {
		const upload = { localId: "u1", name: "a.txt", size: 3, contentType: "text/plain", attachmentId: 9, uploadedAt: 0 };
		const withFiles = aDraft(aSource(), { uploadToken: "tok", uploads: [upload, { ...upload, localId: "u2" }] });
		expect(buildFollowUpPayload(aSource(), withFiles, texts)?.body.ticket.comment.uploads).toEqual(["tok"]);
		const tokenOnly = aDraft(aSource(), { uploadToken: "tok", uploads: [] });
		expect(buildFollowUpPayload(aSource(), tokenOnly, texts)?.body.ticket.comment).not.toHaveProperty("uploads");
	});

	it("builds the same body for the same draft (so idempotency keys can be reused)", () => {
		const draft = aDraft();
		expect(JSON.stringify(buildFollowUpPayload(aSource(), draft, texts))).toBe(
			JSON.stringify(buildFollowUpPayload(aSource(), structuredClone(draft), texts)),
		);
	});
});

describe("requesterPayload", () => {
	it("sends locale_id only when a language was chosen", () => {
		expect(requesterPayload(newRequester("P", "a@b.io", 8), 7)).toEqual({
			requester: { name: "P", email: "a@b.io", locale_id: 8 },
		});
		expect(requesterPayload(newRequester("P", "a@b.io"), 7)).toEqual({ requester: { name: "P", email: "a@b.io" } });
	});
});
