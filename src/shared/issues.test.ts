import { describe, expect, it } from "vitest";
import { aField } from "../testing/customFieldsFixtures";
import { issuesFromErrorDetails, type ErrorDetailsLike } from "./issues";

const fields = [
	aField({ id: 111111, type: "date", title: "Date Field" }),
	aField({ id: 111112, type: "date", title: "Date Field 2" }),
	aField({ id: 12345657, type: "tagger", title: "Type" }),
];

describe("issuesFromErrorDetails", () => {
	const cases: Array<[label: string, details: ErrorDetailsLike | undefined, expected: unknown[]]> = [
		["no details", undefined, []],
		[
			"a FieldDate detail with its ticket_field_id",
			{
				base: [
					{
						description: "Date Field is not valid",
						error: "InvalidValue",
						ticket_field_id: 111111,
						ticket_field_type: "FieldDate",
					},
				],
			},
			[{ field: "field.111111", code: "fields.issues.rejected", vars: { description: "Date Field is not valid" } }],
		],
		[
			"a detail without id matched by the longest title",
			{ base: [{ description: "Date Field 2 is not valid", error: "InvalidValue" }] },
			[{ field: "field.111112", code: "fields.issues.rejected", vars: { description: "Date Field 2 is not valid" } }],
		],
		[
			"a required-on-solve detail",
			{
				base: [
					{
						ticket_field_type: "FieldTagger",
						ticket_field_id: 12345657,
						description: "Type: is required when solving a ticket",
						error: null,
					},
				],
			},
			[
				{
					field: "field.12345657",
					code: "fields.issues.requiredToSolve",
					vars: { description: "Type: is required when solving a ticket" },
				},
			],
		],
		[
			"a metadata detail",
			{ metadata: [{ description: "Metadata: is too large (maximum is 1024 bytes)", error: "TooLong" }] },
			[
				{
					field: "metadata",
					code: "metadata.issues.rejected",
					vars: { description: "Metadata: is too large (maximum is 1024 bytes)" },
				},
			],
		],
		[
			"a detail for no known field",
			{ status: [{ description: "Status: closed prevents ticket update" }] },
			[
				{
					field: "fields",
					code: "fields.issues.rejected",
					vars: { description: "Status: closed prevents ticket update" },
				},
			],
		],
		[
			"an unknown field id and an entry without description",
			{ base: [{ ticket_field_id: 5 }] },
			[{ field: "fields", code: "fields.issues.rejected", vars: { description: "" } }],
		],
	];
	it.each(cases)("maps %s", (_label, details, expected) => {
		expect(issuesFromErrorDetails(details, fields)).toEqual(expected);
	});

	it("ignores entries that are not lists", () => {
		expect(issuesFromErrorDetails({ base: "oops" } as unknown as ErrorDetailsLike, fields)).toEqual([]);
	});
});
