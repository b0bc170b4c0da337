import { describe, expect, it } from "vitest";
import { parseAppSettings, type AppSettings } from "./appSettings";

describe("parseAppSettings", () => {
	const cases: Array<[name: string, raw: unknown, expected: AppSettings]> = [
		["nothing set", {}, { defaultMetadata: {}, defaultMetadataInvalid: false, asyncFollowUps: false }],
		["not an object", "x", { defaultMetadata: {}, defaultMetadataInvalid: false, asyncFollowUps: false }],
		[
			"a JSON object and a checked box",
			{ defaultMetadata: '{"team":"billing"}', asyncFollowUps: true },
			{ defaultMetadata: { team: "billing" }, defaultMetadataInvalid: false, asyncFollowUps: true },
		],
		[
			"a checkbox as the string true",
			{ asyncFollowUps: "true" },
			{ defaultMetadata: {}, defaultMetadataInvalid: false, asyncFollowUps: true },
		],
		[
			"a checkbox as the string false",
			{ asyncFollowUps: "false" },
			{ defaultMetadata: {}, defaultMetadataInvalid: false, asyncFollowUps: false },
		],
		[
			"blank metadata",
			{ defaultMetadata: "  " },
			{ defaultMetadata: {}, defaultMetadataInvalid: false, asyncFollowUps: false },
		],
		[
			"metadata that is not JSON",
			{ defaultMetadata: "{team" },
			{ defaultMetadata: {}, defaultMetadataInvalid: true, asyncFollowUps: false },
		],
		[
			"metadata that is a JSON array",
			{ defaultMetadata: "[1]" },
			{ defaultMetadata: {}, defaultMetadataInvalid: true, asyncFollowUps: false },
		],
		[
			"metadata already an object",
			{ defaultMetadata: { a: 1 } },
			{ defaultMetadata: { a: 1 }, defaultMetadataInvalid: false, asyncFollowUps: false },
		],
	];
	it.each(cases)("reads %s", (_name, raw, expected) => {
		expect(parseAppSettings(raw)).toEqual(expected);
	});
});
