import { describe, expect, it } from "vitest";
import { safeLink } from "./safeLink";

describe("safeLink", () => {
	it.each([
		["javascript:alert(1)"],
		["JavaScript:alert(1)"],
		["  javascript:alert(1)"],
		["java\tscript:alert(1)"],
		["java\nscript:alert(1)"],
		["\u0000javascript:alert(1)"],
		["data:text/html,<script>alert(1)</script>"],
		["DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
		["vbscript:msgbox(1)"],
		["blob:https://example.com/1234"],
		["file:///etc/passwd"],
		["http://[::1"],
		[""],
		["   "],
	])("refuses %j", raw => {
		expect(safeLink(raw)).toBeNull();
	});

	it.each([
		["https://example.zendesk.com/agent/tickets/7", "https://example.zendesk.com/agent/tickets/7"],
		["HTTP://Example.com/a b", "http://example.com/a%20b"],
		["mailto:olivia.bennett@example.org", "mailto:olivia.bennett@example.org"],
		["/agent/tickets/7", "/agent/tickets/7"],
		["  tickets/7?x=1#c  ", "tickets/7?x=1#c"],
		["//cdn.example.com/file.txt", "https://cdn.example.com/file.txt"],
	])("allows %j as %j", (raw, expected) => {
		expect(safeLink(raw)).toBe(expected);
	});

	it.each([[null], [undefined], [42], [{ href: "https://example.com" }]])("refuses the non-string %j", raw => {
		expect(safeLink(raw)).toBeNull();
	});
});
