import { describe, expect, it } from "vitest";
import { aField, anOption } from "../testing/customFieldsFixtures";
import { displayValue, isEmptyValue, sameFieldValue, toDraftValue } from "./customFieldsValues";
import type { FieldDraftValue } from "./customFieldsTypes";

describe("sameFieldValue", () => {
	const cases: Array<[a: unknown, b: unknown, type: string | undefined, expected: boolean]> = [
		[null, "", "text", true],
		[null, [], "multiselect", true],
		[null, false, "checkbox", true],
		["false", false, "checkbox", true],
		[true, "true", "checkbox", true],
		[true, false, "checkbox", false],
		["745", 745, "integer", true],
		["745", 745, undefined, true],
		["3.10", 3.1, "decimal", true],
		["3.10", 3.1, undefined, false],
		["007", 7, "integer", true],
		["12", 12, "lookup", true],
		[["a", "b"], ["b", "a"], "multiselect", true],
		[["a", "b"], ["a"], "multiselect", false],
		[["a", "a"], ["a"], "multiselect", true],
		["x ", "x", "text", true],
		["x ", "x", undefined, false],
		["a\nb\n", "a\nb", "textarea", true],
		["hd_3000", "hd_5555", "tagger", false],
		["2020-01-02", "2020-01-02", "date", true],
		[{ odd: 1 }, { odd: 1 }, undefined, true],
		[Number.NaN, null, "decimal", true],
	];
	it.each(cases)("compares %j and %j as %s: %s", (a, b, type, expected) => {
		expect(sameFieldValue(a, b, type)).toBe(expected);
	});

	it("treats blanks as empty", () => {
		expect(isEmptyValue("   ")).toBe(true);
		expect(isEmptyValue(["", " "])).toBe(true);
		expect(isEmptyValue(0, "integer")).toBe(false);
	});
});

describe("toDraftValue", () => {
	const tagger = aField({ type: "tagger", options: [anOption("One", "one")] });
	const cases: Array<[type: string, value: unknown, expected: FieldDraftValue]> = [
		["text", "hello", "hello"],
		["text", null, ""],
		["textarea", "a\nb", "a\nb"],
		["integer", "745", "745"],
		["integer", 745, "745"],
		["decimal", 1.5, "1.5"],
		["decimal", Number.NaN, ""],
		["date", "2020-02-24", "2020-02-24"],
		["checkbox", true, true],
		["checkbox", null, false],
		["checkbox", "true", true],
		["regexp", "ABC", "ABC"],
		["tagger", "one", "one"],
		["tagger", "", null],
		["tagger", null, null],
		["multiselect", ["a", "b"], ["a", "b"]],
		["multiselect", ["a", 3, null], ["a"]],
		["multiselect", "a", ["a"]],
		["multiselect", null, []],
		["lookup", 42, "42"],
		["lookup", null, ""],
		["partialcreditcard", "XXXXXXXXXXXX1111", "XXXXXXXXXXXX1111"],
		["text", { weird: true }, ""],
	];
	it.each(cases)("shows a %s value %j as %j", (type, value, expected) => {
		expect(toDraftValue(type === "tagger" ? tagger : aField({ type }), value)).toEqual(expected);
	});
});

describe("displayValue", () => {
	const multi = aField({ type: "multiselect", options: [anOption("Red"), anOption("Blue sky", "blue")] });
	it.each([
		[multi, ["red", "blue"], "Red, Blue sky"],
		[multi, ["gone"], "gone"],
		[multi, null, ""],
		[aField({ type: "integer" }), 745, "745"],
		[aField({ type: "checkbox" }), true, "true"],
		[undefined, "plain", "plain"],
		[undefined, { odd: 1 }, ""],
	] as const)("renders %# as %j", (field, value, expected) => {
		expect(displayValue(field, value)).toBe(expected);
	});
});
