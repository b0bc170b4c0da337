import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseFieldValue } from "./customFieldRules";
import { findField } from "../db/db";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const parse = (fieldId: number, value: unknown) => {
	const field = findField(h.emulator.db, fieldId);
	if (!field) throw new Error(`no field ${fieldId}`);
	const result = parseFieldValue(h.emulator.db, field, value);
	return "value" in result
		? { value: result.value }
		: "issue" in result
			? { issue: result.issue.extra?.ticket_field_type }
			: "ignored";
};

describe("parseFieldValue", () => {
	const cases: Array<[field: number, input: unknown, expected: unknown]> = [
		[5101, "ORD-1", { value: "ORD-1" }],
		[5101, 42, { value: "42" }],
		[5101, "", { value: null }],
		[5101, { a: 1 }, { issue: "FieldText" }],
		[5102, "line 1\nline 2", { value: "line 1\nline 2" }],
		[5103, 12, { value: "12" }],
		[5103, "745", { value: "745" }],
		[5103, "7.5", { issue: "FieldInteger" }],
		[5103, "abc", { issue: "FieldInteger" }],
		[5104, 49.9, { value: "49.9" }],
		[5104, "49.90", { value: "49.90" }],
		[5104, "4,5", { issue: "FieldDecimal" }],
		[5105, "2020-02-24", { value: "2020-02-24" }],
		[5105, "2020-02-24T10:00:00Z", { issue: "FieldDate" }],
		[5105, "2020-02-30", { issue: "FieldDate" }],
		[5105, "24/02/2020", { issue: "FieldDate" }],
		[5106, true, { value: true }],
		[5106, "false", { value: false }],
		[5106, "yes", { issue: "FieldCheckbox" }],
		[5107, "SX-1042", { value: "SX-1042" }],
		[5107, "sx-1042", { issue: "FieldRegexp" }],
		[5108, "hd_3000", { value: "hd_3000" }],
		[5108, "HD 3000 color printer", "ignored"],
		[5108, "unknown_tag", "ignored"],
		[5108, null, { value: null }],
		[5109, ["platform_linux", "platform_ios"], { value: ["platform_linux", "platform_ios"] }],
		[5109, "platform_linux,platform_ios", { value: ["platform_linux", "platform_ios"] }],
		[5109, ["platform_linux", "nope"], { value: ["platform_linux"] }],
		[5109, ["nope"], { value: null }],
		[5109, [], { value: null }],
		[5110, 1003, { value: 1003 }],
		[5110, "1101", { value: 1101 }],
		[5110, 424242, { issue: "FieldLookup" }],
		[5114, 9005, { value: 9005 }],
		[5114, "9001", { value: 9001 }],
		[5114, 1003, { issue: "FieldLookup" }],
		[5114, "", { value: null }],
		[5111, "4111 1111 1111 1111", { value: "XXXXXXXXXXXX1111" }],
		[5111, "1234", { issue: "FieldPartialCreditCard" }],
	];
	it.each(cases)("field %i with %j → %j", (field, input, expected) => {
		expect(parse(field, input)).toEqual(expected);
	});
});

describe("custom fields on tickets", () => {
	const update = (id: number, ticket: unknown) => h.call("PUT", `/api/v2/tickets/${id}.json`, { ticket });
	const value = (body: { ticket: { custom_fields: Array<{ id: number; value: unknown }> } }, id: number) =>
		body.ticket.custom_fields.find(f => f.id === id)?.value;

	it("emits custom_fields and an identical fields copy with every active custom field", async () => {
		const res = await h.call("GET", "/api/v2/tickets/2.json");
		expect(res.json.ticket.fields).toEqual(res.json.ticket.custom_fields);
		expect(res.json.ticket.custom_fields.map((f: { id: number }) => f.id)).toEqual([
			5101, 5102, 5103, 5104, 5105, 5106, 5107, 5108, 5109, 5110, 5111, 5112, 5114,
		]);
		expect(value(res.json, 5103)).toBe("12");
		expect(value(res.json, 5111)).toBe("XXXXXXXXXXXX1111");
	});

	it("refuses a datetime in a date field with the FieldDate detail and changes nothing", async () => {
		const res = await update(1, {
			custom_fields: [
				{ id: 5105, value: "2020-01-02T00:00:00Z" },
				{ id: 5101, value: "kept?" },
			],
		});
		expect(res.status).toBe(422);
		expect(res.json.details.base).toEqual([
			{
				description: "Purchase date is not valid",
				error: "InvalidValue",
				ticket_field_id: 5105,
				ticket_field_type: "FieldDate",
			},
		]);
		expect(h.emulator.db.tickets.find(t => t.id === 1)?.field_values["5101"]).toBeUndefined();
	});

	it("silently drops an unknown dropdown tag and leaves the field as it was", async () => {
		const res = await update(1, { custom_fields: [{ id: 5108, value: "no_such_tag" }] });
		expect(res.status).toBe(200);
		expect(value(res.json, 5108)).toBe("hd_3000");
		expect(res.json.audit).toBeUndefined();
	});

	it("mirrors dropdown, multi-select and checkbox values into tags", async () => {
		const res = await update(1, { custom_fields: { 5108: "hd_5555", 5109: ["platform_ios"], 5106: true } });
		expect(res.json.ticket.tags).toEqual(expect.arrayContaining(["hd_5555", "platform_ios", "vip_customer"]));
		expect(res.json.ticket.tags).not.toContain("hd_3000");
		const off = await update(1, { custom_fields: [{ id: 5106, value: false }] });
		expect(off.json.ticket.tags).not.toContain("vip_customer");
	});

	it("re-derives tag-backed fields when tags are written", async () => {
		const res = await update(1, { tags: ["printer", "vip_customer", "hd_5555"] });
		expect(value(res.json, 5106)).toBe(true);
		expect(value(res.json, 5108)).toBe("hd_5555");
	});

	it("ignores unknown and inactive field ids", async () => {
		const res = await update(1, {
			custom_fields: [
				{ id: 5113, value: "EU" },
				{ id: 424242, value: "x" },
			],
		});
		expect(res.status).toBe(200);
		expect(res.json.audit).toBeUndefined();
	});

	it.each(["solved", "closed"])("requires the required-on-solve field to set %s", async status => {
		const res = await update(3, { status });
		expect(res.status).toBe(422);
		expect(res.json.details.base).toEqual([
			{
				description: "Resolution code: is required when solving a ticket",
				error: null,
				ticket_field_type: "FieldTagger",
				ticket_field_id: 5112,
			},
		]);
		const ok = await update(3, { status, custom_fields: [{ id: 5112, value: "resolved_fixed" }] });
		expect(ok.status).toBe(200);
		expect(ok.json.ticket.assignee_id).toBe(1001);
	});

	it("does not require the field for other status changes", async () => {
		expect((await update(3, { status: "pending" })).status).toBe(200);
	});

	it("reads integer and decimal values back as strings", async () => {
		const res = await update(1, {
			custom_fields: [
				{ id: 5103, value: 7 },
				{ id: 5104, value: 12.5 },
			],
		});
		expect(value(res.json, 5103)).toBe("7");
		expect(value(res.json, 5104)).toBe("12.5");
	});
});
