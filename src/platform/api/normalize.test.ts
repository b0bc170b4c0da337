import { describe, expect, it } from "vitest";
import {
	normalizeAttachment,
	normalizeAudit,
	normalizeAuditEvent,
	normalizeComment,
	normalizeJobStatus,
	normalizeUpload,
} from "./normalizeActivity";
import {
	normalizeAccountSettings,
	normalizeLocale,
	normalizeOrganization,
	normalizeTicket,
	normalizeTicketField,
	normalizeTicketForm,
	normalizeUser,
	normalizeVia,
	safeUrl,
} from "./normalize";

const GARBAGE: unknown[] = [undefined, null, 0, "ticket", [], [{}], {}, { id: "1" }, { id: -1 }, { id: 1.5 }];
const NORMALIZERS = {
	normalizeTicket,
	normalizeUser,
	normalizeTicketField,
	normalizeTicketForm,
	normalizeAttachment,
	normalizeAudit,
	normalizeAuditEvent,
	normalizeComment,
	normalizeUpload,
	normalizeJobStatus,
	normalizeLocale,
	normalizeOrganization,
	normalizeVia,
};

describe("normalizers", () => {
	it.each(Object.entries(NORMALIZERS))("%s returns null for garbage and never throws", (_name, normalize) => {
		for (const value of GARBAGE) expect(normalize(value)).toBeNull();
	});

	it.each([
		[
			"the OAS example",
			{ id: 35436, name: "Important Customers", domain_names: ["remain.com"], group_id: 1835962, tags: ["smiley"] },
			{ id: 35436, name: "Important Customers" },
		],
		["a name of spaces", { id: 1, name: "  " }, null],
		["a numeric name", { id: 1, name: 42 }, null],
		["a string id", { id: "1", name: "Acme" }, null],
	])("reads an organization's id and name only (%s)", (_, raw, expected) => {
		expect(normalizeOrganization(raw)).toEqual(expected);
	});

	it("converts a realistic ticket to camelCase, keeping custom field values of every type", () => {
		const ticket = normalizeTicket({
			id: 143,
			status: "open",
			created_at: "2021-11-24T01:48:54Z",
			updated_at: "2021-11-24T23:48:54Z",
			subject: "This is a test.",
			priority: "normal",
			type: "incident",
			requester_id: 10,
			assignee_id: null,
			collaborator_ids: [1, "2", 3],
			email_cc_ids: [1],
			follower_ids: [3],
			tags: ["a", 5, "b"],
			custom_fields: [
				{ id: 1, value: "donkey" },
				{ id: 2, value: null },
				{ id: 3, value: ["x", "y"] },
				{ id: 4, value: true },
				{ id: 5, value: { nested: 1 } },
			],
			via: { channel: "web", source: { rel: "follow_up", from: { ticket_id: 7 } } },
		});
		expect(ticket).toMatchObject({
			id: 143,
			status: "open",
			priority: "normal",
			type: "incident",
			requesterId: 10,
			assigneeId: null,
			collaboratorIds: [1, 3],
			tags: ["a", "b"],
			customFields: [
				{ id: 1, value: "donkey" },
				{ id: 2, value: null },
				{ id: 3, value: ["x", "y"] },
				{ id: 4, value: true },
			],
			via: { channel: "web", rel: "follow_up", followUpSourceId: 7 },
			updatedAt: "2021-11-24T23:48:54Z",
		});
	});

	const ticketCases: Array<[name: string, patch: Record<string, unknown>, valid: boolean]> = [
		["an unknown status", { status: "archived" }, false],
		["no updated_at", { updated_at: undefined }, false],
		["an unknown priority (kept as null)", { priority: "critical" }, true],
		["fields instead of custom_fields", { custom_fields: undefined, fields: [{ id: 9, value: "x" }] }, true],
	];
	it.each(ticketCases)("handles a ticket with %s", (_name, patch, valid) => {
		const base = { id: 1, status: "new", created_at: "t", updated_at: "t" };
		expect(normalizeTicket({ ...base, ...patch }) !== null).toBe(valid);
	});

	it("takes system field options when a field has no custom options", () => {
		const field = normalizeTicketField({
			id: 5005,
			type: "priority",
			title: "Priority",
			active: true,
			system_field_options: [{ name: "Low", value: "low" }],
		});
		expect(field?.options).toEqual([{ id: null, name: "Low", value: "low", isDefault: false }]);
	});

	it("reads form conditions with their required-on-status rules", () => {
		const form = normalizeTicketForm({
			id: 7001,
			name: "General",
			ticket_field_ids: [1, 2],
			agent_conditions: [
				{
					parent_field_id: 1,
					value: true,
					child_fields: [
						{ id: 2, is_required: true, required_on_statuses: { type: "SOME_STATUSES", statuses: ["solved"] } },
						{ id: 3, required_on_statuses: { type: "ALL_STATUSES" } },
					],
				},
			],
		});
		expect(form?.agentConditions[0]?.childFields).toEqual([
			{ id: 2, isRequired: true, requiredOnStatuses: ["solved"] },
			{ id: 3, isRequired: false, requiredOnStatuses: "all" },
		]);
	});

	it("keeps audit metadata and unknown event types", () => {
		const audit = normalizeAudit({
			id: 1,
			ticket_id: 2,
			created_at: "t",
			author_id: -1,
			metadata: { custom: { a: 1 }, system: { ip_address: "1.2.3.4" } },
			events: [
				{ id: 10, type: "Change", field_name: "tags", value: ["a"], previous_value: [] },
				{ id: 11, type: "SomethingNew" },
				{ id: "bad" },
			],
		});
		expect(audit?.authorId).toBe(-1);
		expect(audit?.metadata).toEqual({ custom: { a: 1 }, system: { ip_address: "1.2.3.4" } });
		expect(audit?.events).toEqual([
			{ id: 10, type: "Change", fieldName: "tags", value: ["a"], previousValue: [] },
			{ id: 11, type: "SomethingNew" },
		]);
	});

	it("drops javascript: and other non-http links", () => {
		expect(safeUrl("javascript:alert(1)")).toBeNull();
		expect(safeUrl("https://a.zendesk.com/x")).toBe("https://a.zendesk.com/x");
		expect(normalizeAttachment({ id: 1, file_name: "a", content_url: "javascript:alert(1)" })?.contentUrl).toBeNull();
	});

	it("reads job results of every shape, and object-shaped results as none", () => {
		expect(
			normalizeJobStatus({
				id: "j",
				status: "completed",
				results: [
					{ id: 5, index: 0 },
					{ id: 6, action: "update", success: false, error: "UpdateConflict", details: "x" },
				],
			})?.results,
		).toEqual([
			{ id: 5, index: 0, action: null, success: null, status: null, error: null, details: null },
			{ id: 6, index: null, action: "update", success: false, status: null, error: "UpdateConflict", details: "x" },
		]);
		expect(normalizeJobStatus({ id: "j", status: "completed", results: { success: true } })?.results).toEqual([]);
	});

	it("defaults account settings that are absent", () => {
		expect(normalizeAccountSettings({})).toEqual({
			collaboration: false,
			followerAndEmailCcCollaborations: false,
			lightAgentEmailCcsAllowed: false,
			commentsPublicByDefault: true,
			emailAttachments: true,
			privateAttachments: false,
			tagging: true,
		});
	});

	it.each<[string, unknown, ReturnType<typeof normalizeLocale>]>([
		[
			"Zendesk's LocaleObject example",
			{ id: 1, locale: "en-US", name: "English", url: "https://x.zendesk.com/api/v2/locales/en-US.json" },
			{ id: 1, locale: "en-US", name: "English" },
		],
		["a string id", { id: "8", locale: "de", name: "Deutsch" }, null],
		["no locale code", { id: 8, name: "Deutsch" }, null],
		["a blank name", { id: 2, locale: "es", name: "  " }, null],
	])("reads a locale: %s", (_name, raw, expected) => {
		expect(normalizeLocale(raw)).toEqual(expected);
	});

	it("reads a comment's plain body in preference to its HTML", () => {
		expect(
			normalizeComment({
				id: 1,
				author_id: 2,
				body: "<b>x</b>",
				plain_body: "x",
				html_body: "<b>x</b>",
				created_at: "t",
			})?.body,
		).toBe("x");
	});
});

describe("normalizeUser photo", () => {
	const user = { id: 1, name: "Ann", role: "end-user" };
	it.each<[label: string, photo: unknown, expected: string | null]>([
		["no photo (null)", null, null],
		[
			"a photo attachment on https",
			{ id: 9, content_url: "https://x.zendesk.com/system/photos/a.jpg" },
			"https://x.zendesk.com/system/photos/a.jpg",
		],
		["a photo on plain http", { content_url: "http://x.zendesk.com/a.jpg" }, null],
		["a javascript: URL", { content_url: "javascript:alert(1)" }, null],
		["a protocol-relative URL", { content_url: "//x.zendesk.com/a.jpg" }, null],
		["a content_url that is not a string", { content_url: 42 }, null],
		["a photo that is a string", "https://x.zendesk.com/a.jpg", null],
	])("reads photoUrl from %s", (_label, photo, expected) => {
		expect(normalizeUser({ ...user, photo })?.photoUrl).toBe(expected);
	});
});
