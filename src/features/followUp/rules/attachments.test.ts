import { describe, expect, it } from "vitest";
import type { AttachmentProblem } from "./attachments";
import {
	attachmentMetaProblem,
	decodeTextAttachment,
	fileExtension,
	formatBytes,
	MAX_ATTACHMENT_BYTES,
	safeAttachmentName,
	textContentType,
	visibleFileName,
} from "./attachments";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("fileExtension", () => {
	const cases: Array<[string, string]> = [
		["notes.txt", "txt"],
		["Report.Final.CSV", "csv"],
		["C:\\logs\\server.log", "log"],
		["dir/readme.md", "md"],
		[".bashrc", ""],
		["Makefile", ""],
		["trailing.", ""],
		["", ""],
	];
	it.each(cases)("reads %j as %j", (name, ext) => {
		expect(fileExtension(name)).toBe(ext);
	});
});

describe("textContentType", () => {
	const cases: Array<[string, string | null]> = [
		["a.txt", "text/plain"],
		["a.log", "text/plain"],
		["a.csv", "text/csv"],
		["a.tsv", "text/tab-separated-values"],
		["a.json", "application/json"],
		["a.md", "text/markdown"],
		["a.xml", "application/xml"],
		["a.html", "text/html"],
		["a.HTM", "text/html"],
		["a.eml", "message/rfc822"],
		["a.yaml", "application/yaml"],
		["a.yml", "application/yaml"],
		["a.ics", "text/calendar"],
		["a.vcf", "text/vcard"],
		["a.png", null],
		["a.pdf", null],
		["a.zip", null],
		["a.docx", null],
		["a.exe", null],
		["README", null],
	];
	it.each(cases)("gives %j the type %j", (name, type) => {
		expect(textContentType(name)).toBe(type);
	});
});

describe("attachmentMetaProblem", () => {
	const cases: Array<[name: string, size: number, expected: AttachmentProblem | null]> = [
		["notes.txt", 12, null],
		["notes.txt", MAX_ATTACHMENT_BYTES, null],
		["notes.txt", MAX_ATTACHMENT_BYTES + 1, "too_large"],
		["notes.txt", 0, "empty_file"],
		["photo.png", 12, "unsupported_type"],
		["photo.png", MAX_ATTACHMENT_BYTES + 1, "unsupported_type"],
		["  ", 12, "empty_name"],
		["bad\nname.txt", 12, "empty_name"],
	];
	it.each(cases)("checks %j of %d bytes", (name, size, expected) => {
		expect(attachmentMetaProblem(name, size)).toBe(expected);
	});
});

describe("safeAttachmentName", () => {
	const cases: Array<[picked: string, sent: string]> = [
		["crash.log", "crash.log"],
		["Grüße 2024 (final).txt", "Grüße 2024 (final).txt"],
		["../../x.txt", "x.txt"],
		["a/b.txt", "b.txt"],
		["C:\\x\\y.txt", "y.txt"],
		["C:y.txt", "C_y.txt"],
		["\\\\server\\share\\..\\notes.md", "notes.md"],
		["bad\nname.txt", "badname.txt"],
		["tab\tand\u0000nul\u007f\u0085.txt", "tabandnul.txt"],
		["invoice\u202etxt.exe", "invoicetxt.exe"],
		["zero\u200bwidth.txt", "zerowidth.txt"],
		['what?<is>"this"|*.txt', "what__is__this___.txt"],
		["  .hidden.txt. . ", "hidden.txt"],
		["../..", ""],
		["folder/", ""],
		["\u0000", ""],
		[`${"a".repeat(300)}.txt`, `${"a".repeat(251)}.txt`],
		[`${"😀".repeat(300)}`, "😀".repeat(255)],
	];
	it.each(cases)("sends %j as %j", (picked, sent) => {
		expect(safeAttachmentName(picked)).toBe(sent);
	});

	it("shows the invisible characters of a picked name as �", () => {
		expect(visibleFileName("a\nb\u202ec.txt")).toBe("a\ufffdb\ufffdc.txt");
	});
});

describe("decodeTextAttachment", () => {
	it("decodes plain UTF-8 text, accents and emoji included", () => {
		expect(decodeTextAttachment(utf8("Grüße 👋\n"))).toEqual({ ok: true, text: "Grüße 👋\n" });
	});

	it("drops a leading byte-order mark", () => {
		expect(decodeTextAttachment(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: "a" });
	});

	const binaries: Array<[string, Uint8Array]> = [
		["a NUL byte", new Uint8Array([0x61, 0x00, 0x62])],
		["a PNG header", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
		["Latin-1 text", new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65])],
		["a truncated multi-byte sequence", new Uint8Array([0x61, 0xe2, 0x82])],
		["UTF-16 text", new Uint8Array([0xff, 0xfe, 0x61, 0x00])],
	];
	it.each(binaries)("refuses %s as binary", (_name, bytes) => {
		expect(decodeTextAttachment(bytes)).toEqual({ ok: false, problem: "binary_content" });
	});

	it("refuses an empty file and an oversize one", () => {
		expect(decodeTextAttachment(new Uint8Array())).toEqual({ ok: false, problem: "empty_file" });
		expect(decodeTextAttachment(new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61))).toEqual({
			ok: false,
			problem: "too_large",
		});
	});
});

describe("formatBytes", () => {
	const cases: Array<[number, string]> = [
		[0, "0 B"],
		[1023, "1023 B"],
		[1536, "1.5 KB"],
		[5 * 1024 * 1024, "5.0 MB"],
	];
	it.each(cases)("formats %d as %j", (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});
});
