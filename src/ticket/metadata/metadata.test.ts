import { describe, expect, it } from "vitest";
import {
	METADATA_MAX_BYTES,
	attachMetadata,
	hasRealChange,
	parseDefaultMetadata,
	isJsonValue,
	mergeMetadata,
	metadataByteLength,
	metadataSizeIssues,
	rowsToMetadata,
	utf8ByteLength,
	validateMetadataRows,
	type MetadataObject,
	type MetadataRow,
} from "./metadata";

describe("utf8ByteLength", () => {
	const cases: Array<[text: string, bytes: number]> = [
		["", 0],
		["abc", 3],
		["é", 2],
		["€", 3],
		["日本", 6],
		["😀", 4],
		["a😀b", 6],
		["\ud800", 3],
		["\udc00x", 4],
		["\ud800\ud800", 6],
	];
	it.each(cases)("counts %j as %i bytes", (text, bytes) => {
		expect(utf8ByteLength(text)).toBe(bytes);
	});

	it.each(["plain", "Grüße aus Köln", "日本語テキスト", "emoji 😀🎉 mix", "\ud83d"])(
		"agrees with TextEncoder on %j",
		text => {
			expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
		},
	);
});

describe("metadataByteLength", () => {
	const cases: Array<[metadata: MetadataObject, bytes: number]> = [
		[{}, 2],
		[{ a: "b" }, 9],
		[
			{ time_spent: "4m12s", account: "integrations" },
			JSON.stringify({ time_spent: "4m12s", account: "integrations" }).length,
		],
		[{ é: "€" }, 12],
		[{ q: 'say "hi"\n' }, 20],
		[{ n: 1.5, b: true, z: null, list: [1, "x"] }, JSON.stringify({ n: 1.5, b: true, z: null, list: [1, "x"] }).length],
	];
	it.each(cases)("measures %j as %i bytes", (metadata, bytes) => {
		expect(metadataByteLength(metadata)).toBe(bytes);
	});

	it("accepts exactly 1024 bytes and refuses 1025", () => {
		const exact = { k: "x".repeat(METADATA_MAX_BYTES - 8) };
		expect(metadataByteLength(exact)).toBe(1024);
		expect(metadataSizeIssues(exact)).toEqual([]);
		const over = { k: "x".repeat(METADATA_MAX_BYTES - 7) };
		expect(metadataSizeIssues(over)).toEqual([
			{ field: "metadata", code: "metadata.issues.tooLarge", vars: { bytes: 1025, max: 1024 } },
		]);
	});

	it("counts multi-byte characters, not string length, against the limit", () => {
		const metadata = { k: "é".repeat(510) }; // 510 characters, 1020 bytes + 8
		expect(JSON.stringify(metadata).length).toBeLessThan(1024);
		expect(metadataSizeIssues(metadata)).toHaveLength(1);
	});
});

describe("rowsToMetadata", () => {
	it("trims keys, keeps values as typed, skips blank and invalid rows, keeps the first duplicate", () => {
		const rows: MetadataRow[] = [
			{ key: " source ", value: " app " },
			{ key: "", value: "" },
			{ key: "", value: "orphan" },
			{ key: 7, value: "number key" },
			{ key: "source", value: "second" },
			{ key: "empty", value: "" },
			{ key: "fn", value: () => 1 },
		];
		expect(rowsToMetadata(rows)).toEqual({ source: " app ", empty: "" });
	});

	it("keeps constructor and prototype as ordinary own keys, in the JSON too, and leaves __proto__ out", () => {
		const metadata = rowsToMetadata([
			{ key: "constructor", value: "c" },
			{ key: "prototype", value: "p" },
			{ key: " __proto__ ", value: "x" },
		]);
		expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
		expect(JSON.stringify(metadata)).toBe('{"constructor":"c","prototype":"p"}');
		expect(JSON.stringify(mergeMetadata({ source: "app" }, metadata))).toBe(
			'{"source":"app","constructor":"c","prototype":"p"}',
		);
	});
});

