import { describe, expect, it } from "vitest";
import type { RequesterChoice } from "./requesterChoice";
import { requesterPayload, validateRequesterChoice } from "./requesterChoice";

const newRequester = (name: string, email: string, localeId: number | null = null): RequesterChoice => ({
	kind: "new",
	name,
	email,
	localeId,
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

describe("requesterPayload", () => {
	it("sends locale_id only when a language was chosen", () => {
		expect(requesterPayload(newRequester("P", "a@b.io", 8), 7)).toEqual({
			requester: { name: "P", email: "a@b.io", locale_id: 8 },
		});
		expect(requesterPayload(newRequester("P", "a@b.io"), 7)).toEqual({ requester: { name: "P", email: "a@b.io" } });
	});
});
