import { describe, expect, it } from "vitest";
import type { FieldDraftValue, FieldValue } from "./customFieldsTypes";
import { aField, anOption } from "../testing/customFieldsFixtures";
import { coerceFieldValue, validateFieldValue, type CoerceOptions } from "./fieldCoercion";

const fields = {
	text: aField({ id: 10, type: "text" }),
	textarea: aField({ id: 11, type: "textarea" }),
	integer: aField({ id: 12, type: "integer" }),
	decimal: aField({ id: 13, type: "decimal" }),
	date: aField({ id: 14, type: "date" }),
	checkbox: aField({ id: 15, type: "checkbox", tag: "vip" }),
	regexp: aField({ id: 16, type: "regexp", regexpForValidation: "\\A[A-Z]{3}-\\d{4}\\z" }),
	brokenRegexp: aField({ id: 17, type: "regexp", regexpForValidation: "(unclosed" }),
	noPattern: aField({ id: 18, type: "regexp", regexpForValidation: null }),
	tagger: aField({
		id: 19,
		type: "tagger",
		options: [anOption("HD 3000 color printer", "hd_3000"), anOption("Laser 5555", "hd_5555"), anOption("Other")],
	}),
	multiselect: aField({
		id: 20,
		type: "multiselect",
		options: [anOption("Red"), anOption("Green"), anOption("Blue sky", "blue")],
	}),
	lookup: aField({ id: 21, type: "lookup", relationshipTargetType: "zen:user" }),
	customObjectLookup: aField({ id: 22, type: "lookup", relationshipTargetType: "zen:custom_object:car" }),
	creditCard: aField({ id: 23, type: "partialcreditcard" }),
	inactive: aField({ id: 24, type: "text", active: false }),
	system: aField({ id: 25, type: "priority", removable: false }),
	locked: aField({ id: 26, type: "text", agentCanEdit: false }),
	future: aField({ id: 27, type: "hologram" }),
};
type Name = keyof typeof fields;

