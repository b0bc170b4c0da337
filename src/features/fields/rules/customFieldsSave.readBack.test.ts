import { describe, expect, it } from "vitest";
import { aField, anOption } from "../../../testing/customFieldsFixtures";
import type { FieldValue } from "../../../shared/customFieldsTypes";
import { compareReadBack, readBackNotices, type ReadBackStatus } from "./customFieldsSave";

const fields = [
	aField({ id: 1, type: "text" }),
	aField({ id: 2, type: "integer" }),
	aField({ id: 3, type: "decimal" }),
	aField({ id: 4, type: "date" }),
	aField({ id: 5, type: "checkbox" }),
	aField({ id: 6, type: "tagger", options: [anOption("Printer"), anOption("Scanner")] }),
	aField({ id: 7, type: "multiselect", options: [anOption("Red"), anOption("Blue")] }),
	aField({ id: 8, type: "lookup", relationshipTargetType: "zen:user" }),
	aField({ id: 9, type: "textarea" }),
	aField({ id: 10, type: "regexp" }),
];

describe("compareReadBack", () => {
	const cases: Array<
		[
			label: string,
			id: number,
			sent: FieldValue,
			before: FieldValue,
			after: FieldValue | undefined,
			expected: ReadBackStatus,
		]
	> = [
		["a text saved as sent", 1, "hello", null, "hello", "saved"],
		["a text Zendesk trimmed", 1, "hello", null, "hello ", "saved"],
		["an integer read back as a string", 2, 745, "1", "745", "saved"],
		["a decimal with a trailing zero", 3, 3.1, null, "3.10", "saved"],
		["a date", 4, "2020-02-24", null, "2020-02-24", "saved"],
		["a checkbox", 5, true, false, true, "saved"],
		["a cleared checkbox read back as null", 5, false, true, null, "saved"],
		["a dropdown tag", 6, "printer", null, "printer", "saved"],
		["an unknown dropdown tag silently dropped", 6, "inkjet", "scanner", "scanner", "dropped"],
		["an unknown dropdown tag dropped on an empty field", 6, "inkjet", null, null, "dropped"],
		["multi-select tags in another order", 7, ["red", "blue"], null, ["blue", "red"], "saved"],
		["multi-select with one tag lost", 7, ["red", "gone"], ["blue"], ["red"], "changed"],
		["a lookup id read back as a string", 8, 42, null, "42", "saved"],
		["a textarea whose trailing newline went away", 9, "a\nb\n", null, "a\nb", "saved"],
		["a value another rule rewrote", 10, "ABC-1", "OLD", "ABC-2", "changed"],
		["a field missing from the ticket afterwards", 1, "x", null, undefined, "dropped"],
		["a clear that stuck", 1, null, "x", null, "saved"],
		["a clear that did not stick", 1, null, "x", "x", "dropped"],
	];
	it.each(cases)("classifies %s", (_label, id, sent, before, after, expected) => {
		const afterValues = after === undefined ? [] : [{ id, value: after }];
		const [result] = compareReadBack([{ id, value: sent }], [{ id, value: before }], afterValues, fields);
		expect(result).toEqual({ fieldId: id, status: expected, sent, actual: after ?? null });
	});

	it("reports only the fields that were sent", () => {
		const results = compareReadBack(
			[{ id: 1, value: "x" }],
			[],
			[
				{ id: 1, value: "x" },
				{ id: 2, value: "9" },
			],
			fields,
		);
		expect(results.map(r => r.fieldId)).toEqual([1]);
	});
});

describe("readBackNotices", () => {
	it("names dropped and changed values with option names, and says nothing about saved ones", () => {
		const results = compareReadBack(
			[
				{ id: 6, value: "inkjet" },
				{ id: 7, value: ["red", "blue"] },
				{ id: 1, value: "ok" },
			],
			[{ id: 6, value: "scanner" }],
			[
				{ id: 6, value: "scanner" },
				{ id: 7, value: ["red"] },
				{ id: 1, value: "ok" },
			],
			fields,
		);
		expect(readBackNotices(results, fields)).toEqual([
			{ field: "field.6", code: "fields.notices.dropped", vars: { sent: "inkjet" } },
			{ field: "field.7", code: "fields.notices.changed", vars: { sent: "Red, Blue", actual: "Red" } },
		]);
	});
});
