import { describe, expect, it } from "vitest";
import { emailProblem, normalizeEmail, sameEmail, splitEmailList, type EmailProblem } from "./email";

describe("emailProblem", () => {
	const cases: Array<[input: string, expected: EmailProblem | null]> = [
		["pablo@example.org", null],
		["  pablo@example.org  ", null],
		["first.last+tag@sub.example.co.uk", null],
		["o'brien@example.ie", null],
		["jürgen@bücher.de", null],
		["user@xn--bcher-kva.de", null],
		["a@b.io", null],
		["", "empty"],
		["   ", "empty"],
		["pablo.example.org", "missing_at"],
		["@example.org", "invalid"],
		["pablo@", "invalid"],
		["pablo@localhost", "invalid"],
		["pablo@example", "invalid"],
		["pablo@example.c", "invalid"],
		["pablo@example.123", "invalid"],
		["pa blo@example.org", "invalid"],
		["pablo@exa mple.org", "invalid"],
		[".pablo@example.org", "invalid"],
		["pablo.@example.org", "invalid"],
		["pa..blo@example.org", "invalid"],
		["pablo@example..org", "invalid"],
		["pablo@-example.org", "invalid"],
		["pablo@example-.org", "invalid"],
		["pablo@example.org,", "invalid"],
		["pablo@@example.org", "invalid"],
		["<pablo@example.org>", "invalid"],
		[`${"a".repeat(65)}@example.org`, "invalid"],
		[`a@${"b".repeat(250)}.org`, "too_long"],
		["bob\uff20example.com", "lookalike_at"],
		["bob\ufe6bexample.com", "lookalike_at"],
		["bob at example.com", "spelled_at"],
		["bob AT example.com", "spelled_at"],
		["bob [at] example.com", "spelled_at"],
		["bob(at)example.com", "spelled_at"],
		["bob at home", "missing_at"],
		["\uff42\uff4f\uff42@example.com", "lookalike"],
		["bob@example\uff0ecom", "lookalike"],
		["bob@example\u3002com", "lookalike"],
		["bob\u200b@example.com", "lookalike"],
		["bob@exa\ufeffmple.com", "lookalike"],
		["\ufeffbob@example.com", null], // trimmed away, like spaces
	];
	it.each(cases)("classifies %j as %s", (input, expected) => {
		expect(emailProblem(input)).toBe(expected);
	});

	it("accepts a full address and refuses one without a TLD", () => {
		expect(emailProblem("pablo@example.org") === null).toBe(true);
		expect(emailProblem("pablo@example") === null).toBe(false);
	});
});

describe("normalizeEmail", () => {
	const cases: Array<[string, string]> = [
		[" Pablo@Example.ORG ", "Pablo@example.org"],
		["no-at-sign", "no-at-sign"],
		["a@b@C.com", "a@b@c.com"],
	];
	it.each(cases)("normalizes %j to %j", (input, expected) => {
		expect(normalizeEmail(input)).toBe(expected);
	});
});

describe("sameEmail", () => {
	it("ignores case and surrounding whitespace", () => {
		expect(sameEmail(" Pablo@Example.org", "pablo@example.ORG ")).toBe(true);
	});
	it("tells different addresses apart", () => {
		expect(sameEmail("pablo@example.org", "pablo@example.com")).toBe(false);
	});
});

describe("splitEmailList", () => {
	const cases: Array<[string, string[]]> = [
		["", []],
		["a@x.com", ["a@x.com"]],
		["a@x.com, b@y.com;c@z.com", ["a@x.com", "b@y.com", "c@z.com"]],
		["A@x.com\na@X.com", ["A@x.com"]],
		["Ann Smith <ann@x.com>, bob@y.com", ["ann@x.com", "bob@y.com"]],
		[" , ;  ", []],
		["not an email", ["not an email"]],
	];
	it.each(cases)("splits %j", (input, expected) => {
		expect(splitEmailList(input)).toEqual(expected);
	});
});