describe("coerceFieldValue accepts and converts", () => {
	const cases: Array<[field: Name, draft: FieldDraftValue, expected: FieldValue, options?: CoerceOptions]> = [
		["text", "I bought it at Buy More.", "I bought it at Buy More."],
		["text", "  padded  ", "padded"],
		["text", "", null],
		["text", "   ", null],
		["text", null, null],
		["text", "<script>alert(1)</script>", "<script>alert(1)</script>"],
		["textarea", "line one\nline two\n", "line one\nline two\n"],
		["textarea", "\n \n", null],
		["integer", "745", 745],
		["integer", " 42 ", 42],
		["integer", "+7", 7],
		["integer", "-12", -12],
		["integer", "007", 7],
		["integer", "-0", 0],
		["integer", "", null],
		["integer", String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
		["decimal", "3.14", 3.14],
		["decimal", "-0.5", -0.5],
		["decimal", ".5", 0.5],
		["decimal", "2.", 2],
		["decimal", "10", 10],
		["decimal", "3,14", 3.14, { decimalComma: true }],
		["decimal", "3.14", 3.14, { decimalComma: true }],
		["decimal", "", null],
		["date", "2020-02-24", "2020-02-24"],
		["date", "2024-02-29", "2024-02-29"],
		["date", "2000-02-29", "2000-02-29"],
		["date", " 2020-12-31 ", "2020-12-31"],
		["date", "", null],
		["checkbox", true, true],
		["checkbox", false, false],
		["checkbox", null, false],
		["checkbox", "true", true],
		["checkbox", "false", false],
		["regexp", "ABC-1234", "ABC-1234"],
		["regexp", "", null],
		["noPattern", "anything at all", "anything at all"],
		["tagger", "HD 3000 color printer", "hd_3000"],
		["tagger", "hd_5555", "hd_5555"],
		["tagger", "  laser 5555 ", "hd_5555"],
		["tagger", "OTHER", "other"],
		["tagger", "", null],
		["tagger", null, null],
		["multiselect", ["Red", "Blue sky"], ["red", "blue"]],
		["multiselect", ["blue", "red"], ["blue", "red"]],
		["multiselect", ["Red", "red", "RED"], ["red"]],
		["multiselect", ["Green", ""], ["green"]],
		["multiselect", "Green", ["green"]],
		["multiselect", [], null],
		["multiselect", null, null],
		["lookup", "12345", 12345],
		["lookup", " #42 ", 42],
		["lookup", "", null],
	];
	it.each(cases)("turns a %s draft %j into %j", (name, draft, expected, options) => {
		expect(coerceFieldValue(fields[name], draft, options)).toEqual({ ok: true, value: expected, notices: [] });
	});
});

describe("coerceFieldValue refuses with a translated issue on the field", () => {
	const cases: Array<[field: Name, draft: FieldDraftValue, code: string, vars?: Record<string, string | number>]> = [
		["text", true, "fields.issues.wrongKind"],
		["text", ["a"], "fields.issues.wrongKind"],
		["integer", "12a", "fields.issues.integerInvalid", { value: "12a" }],
		["integer", "1.5", "fields.issues.integerInvalid", { value: "1.5" }],
		["integer", "1,000", "fields.issues.integerInvalid", { value: "1,000" }],
		["integer", "1e3", "fields.issues.integerInvalid", { value: "1e3" }],
		["integer", "- 4", "fields.issues.integerInvalid", { value: "- 4" }],
		["integer", "9007199254740993", "fields.issues.integerTooLarge"],
		["integer", false, "fields.issues.wrongKind"],
		["decimal", "abc", "fields.issues.decimalInvalid", { value: "abc" }],
		["decimal", "3,14", "fields.issues.decimalInvalid", { value: "3,14" }],
		["decimal", "1,000,5", "fields.issues.decimalInvalid", { value: "1,000,5" }],
		["decimal", "1.000,5", "fields.issues.decimalInvalid", { value: "1.000,5" }],
		["decimal", "NaN", "fields.issues.decimalInvalid", { value: "NaN" }],
		["decimal", "Infinity", "fields.issues.decimalInvalid", { value: "Infinity" }],
		["decimal", "1e400", "fields.issues.decimalInvalid", { value: "1e400" }],
		["decimal", ".", "fields.issues.decimalInvalid", { value: "." }],
		["date", "2020-01-02T10:00:00Z", "fields.issues.dateHasTime", { value: "2020-01-02T10:00:00Z" }],
		["date", "2020-01-02 10:00", "fields.issues.dateHasTime", { value: "2020-01-02 10:00" }],
		["date", "02/24/2020", "fields.issues.dateInvalid", { value: "02/24/2020" }],
		["date", "24.02.2020", "fields.issues.dateInvalid", { value: "24.02.2020" }],
		[
			"date",
			"2023-02-29",
			"fields.issues.dateNoSuchDay",
			{ value: "2023-02-29", day: 29, month: "02", year: "2023", days: 28 },
		],
		[
			"date",
			"2025-02-30",
			"fields.issues.dateNoSuchDay",
			{ value: "2025-02-30", day: 30, month: "02", year: "2025", days: 28 },
		],
		[
			"date",
			"1900-02-29",
			"fields.issues.dateNoSuchDay",
			{ value: "1900-02-29", day: 29, month: "02", year: "1900", days: 28 },
		],
		["date", "2020-13-01", "fields.issues.dateNoSuchMonth", { value: "2020-13-01", month: "13" }],
		["date", "2025-13-01", "fields.issues.dateNoSuchMonth", { value: "2025-13-01", month: "13" }],
		[
			"date",
			"2020-04-31",
			"fields.issues.dateNoSuchDay",
			{ value: "2020-04-31", day: 31, month: "04", year: "2020", days: 30 },
		],
		[
			"date",
			"2020-04-00",
			"fields.issues.dateNoSuchDay",
			{ value: "2020-04-00", day: 0, month: "04", year: "2020", days: 30 },
		],
		["date", "2020-00-10", "fields.issues.dateNoSuchMonth", { value: "2020-00-10", month: "00" }],
		["date", "0000-01-01", "fields.issues.dateInvalid", { value: "0000-01-01" }],
		["date", "20200-01-01", "fields.issues.dateInvalid", { value: "20200-01-01" }],
		["date", "tomorrow", "fields.issues.dateInvalid", { value: "tomorrow" }],
		["checkbox", "yes", "fields.issues.wrongKind"],
		["checkbox", ["x"], "fields.issues.wrongKind"],
		["regexp", "abc-1234", "fields.issues.regexpMismatch", { value: "abc-1234" }],
		["regexp", "ABC-12345", "fields.issues.regexpMismatch", { value: "ABC-12345" }],
		["tagger", "Inkjet", "fields.issues.unknownOption", { value: "Inkjet" }],
		["tagger", ["hd_3000"], "fields.issues.wrongKind"],
		["multiselect", ["Red", "Purple", "Teal"], "fields.issues.unknownOptions", { values: "Purple, Teal" }],
		["multiselect", true, "fields.issues.wrongKind"],
		["lookup", "abc", "fields.issues.lookupInvalid", { value: "abc" }],
		["lookup", "0", "fields.issues.lookupInvalid", { value: "0" }],
		["lookup", "-5", "fields.issues.lookupInvalid", { value: "-5" }],
		["lookup", "1.5", "fields.issues.lookupInvalid", { value: "1.5" }],
		["lookup", "99999999999999999999", "fields.issues.lookupInvalid", { value: "99999999999999999999" }],
		["customObjectLookup", "12", "fields.issues.readOnly"],
		["creditCard", "4111111111111111", "fields.issues.readOnly"],
		["inactive", "x", "fields.issues.inactive"],
		["system", "high", "fields.issues.notEditable"],
		["locked", "x", "fields.issues.notEditable"],
		["future", "x", "fields.issues.readOnly"],
	];
	it.each(cases)("refuses a %s draft %j with %s", (name, draft, code, vars) => {
		const field = fields[name];
		const expected = vars ? { field: `field.${field.id}`, code, vars } : { field: `field.${field.id}`, code };
		expect(coerceFieldValue(field, draft)).toEqual({ ok: false, issues: [expected] });
		expect(validateFieldValue(field, draft)).toEqual([expected]);
	});
});

describe("coerceFieldValue with a pattern it cannot compile", () => {
	it("sends the value and adds a notice instead of crashing or blocking", () => {
		expect(coerceFieldValue(fields.brokenRegexp, "anything")).toEqual({
			ok: true,
			value: "anything",
			notices: [{ field: "field.17", code: "fields.notices.patternUnchecked" }],
		});
	});

	it("still clears the field without a notice", () => {
		expect(coerceFieldValue(fields.brokenRegexp, "")).toEqual({ ok: true, value: null, notices: [] });
	});
});

describe("coerceFieldValue on a dropdown with ambiguous or missing options", () => {
	it("refuses a loose match that fits two options", () => {
		const field = aField({ id: 30, type: "tagger", options: [anOption("Yes", "yes_a"), anOption("YES", "yes_b")] });
		expect(validateFieldValue(field, "yes")).toEqual([
			{ field: "field.30", code: "fields.issues.unknownOption", vars: { value: "yes" } },
		]);
		expect(coerceFieldValue(field, "YES")).toMatchObject({ ok: true, value: "yes_b" });
	});

	it("refuses any value when the dropdown has no options", () => {
		const field = aField({ id: 31, type: "tagger", options: [] });
		expect(validateFieldValue(field, "x")).toHaveLength(1);
	});
});
