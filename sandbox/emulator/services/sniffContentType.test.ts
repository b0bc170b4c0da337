import { describe, expect, it } from "vitest";
import { sniffContentType } from "./sniffContentType";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const text = (s: string) => new TextEncoder().encode(s);
const genesis = () => {
	const bytes = text("# readme\n".padEnd(0x100, " ") + "SEGA and more text");
	return bytes;
};

describe("sniffContentType", () => {
	const cases: Array<[label: string, bytes: Uint8Array, name: string, declared: string | undefined, expected: string]> =
		[
			["a PNG declared as text/plain", Uint8Array.from(PNG), "notes.txt", "text/plain", "image/png"],
			["a PNG declared as nothing", Uint8Array.from(PNG), "x", undefined, "image/png"],
			["a PDF declared as application/binary", text("%PDF-1.7\n"), "manual", "application/binary", "application/pdf"],
			["the captured README.md (SEGA at 0x100)", genesis(), "README.md", "text/markdown", "application/x-genesis-rom"],
			["a CSV declared as text/csv", text("a,b\n1,2\n"), "export.csv", "text/csv", "text/csv"],
			["a CSV declared generically", text("a,b\n"), "export.csv", "application/octet-stream", "text/csv"],
			["text without a name or type", text("hello"), "notes", undefined, "text/plain"],
			[
				"binary bytes declared as text",
				Uint8Array.from([0, 1, 2, 255]),
				"notes.txt",
				"text/plain",
				"application/octet-stream",
			],
			["a declared type with parameters", text("{}"), "a.json", "application/json; charset=utf-8", "application/json"],
			["empty content", new Uint8Array(), "empty.log", undefined, "text/plain"],
		];
	it.each(cases)("stores %s as the sniffed type", (_label, bytes, name, declared, expected) => {
		expect(sniffContentType(bytes, name, declared)).toBe(expected);
	});
});
