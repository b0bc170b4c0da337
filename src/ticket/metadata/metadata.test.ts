import { describe, expect, it } from "vitest";
import {
	METADATA_MAX_BYTES,
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
