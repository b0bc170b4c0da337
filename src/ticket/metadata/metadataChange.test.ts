import { describe, expect, it } from "vitest";
import { attachMetadata, hasRealChange } from "./metadataChange";

describe("hasRealChange", () => {
	const cases: Array<[label: string, update: Record<string, unknown>, expected: boolean]> = [
		["an empty update", {}, false],
		["metadata alone", { metadata: { a: "1" } }, false],
		[
			"metadata with the safe-update stamp",
			{ metadata: { a: "1" }, safe_update: true, updated_stamp: "2024-01-01T00:00:00Z" },
			false,
		],
		["empty custom fields", { custom_fields: [] }, false],
		["empty email CCs and followers", { email_ccs: [], followers: [] }, false],
		["an undefined status", { status: undefined }, false],
		["a blank comment", { comment: { body: "   " } }, false],
		["a comment that is not an object", { comment: "hi" }, false],
		["a custom field value", { custom_fields: [{ id: 1, value: "x" }] }, true],
		["a cleared custom field", { custom_fields: [{ id: 1, value: null }] }, true],
		["a status", { status: "pending" }, true],
		["a comment", { comment: { body: "Done", public: false } }, true],
		["an HTML comment", { comment: { html_body: "<p>Done</p>" } }, true],
		["a comment with uploads only", { comment: { body: "", uploads: ["tok"] } }, true],
		["an email CC", { email_ccs: [{ user_id: 1, action: "put" }] }, true],
		["tags", { tags: ["a"] }, true],
		["every tag removed", { tags: [] }, true],
		["the last legacy collaborator removed", { collaborators: [] }, true],
		["no legacy collaborators added", { additional_collaborators: [] }, false],
	];
	it.each(cases)("decides for %s: %s", (_label, update, expected) => {
		expect(hasRealChange(update)).toBe(expected);
	});
});

describe("attachMetadata", () => {
	it("attaches metadata to a real change", () => {
		const result = attachMetadata({ custom_fields: [{ id: 1, value: "x" }] }, { source: "app" });
		expect(result).toEqual({
			ok: true,
			update: { custom_fields: [{ id: 1, value: "x" }], metadata: { source: "app" } },
		});
	});

	it("refuses a metadata-only save because Zendesk would store nothing", () => {
		expect(attachMetadata({ safe_update: true, updated_stamp: "x" }, { source: "app" })).toEqual({
			ok: false,
			issue: { field: "metadata", code: "metadata.issues.metadataOnly" },
		});
	});

	it.each([undefined, {}])("leaves the update alone without metadata (%j)", metadata => {
		const update = { status: "open" };
		expect(attachMetadata(update, metadata)).toEqual({ ok: true, update: { status: "open" } });
		expect(attachMetadata({}, metadata)).toEqual({ ok: true, update: {} });
	});
});
