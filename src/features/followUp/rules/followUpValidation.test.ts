import { describe, expect, it } from "vitest";
import type { FollowUpDraft } from "./followUpDraft";
import { aDraft, aSource, newRequester } from "../../../testing/followUpTestData";
import type { FollowUpSource } from "./followUpDraft";
import type { RequesterChoice } from "./followUpDraft";
import { emailCcsPayload } from "./followUpPayload";
import {
	typedCcIssues,
	UPLOAD_TOKEN_LIFETIME_MS,
	validateFollowUpDraft,
	validateRequesterChoice,
} from "./followUpValidation";

const NOW = 1_700_000_000_000;
const upload = (uploadedAt: number) => ({
	localId: `u${uploadedAt}`,
	name: "a.txt",
	size: 3,
	contentType: "text/plain",
	attachmentId: null,
	uploadedAt,
});
const emailCc = (email: string) => ({ kind: "email" as const, email, name: "" });
const userCc = (userId: number) => ({ kind: "user" as const, userId, label: "" });

function codes(
	draft: Partial<FollowUpDraft>,
	source: Partial<FollowUpSource> = {},
	extra: { uploadsInFlight?: number } = {},
): string[] {
	const src = aSource(source);
	const issues = validateFollowUpDraft(aDraft(aSource(), draft), { source: src, now: NOW, ...extra });
	return issues.map(i => `${i.field}:${i.code.replace("followUp.issues.", "")}`);
}

describe("validateFollowUpDraft", () => {
	const cases: Array<[name: string, draft: Partial<FollowUpDraft>, expected: string[]]> = [
		["a ready draft", {}, []],
		["an empty comment", { comment: "" }, ["comment:commentEmpty"]],
		["a whitespace-only comment", { comment: " \n\t " }, ["comment:commentEmpty"]],
		["an overlong subject", { subject: "s".repeat(256) }, ["subject:subjectTooLong"]],
		["an empty subject (Zendesk derives one)", { subject: "" }, []],
		[
			"an unpicked existing requester",
			{ requester: { kind: "existing", userId: null, label: "" } },
			["requester:requesterNotChosen"],
		],
		[
			"a new requester with a bad email",
			{ requester: { kind: "new", name: "P", email: "p@", localeId: null } },
			["requester.email:requesterEmailInvalid"],
		],
		[
			"a bad typed CC, reported at its index",
			{ emailCcs: [userCc(1), emailCc("nope")] },
			["emailCcs.1:ccEmailInvalid"],
		],
		["48 CCs", { emailCcs: Array.from({ length: 48 }, (_, i) => userCc(i + 1)) }, []],
		[
			"49 CCs",
			{ emailCcs: Array.from({ length: 49 }, (_, i) => emailCc(`u${i}@example.org`)) },
			["emailCcs:tooManyCcs"],
		],
		[
			"49 CC entries that are 48 distinct people",
			{ emailCcs: [...Array.from({ length: 48 }, (_, i) => userCc(i + 1)), userCc(1)] },
			[],
		],
		["a tag list longer than Zendesk stores", { tagsText: "t".repeat(5097) }, ["tags:tagsTooLong"]],
		["fresh uploads", { uploadToken: "tok", uploads: [upload(NOW - 60_000)] }, []],
		[
			"uploads older than the token lifetime",
			{ uploadToken: "tok", uploads: [upload(NOW - UPLOAD_TOKEN_LIFETIME_MS - 1), upload(NOW)] },
			["attachments:uploadsExpired"],
		],
		[
			"eleven uploads",
			{ uploadToken: "tok", uploads: Array.from({ length: 11 }, (_, i) => upload(NOW - i)) },
			["attachments:tooManyAttachments"],
		],
		[
			"everything wrong at once",
			{ comment: "", requester: { kind: "new", name: "", email: "", localeId: null } },
			["comment:commentEmpty", "requester.name:requesterNameEmpty", "requester.email:requesterEmailEmpty"],
		],
	];
	it.each(cases)("reports %s", (_name, draft, expected) => {
		expect(codes(draft)).toEqual(expected);
	});

	it("says how many CCs there are and the maximum", () => {
		const draft = aDraft(aSource(), { emailCcs: Array.from({ length: 50 }, (_, i) => userCc(i + 1)) });
		const issues = validateFollowUpDraft(draft, { source: aSource(), now: NOW });
		expect(issues[0]?.vars).toEqual({ max: 48, count: 50 });
	});

	it("blocks sending while files are still uploading", () => {
		expect(codes({}, {}, { uploadsInFlight: 1 })).toEqual(["attachments:uploadsInFlight"]);
	});

	it("notices a source that was closed after the draft was prepared as a linked ticket", () => {
		const draft = aDraft(aSource({ status: "solved" }));
		const issues = validateFollowUpDraft(draft, { source: aSource({ status: "closed" }), now: NOW });
		expect(issues).toEqual([{ field: "form", code: "followUp.issues.sourceClosedMeanwhile", vars: { id: 41 } }]);
	});

	it("notices a source that is no longer closed", () => {
		const draft = aDraft(aSource({ status: "closed" }));
		const issues = validateFollowUpDraft(draft, { source: aSource({ status: "open" }), now: NOW });
		expect(issues.map(i => i.code)).toEqual(["followUp.issues.sourceReopenedMeanwhile"]);
	});

	it("does not change the draft", () => {
		const draft = aDraft(aSource(), { comment: "" });
		const copy = structuredClone(draft);
		validateFollowUpDraft(draft, { source: aSource(), now: NOW });
		expect(draft).toEqual(copy);
	});
});

