import { describe, expect, it } from "vitest";
import { fieldAccess, type FieldAccess } from "./customFieldsAccess";
import type { TicketFieldDef } from "./customFieldsTypes";
import { aField } from "../testing/customFieldsFixtures";

describe("fieldAccess", () => {
	const cases: Array<[name: string, field: Partial<TicketFieldDef>, expected: FieldAccess]> = [
		["a text field", { type: "text" }, { mode: "edit" }],
		["a textarea", { type: "textarea" }, { mode: "edit" }],
		["an integer", { type: "integer" }, { mode: "edit" }],
		["a decimal", { type: "decimal" }, { mode: "edit" }],
		["a date", { type: "date" }, { mode: "edit" }],
		["a checkbox", { type: "checkbox" }, { mode: "edit" }],
		["a regexp", { type: "regexp" }, { mode: "edit" }],
		["a dropdown", { type: "tagger" }, { mode: "edit" }],
		["a multi-select", { type: "multiselect" }, { mode: "edit" }],
		["a user lookup", { type: "lookup", relationshipTargetType: "zen:user" }, { mode: "edit" }],
		["an organization lookup", { type: "lookup", relationshipTargetType: "zen:organization" }, { mode: "edit" }],
		["a ticket lookup", { type: "lookup", relationshipTargetType: "zen:ticket" }, { mode: "edit" }],
		[
			"a custom-object lookup",
			{ type: "lookup", relationshipTargetType: "zen:custom_object:apartment" },
			{ mode: "readOnly", reason: "lookupTarget" },
		],
		["a lookup without target", { type: "lookup" }, { mode: "readOnly", reason: "lookupTarget" }],
		["a credit card", { type: "partialcreditcard" }, { mode: "readOnly", reason: "creditCard" }],
		["a future custom type", { type: "hologram" }, { mode: "readOnly", reason: "unsupportedType" }],
		["the subject", { type: "subject", removable: false }, { mode: "hidden", reason: "system" }],
		["a removable system type", { type: "priority", removable: true }, { mode: "hidden", reason: "system" }],
		["a non-removable custom type", { type: "text", removable: false }, { mode: "hidden", reason: "system" }],
		["an inactive field", { type: "text", active: false }, { mode: "hidden", reason: "inactive" }],
		["a field agents cannot edit", { agentCanEdit: false }, { mode: "hidden", reason: "agentCannotEdit" }],
	];
	it.each(cases)("treats %s as expected", (_name, overrides, expected) => {
		expect(fieldAccess(aField(overrides))).toEqual(expected);
	});
});
