import { describe, expect, it } from "vitest";
import { realResponse } from "../../../sandbox/emulator/realResponses/loadRealResponses";
import { normalizeList, normalizeOrganization as normalizeGroup } from "./normalize";
import { normalizeAudit, normalizeAuditEvent } from "./normalizeActivity";

const capturedAudits = () =>
	normalizeList((realResponse("zp-ticket-audits-list").response.body as { audits: unknown }).audits, normalizeAudit) ??
	[];

describe("normalizeAuditEvent on the captured audits (zp-ticket-audits-list)", () => {
	it("keeps id-valued Create events as Zendesk sends them: strings of digits", () => {
		const events = capturedAudits()[0]?.events ?? [];
		expect(events.filter(e => e.type === "Create" && e.fieldName?.endsWith("_id"))).toEqual([
			expect.objectContaining({ fieldName: "requester_id", value: "6130869168922" }),
			expect.objectContaining({ fieldName: "assignee_id", value: "6130907993114" }),
			expect.objectContaining({ fieldName: "group_id", value: "6130852536346" }),
			expect.objectContaining({ fieldName: "ticket_form_id", value: "6130830344474" }),
		]);
	});
});

describe("normalizeAuditEvent people lists", () => {
	it("keeps CCs and followers named by email", () => {
		expect(
			normalizeAuditEvent({
				id: 1,
				type: "EmailCcChange",
				previous_email_ccs: ["a@example.com"],
				current_email_ccs: ["a@example.com", "b@example.com"],
			}),
		).toMatchObject({ previousEmailCcs: ["a@example.com"], currentEmailCcs: ["a@example.com", "b@example.com"] });
	});

	it("keeps people named by id, as numbers or strings, as their digits (never dropped)", () => {
		expect(
			normalizeAuditEvent({
				id: 1,
				type: "FollowerChange",
				previous_followers: [1003],
				current_followers: ["1003", 1004],
			}),
		).toMatchObject({ previousFollowers: ["1003"], currentFollowers: ["1003", "1004"] });
	});

	it("drops entries that name nobody", () => {
		expect(
			normalizeAuditEvent({
				id: 1,
				type: "EmailCcChange",
				previous_email_ccs: [null, "", -1, 1.5, {}],
				current_email_ccs: [],
			}),
		).toMatchObject({ previousEmailCcs: [], currentEmailCcs: [] });
	});
});

describe("normalizeGroup", () => {
	it("reads a sideloaded group and refuses one without id or name", () => {
		expect(normalizeGroup({ id: 6001, name: "Support", url: "x", default: true })).toEqual({
			id: 6001,
			name: "Support",
		});
		for (const raw of [null, {}, { id: 6001 }, { id: 6001, name: " " }, { id: "6001", name: "Support" }])
			expect(normalizeGroup(raw)).toBeNull();
	});
});
