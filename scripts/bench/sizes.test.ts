import { describe, expect, it } from "vitest";
import { featureBreakdown, featureOf } from "./sizes";

describe("bundle breakdown by feature", () => {
	it.each([
		["node_modules/preact/dist/preact.mjs", "framework (preact, signals)"],
		["node_modules/@preact/signals-core/dist/signals-core.module.js", "framework (preact, signals)"],
		["translations/en.json", "English UI strings"],
		["src/features/followUp/createFollowUpModel.ts", "follow-up"],
		["src/features/people/PersonPicker.tsx", "people"],
		["src/shared/fieldCoercion.ts", "fields"],
		["src/features/history/TicketHistory.tsx", "metadata + audit history"],
		["src/features/fields/FieldsSection.tsx", "fields"],
		["src/ui/PeoplePicker.tsx", "people"],
		["src/ticket/metadata/metadata.ts", "metadata + audit history"],
		["src/app/mount.tsx", "shell, API client, shared"],
	])("puts %s under %s", (input, feature) => {
		expect(featureOf(input)).toBe(feature);
	});

	it("splits each JS output's gzip size pro rata over its inputs", () => {
		const metafile = {
			outputs: {
				"dist/assets/main.js": {
					inputs: {
						"src/app/mount.tsx": { bytesInOutput: 300 },
						"src/features/people/rules/stagedPeople.ts": { bytesInOutput: 100 },
					},
				},
				"dist/assets/main.css": { inputs: { "src/ui/main.css": { bytesInOutput: 50 } } },
			},
		};
		const files = [{ file: "assets/main.js", raw: 400, gzip: 200 }];
		expect(featureBreakdown(metafile, files)).toEqual([
			{ feature: "shell, API client, shared", minified: 300, gzipEstimate: 150 },
			{ feature: "people", minified: 100, gzipEstimate: 50 },
		]);
	});
});
