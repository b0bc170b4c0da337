import { describe, expect, it } from "vitest";
import { parseLocales } from "./followUpLocales";

describe("parseLocales", () => {
	const cases: Array<[name: string, json: unknown, expected: Array<{ id: number; name: string }>]> = [
		[
			"Zendesk's example answer",
			{
				locales: [
					{ id: 1, locale: "en-US", name: "English" },
					{ id: 8, locale: "de", name: "Deutsch" },
				],
			},
			[
				{ id: 1, name: "English" },
				{ id: 8, name: "Deutsch" },
			],
		],
		["a body without locales", { error: "x" }, []],
		["no body", undefined, []],
		[
			"malformed entries",
			{ locales: [null, { id: "1", name: "x" }, { id: 2, name: " " }, { id: 3, name: "Français" }] },
			[{ id: 3, name: "Français" }],
		],
	];
	it.each(cases)("reads %s", (_name, json, expected) => {
		expect(parseLocales(json)).toEqual(expected);
	});
});
