import { describe, expect, it } from "vitest";
import { formatAudit, formatAudits, type AuditFormatContext } from "./auditFormat";
import { realResponse } from "../../../../sandbox/emulator/realResponses/loadRealResponses";
import { normalizeAudit } from "../../../platform/api/normalizeActivity";
import { normalizeList } from "../../../platform/api/normalize";
import type { AuditEventLike, AuditLike } from "../../../shared/auditTypes";
import { aField, anOption } from "../../../testing/customFieldsFixtures";

const fields = [
	aField({
		id: 360001,
		type: "tagger",
		title: "Product",
		options: [anOption("HD 3000", "hd_3000"), anOption("Laser", "laser")],
	}),
	aField({ id: 360002, type: "checkbox", title: "VIP" }),
	aField({ id: 360003, type: "multiselect", title: "Colours", options: [anOption("Red"), anOption("Blue")] }),
	aField({ id: 360004, type: "date", title: "Due" }),
];
const userNames = new Map([
	[7, "Agent Smith"],
	[8, "Requester Rita"],
]);

function anAudit(events: AuditEventLike[], overrides: Partial<AuditLike> = {}): AuditLike {
	return {
		id: 1,
		createdAt: "2024-05-01T10:00:00Z",
		authorId: 7,
		metadata: { custom: {} },
		via: { channel: "api" },
		events,
		...overrides,
	};
}

describe("formatAudit field changes", () => {
	const cases: Array<[label: string, event: AuditEventLike, expected: unknown]> = [
		[
			"a dropdown change by option name",
			{ type: "Change", fieldName: "360001", value: "laser", previousValue: "hd_3000" },
			{ label: { kind: "custom", fieldId: 360001, title: "Product" }, valueKind: "text", from: "HD 3000", to: "Laser" },
		],
		[
			"a checkbox ticked (Zendesk's 1/0)",
			{ type: "Change", fieldName: "360002", value: "1", previousValue: "0" },
			{ label: { kind: "custom", fieldId: 360002, title: "VIP" }, valueKind: "checkbox", from: "false", to: "true" },
		],
		[
			"a multi-select",
			{ type: "Change", fieldName: "360003", value: ["red", "blue"], previousValue: null },
			{ label: { kind: "custom", fieldId: 360003, title: "Colours" }, valueKind: "text", from: "", to: "Red, Blue" },
		],
		[
			"a field set on creation",
			{ type: "Create", fieldName: "360004", value: "2024-06-01" },
			{ label: { kind: "custom", fieldId: 360004, title: "Due" }, valueKind: "text", from: "", to: "2024-06-01" },
		],
		[
			"a known system field",
			{ type: "Change", fieldName: "status", value: "pending", previousValue: "open" },
			{ label: { kind: "system", name: "status" }, valueKind: "text", from: "open", to: "pending" },
		],
		[
			"an assignee by name",
			{ type: "Change", fieldName: "assignee_id", value: "7", previousValue: 99 },
			{ label: { kind: "system", name: "assignee_id" }, valueKind: "text", from: "#99", to: "Agent Smith" },
		],
		[
			"an unknown field by Zendesk's name",
			{ type: "Change", fieldName: "sla_policy", value: "gold", previousValue: null },
			{ label: { kind: "raw", name: "sla_policy" }, valueKind: "text", from: "", to: "gold" },
		],
		[
			"a deleted custom field by its id",
			{ type: "Change", fieldName: "999", value: "x", previousValue: "y" },
			{ label: { kind: "raw", name: "999" }, valueKind: "text", from: "y", to: "x" },
		],
		[
			"a value of an odd shape",
			{ type: "Change", fieldName: "subject", value: { weird: true }, previousValue: 3 },
			{ label: { kind: "system", name: "subject" }, valueKind: "text", from: "3", to: "" },
		],
	];
	it.each(cases)("formats %s", (_label, event, expected) => {
		expect(formatAudit(anAudit([event]), { fields, userNames }).changes).toEqual([expected]);
	});
});

describe("formatAudit", () => {
	it("names the author, keeps the channel and renders custom metadata as text", () => {
		const entry = formatAudit(
			anAudit([{ type: "Change", fieldName: "priority", value: "high", previousValue: "low" }], {
				metadata: { custom: { source: "sidebar", count: 3, nested: { a: [1] } } },
			}),
			{ fields, userNames },
		);
		expect(entry).toMatchObject({ authorName: "Agent Smith", channel: "api" });
		expect(entry.custom).toEqual([
			{ key: "source", value: "sidebar" },
			{ key: "count", value: "3" },
			{ key: "nested", value: '{"a":[1]}' },
		]);
	});

	it("leaves the author name empty when unknown", () => {
		expect(formatAudit(anAudit([], { authorId: -1 }), { fields }).authorName).toBeNull();
	});

	it("diffs tags and people lists", () => {
		const entry = formatAudit(
			anAudit([
				{ type: "Change", fieldName: "tags", value: ["a", "c"], previousValue: ["a", "b"] },
				{ type: "FollowerChange", previousFollowers: ["Ann"], currentFollowers: ["Ann", "Bob"] },
				{ type: "EmailCcChange", previousEmailCcs: ["x@example.com"], currentEmailCcs: [] },
			]),
			{ fields },
		);
		expect(entry.tags).toEqual({ added: ["c"], removed: ["b"] });
		expect(entry.people).toEqual([
			{ list: "followers", added: ["Bob"], removed: [] },
			{ list: "emailCcs", added: [], removed: ["x@example.com"] },
		]);
	});

	it("reads space-separated tag strings and ignores a tag event that changes nothing", () => {
		expect(formatAudit(anAudit([{ type: "Create", fieldName: "tags", value: "one two" }]), { fields }).tags).toEqual({
			added: ["one", "two"],
			removed: [],
		});
		expect(
			formatAudit(anAudit([{ type: "Change", fieldName: "tags", value: ["a"], previousValue: ["a"] }]), { fields })
				.tags,
		).toBeNull();
	});

	it("shortens comments to one flat excerpt and marks internal notes", () => {
		const body = `First line\n\n${"word ".repeat(60)}`;
		const entry = formatAudit(
			anAudit([
				{ type: "Comment", body, public: false },
				{ type: "Comment", body: "<b>hi</b>" },
			]),
			{ fields },
		);
		expect(entry.comments[0]?.public).toBe(false);
		expect(entry.comments[0]?.excerpt.startsWith("First line word")).toBe(true);
		expect(entry.comments[0]?.excerpt.endsWith("…")).toBe(true);
		expect(entry.comments[0]?.excerpt.length).toBeLessThanOrEqual(140);
		expect(entry.comments[1]).toEqual({ public: true, excerpt: "<b>hi</b>" });
	});
});

