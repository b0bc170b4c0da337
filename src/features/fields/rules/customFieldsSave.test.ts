import { describe, expect, it } from "vitest";
import { aField, anOption } from "../../../testing/customFieldsFixtures";
import type { FieldDraftValue, FieldId } from "../../../shared/customFieldsTypes";
import { planFieldsSave, unchangedDraftIds } from "./customFieldsSave";

const fields = [
	aField({ id: 1, type: "text", title: "Summary" }),
	aField({ id: 2, type: "integer", title: "Seats" }),
	aField({ id: 3, type: "tagger", title: "Product", options: [anOption("Printer"), anOption("Scanner")] }),
	aField({ id: 4, type: "date", title: "Due" }),
	aField({ id: 5, type: "text", title: "Old", active: false }),
	aField({ id: 6, type: "regexp", title: "Code", regexpForValidation: "(" }),
	aField({ id: 7, type: "multiselect", title: "Colours", options: [anOption("Red"), anOption("Blue")] }),
];
const current = [
	{ id: 1, value: "same" },
	{ id: 2, value: "10" },
	{ id: 3, value: "printer" },
	{ id: 7, value: ["blue", "red"] },
];
const drafts = (entries: Array<[FieldId, FieldDraftValue]>) => new Map(entries);

describe("planFieldsSave", () => {
	it("sends only the values that really change, coerced, in draft order", () => {
		const plan = planFieldsSave({
			fields,
			current,
			drafts: drafts([
				[4, "2020-02-24"],
				[1, "same"],
				[2, "10"],
				[3, "Scanner"],
				[7, ["Red", "Blue"]],
			]),
		});
		expect(plan).toEqual({
			customFields: [
				{ id: 4, value: "2020-02-24" },
				{ id: 3, value: "scanner" },
			],
			issues: [],
			notices: [],
			skipped: [],
		});
	});

	it("collects every field's issues and sends nothing for those fields", () => {
		const plan = planFieldsSave({
			fields,
			current,
			drafts: drafts([
				[2, "ten"],
				[4, "2020-02-24T10:00:00Z"],
				[1, "new"],
			]),
		});
		expect(plan.issues.map(issue => [issue.field, issue.code])).toEqual([
			["field.2", "fields.issues.integerInvalid"],
			["field.4", "fields.issues.dateHasTime"],
		]);
		expect(plan.customFields).toEqual([{ id: 1, value: "new" }]);
	});

	it("skips drafts for inactive or unknown fields with a form-level notice", () => {
		const plan = planFieldsSave({
			fields,
			current,
			drafts: drafts([
				[5, "x"],
				[99, "y"],
			]),
		});
		expect(plan.customFields).toEqual([]);
		expect(plan.skipped).toEqual([5, 99]);
		expect(plan.notices).toEqual([
			{ field: "fields", code: "fields.notices.draftNotSaved", vars: { title: "Old" } },
			{ field: "fields", code: "fields.notices.draftNotSaved", vars: { title: "#99" } },
		]);
	});

	it("passes on the notice of a pattern it cannot check", () => {
		const plan = planFieldsSave({ fields, current, drafts: drafts([[6, "abc"]]) });
		expect(plan.customFields).toEqual([{ id: 6, value: "abc" }]);
		expect(plan.notices).toEqual([{ field: "field.6", code: "fields.notices.patternUnchecked" }]);
	});

	it("sends a clear as null", () => {
		const plan = planFieldsSave({
			fields,
			current,
			drafts: drafts([
				[3, null],
				[7, []],
			]),
		});
		expect(plan.customFields).toEqual([
			{ id: 3, value: null },
			{ id: 7, value: null },
		]);
	});

	it("plans nothing without drafts", () => {
		expect(planFieldsSave({ fields, current, drafts: new Map() }).customFields).toEqual([]);
	});

	it("never sends a date the browser could not read (its empty value would clear the field)", () => {
		const input = { fields, current: [{ id: 4, value: "2024-12-19" }], drafts: drafts([[4, ""]]), unreadable: [4] };
		expect(planFieldsSave(input)).toEqual({
			customFields: [],
			issues: [{ field: "field.4", code: "fields.issues.dateUnreadable" }],
			notices: [],
			skipped: [],
		});
		expect(unchangedDraftIds(input)).toEqual([]);
	});
});