describe("validateMetadataRows", () => {
	const cases: Array<[label: string, rows: MetadataRow[], defaults: MetadataObject, expected: unknown[]]> = [
		[
			"valid rows",
			[
				{ key: "a", value: "1" },
				{ key: "b", value: "2" },
			],
			{},
			[],
		],
		["a blank row", [{ key: " ", value: "" }], {}, []],
		[
			"an empty key with a value",
			[{ key: "  ", value: "x" }],
			{},
			[{ field: "metadata.0.key", code: "metadata.issues.emptyKey" }],
		],
		[
			"a number key",
			[{ key: 42, value: "x" }],
			{},
			[{ field: "metadata.0.key", code: "metadata.issues.nonStringKey" }],
		],
		[
			"an object key",
			[{ key: { a: 1 }, value: "x" }],
			{},
			[{ field: "metadata.0.key", code: "metadata.issues.nonStringKey" }],
		],
		[
			"a duplicate after trimming",
			[
				{ key: "a", value: "1" },
				{ key: " a", value: "2" },
			],
			{},
			[{ field: "metadata.1.key", code: "metadata.issues.duplicateKey", vars: { key: "a" } }],
		],
		[
			"keys differing in case",
			[
				{ key: "A", value: "1" },
				{ key: "a", value: "2" },
			],
			{},
			[],
		],
		[
			"__proto__, which an object would swallow",
			[{ key: " __proto__", value: "x" }],
			{},
			[{ field: "metadata.0.key", code: "metadata.issues.unsafeKey", vars: { key: "__proto__" } }],
		],
		[
			"constructor and prototype",
			[
				{ key: "constructor", value: "1" },
				{ key: "prototype", value: "2" },
			],
			{},
			[],
		],
		[
			"a key set by the admin defaults",
			[{ key: "source", value: "me" }],
			{ source: "sidebar" },
			[{ field: "metadata.0.key", code: "metadata.issues.reservedKey", vars: { key: "source" } }],
		],
		[
			"a non-JSON value",
			[{ key: "n", value: Number.NaN }],
			{},
			[{ field: "metadata.0.value", code: "metadata.issues.invalidValue" }],
		],
	];
	it.each(cases)("reports %s", (_label, rows, defaults, expected) => {
		expect(validateMetadataRows(rows, defaults)).toEqual(expected);
	});
});

describe("mergeMetadata", () => {
	it("puts the admin defaults first and keeps them on a clash", () => {
		const merged = mergeMetadata({ source: "sidebar", team: "t1" }, { source: "agent", note: "x" });
		expect(merged).toEqual({ source: "sidebar", team: "t1", note: "x" });
		expect(Object.keys(merged)).toEqual(["source", "team", "note"]);
	});
});

describe("isJsonValue", () => {
	const cyclic: Record<string, unknown> = {};
	cyclic.self = cyclic;
	it.each([
		["a string", "x", true],
		["a nested object", { a: [1, { b: null }] }, true],
		["undefined", undefined, false],
		["Infinity", Infinity, false],
		["a date", new Date(0), false],
		["a function", () => 1, false],
		["a cycle", cyclic, false],
	] as const)("judges %s", (_label, value, expected) => {
		expect(isJsonValue(value)).toBe(expected);
	});
});

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

describe("parseDefaultMetadata", () => {
	const ok: Array<[setting: unknown, defaults: Record<string, unknown>]> = [
		[undefined, {}],
		[null, {}],
		["", {}],
		["   ", {}],
		['{"source":"sidebar-app"}', { source: "sidebar-app" }],
		['{"source":"sidebar","team":{"id":4}}', { source: "sidebar", team: { id: 4 } }],
		[{ source: "already parsed" }, { source: "already parsed" }],
		["{}", {}],
	];
	it.each(ok)("reads %j as %j", (setting, defaults) => {
		expect(parseDefaultMetadata(setting)).toEqual({ defaults, issues: [] });
	});

	const refused: Array<[setting: unknown, code: string]> = [
		["{source: sidebar}", "metadata.issues.defaultsInvalidJson"],
		['{"source":', "metadata.issues.defaultsInvalidJson"],
		["[1,2]", "metadata.issues.defaultsNotObject"],
		['"text"', "metadata.issues.defaultsNotObject"],
		["42", "metadata.issues.defaultsNotObject"],
		["null", "metadata.issues.defaultsNotObject"],
		[42, "metadata.issues.defaultsNotObject"],
		[true, "metadata.issues.defaultsNotObject"],
		[{ bad: undefined }, "metadata.issues.defaultsNotObject"],
		[JSON.stringify({ big: "x".repeat(1100) }), "metadata.issues.defaultsTooLarge"],
	];
	it.each(refused)("ignores %j and reports %s", (setting, code) => {
		expect(parseDefaultMetadata(setting)).toEqual({ defaults: {}, issues: [{ field: "metadataDefaults", code }] });
	});
});