describe("emailCcsPayload", () => {
	it("counts users by id and addresses case-insensitively", () => {
		const draft = aDraft(aSource(), {
			emailCcs: [userCc(1), userCc(1), emailCc("A@x.io"), emailCc("a@X.io "), emailCc("b@x.io")],
		});
		expect(emailCcsPayload(draft)).toHaveLength(3);
	});
});

describe("typedCcIssues", () => {
	it("names each address of the typed text the way the chip will, specific where it can be", () => {
		expect(typedCcIssues("ok@example.com; bob\uff20example.com, bob at example.com, bob@x")).toEqual([
			{ field: "emailCcsInput", code: "email.lookalikeAt", vars: { email: "bob\uff20example.com" } },
			{ field: "emailCcsInput", code: "email.spelledAt", vars: { email: "bob at example.com" } },
			{ field: "emailCcsInput", code: "followUp.issues.ccEmailInvalid", vars: { email: "bob@x" } },
		]);
		expect(typedCcIssues("")).toEqual([]);
	});

	it("stays quiet for a name being searched for, but names a look-alike in one", () => {
		expect(typedCcIssues("Noah Fisch")).toEqual([]);
		expect(typedCcIssues("ｎoah")).toEqual([
			{ field: "emailCcsInput", code: "email.lookalike", vars: { email: "ｎoah" } },
		]);
	});
});

describe("validateRequesterChoice", () => {
	const cases: Array<[name: string, choice: RequesterChoice, sourceRequester: number | null, codes: string[]]> = [
		["the same requester", { kind: "same" }, 7, []],
		["the same requester when the source has none", { kind: "same" }, null, ["requester:requesterSourceMissing"]],
		["a picked existing user", { kind: "existing", userId: 12, label: "Ann" }, 7, []],
		[
			"an existing user not picked yet",
			{ kind: "existing", userId: null, label: "" },
			7,
			["requester:requesterNotChosen"],
		],
		["a complete new requester", newRequester("Pablo", "pablito@example.org"), 7, []],
		[
			"a new requester without a name",
			newRequester("  ", "pablito@example.org"),
			7,
			["requester.name:requesterNameEmpty"],
		],
		["a new requester without an email", newRequester("Pablo", " "), 7, ["requester.email:requesterEmailEmpty"]],
		[
			"a new requester with a bad email",
			newRequester("Pablo", "pablito@example"),
			7,
			["requester.email:requesterEmailInvalid"],
		],
		[
			"a new requester with nothing filled in",
			newRequester("", ""),
			7,
			["requester.name:requesterNameEmpty", "requester.email:requesterEmailEmpty"],
		],
		[
			"a new requester with an overlong name",
			newRequester("x".repeat(256), "a@b.io"),
			7,
			["requester.name:requesterNameTooLong"],
		],
		[
			"a new requester with a malformed locale",
			newRequester("Pablo", "a@b.io", -1),
			7,
			["requester.locale:requesterLocaleUnknown"],
		],
	];
	it.each(cases)("checks %s", (_name, choice, sourceRequester, codes) => {
		const issues = validateRequesterChoice(choice, sourceRequester);
		expect(issues.map(i => `${i.field}:${i.code.replace("followUp.issues.", "")}`)).toEqual(codes);
	});

	it("refuses a locale the account does not have, when the list is known", () => {
		expect(validateRequesterChoice(newRequester("P", "a@b.io", 99), 7, [1, 8])).toHaveLength(1);
		expect(validateRequesterChoice(newRequester("P", "a@b.io", 8), 7, [1, 8])).toEqual([]);
	});

	it("names the refused address in the message variables", () => {
		const [issue] = validateRequesterChoice(newRequester("P", " bad@ "), 7);
		expect(issue?.vars).toEqual({ email: "bad@" });
	});
});
