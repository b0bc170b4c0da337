import { describe, expect, it } from "vitest";
import { normalizeHeaders, parseRetryAfter } from "./headers";

describe("normalizeHeaders", () => {
	const cases: Array<[name: string, raw: unknown, expected: Record<string, string>]> = [
		[
			"an object with mixed-case names",
			{ "Content-Type": "text/html", "Retry-After": 5 },
			{ "content-type": "text/html", "retry-after": "5" },
		],
		[
			"a raw header string",
			"Content-Type: application/json\r\nX-Rate-Limit: 700\r\n",
			{ "content-type": "application/json", "x-rate-limit": "700" },
		],
		[
			"a string with a value containing colons",
			"Location: https://a.zendesk.com/x\n",
			{ location: "https://a.zendesk.com/x" },
		],
		["repeated headers in a string", "Set-Cookie: a\r\nSet-Cookie: b", { "set-cookie": "a, b" }],
		["undefined", undefined, {}],
		["a number", 42, {}],
		["an array", ["a"], {}],
	];
	it.each(cases)("normalises %s", (_name, raw, expected) => {
		expect(normalizeHeaders(raw)).toEqual(expected);
	});
});

describe("parseRetryAfter", () => {
	const now = Date.parse("2024-01-01T00:00:00Z");
	const cases: Array<[raw: string | undefined, expected: number | undefined]> = [
		["93", 93],
		["1.5", 2],
		["Mon, 01 Jan 2024 00:00:30 GMT", 30],
		["Sun, 31 Dec 2023 23:00:00 GMT", 0],
		["soon", undefined],
		["", undefined],
		[undefined, undefined],
	];
	it.each(cases)("reads %j as %j seconds", (raw, expected) => {
		expect(parseRetryAfter(raw === undefined ? {} : { "retry-after": raw }, now)).toBe(expected);
	});
});
