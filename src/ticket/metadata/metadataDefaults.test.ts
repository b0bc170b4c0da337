import { describe, expect, it } from "vitest";
import { parseDefaultMetadata } from "./metadataDefaults";

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