describe("formatAudits", () => {
	it("leaves out audits with nothing to show and keeps the order", () => {
		const audits = [
			anAudit([{ type: "Notification" }], { id: 1 }),
			anAudit([{ type: "Comment", body: "hi" }], { id: 2 }),
			anAudit([{ type: "SomethingNew" }], { id: 3, metadata: { custom: { source: "app" } } }),
		];
		expect(formatAudits(audits, { fields }).map(entry => entry.id)).toEqual([2, 3]);
	});
});

describe("formatAudit names (the captured zp-ticket-audits-list and the documented people events)", () => {
	const captured = () =>
		normalizeList(
			(realResponse("zp-ticket-audits-list").response.body as { audits: unknown }).audits,
			normalizeAudit,
		)?.[0];
	const named: AuditFormatContext = {
		fields,
		userNames: new Map([
			[6130869168922, "The Customer"],
			[6130907993114, "Agent Ann"],
			[1003, "Maria González"],
		]),
		userEmails: new Map([["liam@example.org", "Liam O'Connor"]]),
		groupNames: new Map([[6130852536346, "Support"]]),
		organizationNames: new Map([[9004, "Harbour Print Partners"]]),
		formNames: new Map([[6130830344474, "Default Ticket Form"]]),
	};
	const toText = (change: { label: unknown; to: string }) => change.to;

	it("names the requester, assignee, group and form of a captured ticket's first audit", () => {
		const audit = captured();
		if (!audit) throw new Error("no captured audit");
		const changes = formatAudit(audit, named).changes.filter(c => c.label.kind === "system");
		expect(Object.fromEntries(changes.map(c => [(c.label as { name: string }).name, toText(c)]))).toMatchObject({
			requester_id: "The Customer",
			assignee_id: "Agent Ann",
			group_id: "Support",
			ticket_form_id: "Default Ticket Form",
		});
	});

	it("shows an id it has no name for as #id, honestly", () => {
		const audit = captured();
		if (!audit) throw new Error("no captured audit");
		const changes = formatAudit(audit, { fields }).changes;
		expect(changes.find(c => c.label.kind === "system" && c.label.name === "group_id")?.to).toBe("#6130852536346");
		expect(changes.find(c => c.label.kind === "system" && c.label.name === "ticket_form_id")?.to).toBe(
			"#6130830344474",
		);
	});

	it("names CCs by email and followers by id, falling back to the email or #id", () => {
		const entry = formatAudit(
			anAudit([
				{ type: "EmailCcChange", previousEmailCcs: ["nobody@example.org"], currentEmailCcs: ["LIAM@example.org"] },
				{ type: "FollowerChange", previousFollowers: ["77"], currentFollowers: ["1003"] },
			]),
			named,
		);
		expect(entry.people).toEqual([
			{ list: "emailCcs", added: ["Liam O'Connor"], removed: ["nobody@example.org"] },
			{ list: "followers", added: ["Maria González"], removed: ["#77"] },
		]);
	});

	it("turns a legacy collaborator_ids change into a people change, not a raw field", () => {
		const entry = formatAudit(
			anAudit([{ type: "Change", fieldName: "collaborator_ids", value: ["1003", 9], previousValue: ["9"] }]),
			named,
		);
		expect(entry.changes).toEqual([]);
		expect(entry.people).toEqual([{ list: "collaborators", added: ["Maria González"], removed: [] }]);
	});

	it("names lookup values by their target: users and organizations", () => {
		const lookups = [
			aField({ id: 5110, type: "lookup", title: "Account manager", relationshipTargetType: "zen:user" }),
			aField({ id: 5114, type: "lookup", title: "Partner", relationshipTargetType: "zen:organization" }),
		];
		const entry = formatAudit(
			anAudit([
				{ type: "Create", fieldName: "5110", value: 1003 },
				{ type: "Change", fieldName: "5114", value: "9004", previousValue: "9005" },
			]),
			{ ...named, fields: lookups },
		);
		expect(entry.changes.map(c => [c.from, c.to])).toEqual([
			["", "Maria González"],
			["#9005", "Harbour Print Partners"],
		]);
	});
});
