import { describe, expect, it } from "vitest";
import { aField, anOption } from "../../../testing/customFieldsFixtures";
import type { FieldValue, FormCondition, TicketFormDef } from "../../../shared/customFieldsTypes";
import { formForTicket, orderTicketFields, requiredOnSolve } from "./fieldOrder";

const subject = aField({ id: 1, type: "subject", removable: false, position: 0 });
const product = aField({ id: 2, type: "tagger", position: 5, options: [anOption("Printer"), anOption("Scanner")] });
const serial = aField({ id: 3, type: "regexp", position: 4 });
const notes = aField({ id: 4, type: "textarea", position: 1, required: true });
const retired = aField({ id: 5, type: "text", position: 2, active: false });
const card = aField({ id: 6, type: "partialcreditcard", position: 3 });
const locked = aField({ id: 7, type: "text", position: 6, agentCanEdit: false });
const all = [subject, product, serial, notes, retired, card, locked];

function aForm(overrides: Partial<TicketFormDef> = {}): TicketFormDef {
	return { id: 100, active: true, isDefault: false, ticketFieldIds: [], agentConditions: [], ...overrides };
}

const ids = (fields: ReturnType<typeof orderTicketFields>) => fields.map(shown => shown.field.id);

describe("orderTicketFields", () => {
	it("follows the form's order and skips system, inactive, locked and unknown fields", () => {
		const form = aForm({ ticketFieldIds: [1, 3, 999, 2, 5, 6, 7, 4, 3] });
		expect(ids(orderTicketFields(all, form))).toEqual([3, 2, 6, 4]);
	});

	it("falls back to all active fields by position without a form", () => {
		expect(ids(orderTicketFields(all, null))).toEqual([4, 6, 3, 2]);
	});

	it("falls back when the form lists no fields", () => {
		expect(ids(orderTicketFields(all, aForm()))).toEqual([4, 6, 3, 2]);
	});

	it("breaks position ties by id", () => {
		const a = aField({ id: 9, position: 1 });
		const b = aField({ id: 8, position: 1 });
		expect(ids(orderTicketFields([a, b], null))).toEqual([8, 9]);
	});

	it("marks read-only fields and required-on-solve fields", () => {
		const shown = orderTicketFields(all, null);
		expect(shown.find(s => s.field.id === 6)).toMatchObject({ editable: false, readOnlyReason: "creditCard" });
		expect(shown.find(s => s.field.id === 4)).toMatchObject({ editable: true, requiredOnSolve: true });
		expect(shown.find(s => s.field.id === 3)).toMatchObject({ editable: true, requiredOnSolve: false });
	});
});

describe("agent conditions", () => {
	const condition: FormCondition = {
		parentFieldId: 2,
		value: "printer",
		childFields: [{ id: 3, isRequired: true, requiredOnStatuses: ["solved"] }],
	};
	const form = aForm({ ticketFieldIds: [2, 3, 4], agentConditions: [condition] });
	const withProduct = (value: FieldValue) => new Map([[2, value]]);

	it("hides a child field while its parent's value does not match", () => {
		expect(ids(orderTicketFields(all, form, withProduct("scanner")))).toEqual([2, 4]);
		expect(ids(orderTicketFields(all, form, withProduct(null)))).toEqual([2, 4]);
	});

	it("shows the child and marks it required on solve when the parent matches", () => {
		const shown = orderTicketFields(all, form, withProduct("printer"));
		expect(ids(shown)).toEqual([2, 3, 4]);
		expect(shown[1]?.requiredOnSolve).toBe(true);
	});

	const statusCases: Array<[label: string, child: FormCondition["childFields"][number], expected: boolean]> = [
		["solved listed", { id: 3, isRequired: true, requiredOnStatuses: ["pending", "solved"] }, true],
		["solved not listed", { id: 3, isRequired: true, requiredOnStatuses: ["pending"] }, false],
		["all statuses", { id: 3, isRequired: true, requiredOnStatuses: "all" }, true],
		["no statuses", { id: 3, isRequired: true, requiredOnStatuses: "none" }, false],
		["not required", { id: 3, isRequired: false, requiredOnStatuses: "all" }, false],
	];
	it.each(statusCases)("decides required-on-solve when %s", (_label, child, expected) => {
		const f = aForm({ ticketFieldIds: [2, 3], agentConditions: [{ ...condition, childFields: [child] }] });
		expect(requiredOnSolve(serial, f, withProduct("printer"))).toBe(expected);
		expect(requiredOnSolve(serial, f, withProduct("scanner"))).toBe(false);
	});

	it("matches a checkbox parent that was never set against a false condition", () => {
		const box = aField({ id: 8, type: "checkbox" });
		const f = aForm({
			ticketFieldIds: [8, 3],
			agentConditions: [
				{ parentFieldId: 8, value: false, childFields: [{ id: 3, isRequired: false, requiredOnStatuses: "all" }] },
			],
		});
		expect(ids(orderTicketFields([box, serial], f))).toEqual([8, 3]);
		expect(ids(orderTicketFields([box, serial], f, new Map([[8, true]])))).toEqual([8]);
	});
});

describe("formForTicket", () => {
	const forms = [aForm({ id: 1, isDefault: true }), aForm({ id: 2, active: false })];
	it.each([
		[2, 2],
		[1, 1],
		[null, 1],
		[3, null],
	] as const)("picks form %j for ticket_form_id %j", (formId, expected) => {
		expect(formForTicket(forms, formId)?.id ?? null).toBe(expected);
	});

	it("finds nothing for a ticket without a form when no form is the default", () => {
		expect(formForTicket([aForm({ id: 4 })], null)).toBeNull();
	});
});
