import { describe, expect, it } from "vitest";
import { compileZendeskPattern } from "./fieldCoercion";

describe("compileZendeskPattern", () => {
	const matches: Array<[pattern: string, value: string, expected: boolean]> = [
		["^[0-9]{5}$", "12345", true],
		["^[0-9]{5}$", "1234", false],
		["\\A[A-Z]{2}-\\d+\\z", "AB-42", true],
		["\\A[A-Z]{2}-\\d+\\z", "xAB-42", false],
		["\\A[A-Z]{2}-\\d+\\Z", "AB-42x", false],
		["(?i)^abc$", "ABC", true],
		["^abc$", "ABC", false],
		["^\\h+$", "deadBEEF", true],
		["^\\h+$", "xyz", false],
		["^[\\h-]+$", "ab-12", true],
		["[\\A]", "A", true],
		["\\\\A", "\\A", true],
		// Ruby's ^ and $ are line anchors; Zendesk matches anywhere in the value unless anchored.
		["^\\d+$", "abc\n123", true],
		["\\d", "a1b", true],
	];
	it.each(matches)("compiles %j so that %j matches: %s", (pattern, value, expected) => {
		const compiled = compileZendeskPattern(pattern);
		expect(compiled.broken).toBe(false);
		expect(compiled.regex?.test(value)).toBe(expected);
	});

	const broken: string[] = ["(", "[a-", "a{2,1}", "(?x) a b", "(?>atomic)", "a++", "\\", "x".repeat(2001)];
	it.each(broken)("reports %j as broken instead of throwing", pattern => {
		expect(compileZendeskPattern(pattern)).toEqual({ regex: null, broken: true });
	});

	it.each([null, undefined, ""])("returns no pattern and not broken for %j", pattern => {
		expect(compileZendeskPattern(pattern)).toEqual({ regex: null, broken: false });
	});
});
