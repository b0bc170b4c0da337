import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET_BYTES, PANEL_OPEN_BUDGET_BYTES, buildApp, panelOpenFiles, sizeReport } from "../build.mjs";
import { featureBreakdown } from "./bench/sizes.ts";
import { validatePackage } from "./validate/validatePackage.mjs";

const ROOT = join(import.meta.dirname, "..");
let dir;
let built;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "zd-build-"));
	built = await buildApp({ outdir: join(dir, "dist"), mapsdir: join(dir, "maps") });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the production build", () => {
	it(`keeps the gzipped JS+CSS within the ${BUDGET_BYTES / 1024} KB budget`, () => {
		const report = sizeReport(built.sizes, panelOpenFiles(join(dir, "dist")));
		expect(
			report.total,
			`\n${report.text}\nBy feature:\n${byFeature(built)}\nLargest inputs:\n${largestInputs(built.metafile)}`,
		).toBeLessThanOrEqual(BUDGET_BYTES);
	});

	it(`keeps what a panel loads at open within the ${PANEL_OPEN_BUDGET_BYTES / 1024} KB budget`, () => {
		const report = sizeReport(built.sizes, panelOpenFiles(join(dir, "dist")));
		expect(report.atOpen, `\n${report.text}`).toBeLessThanOrEqual(PANEL_OPEN_BUDGET_BYTES);
	});

	it("fetches the follow-up feature and the audit list only on demand, and preloads every chunk main.js needs", () => {
		const outputs = built.metafile.outputs;
		const outputOf = input => Object.keys(outputs).find(path => input in outputs[path].inputs);
		const asset = path => `assets/${path.split("/assets/")[1]}`;
		const main = Object.keys(outputs).find(path => outputs[path].entryPoint === "src/main.tsx");
		// Every chunk main.js imports statically, followed transitively: what the browser must load.
		const needed = new Set([main]);
		for (const path of needed) {
			for (const i of outputs[path].imports) if (i.kind === "import-statement") needed.add(i.path);
		}
		const atOpen = panelOpenFiles(join(dir, "dist"));
		expect(atOpen.sort()).toEqual([...[...needed].map(asset), "assets/main.css"].sort());
		// What runs at open is one shared chunk, not one per combination of on-demand parts sharing it.
		expect(atOpen.filter(file => file.endsWith(".js")).length).toBeLessThanOrEqual(3);
		const lazy = [
			"src/features/followUp/followUpFeature.ts",
			"src/features/followUp/FollowUpForm.tsx",
			"src/features/followUp/createFollowUpModel.ts",
			"src/features/followUp/createFollowUpUploads.ts",
			"src/features/followUp/rules/followUpPayload.ts",
			"src/features/history/TicketAudits.tsx",
			"src/features/history/createAuditsModel.ts",
			"src/features/bulk/BulkPanel.tsx",
			"src/features/bulk/createBulkModel.ts",
			"src/features/bulk/runBulkUpdate.ts",
			"src/features/people/PeopleEditor.tsx",
			"src/features/people/createPeopleModel.ts",
			"src/features/people/PersonPicker.tsx",
			"src/features/fields/FieldsEditor.tsx",
			"src/features/fields/createFieldsModel.ts",
			"src/features/fields/FieldInput.tsx",
			"src/features/metadata/MetadataPanel.tsx",
		];
		for (const input of lazy) {
			const chunk = outputOf(input);
			expect(chunk, input).toBeDefined();
			expect(needed.has(chunk), `${input} is loaded at panel open`).toBe(false);
		}
		for (const entry of [
			"src/features/followUp/followUpFeature.ts",
			"src/features/history/TicketAudits.tsx",
			"src/features/bulk/BulkPanel.tsx",
			"src/features/people/PeopleEditor.tsx",
			"src/features/fields/FieldsEditor.tsx",
			"src/features/metadata/MetadataPanel.tsx",
		]) {
			// Imported on demand by the code loaded at open (main.js or the chunk it shares with the parts).
			const importers = [...needed].filter(path =>
				outputs[path].imports.some(i => i.path === outputOf(entry) && i.kind === "dynamic-import"),
			);
			expect(importers, entry).not.toEqual([]);
		}
	});

	it("bundles no dependency but Preact and Preact Signals", () => {
		const bundled = new Set(
			Object.values(built.metafile.outputs).flatMap(output =>
				Object.keys(output.inputs)
					.filter(input => input.includes("node_modules/"))
					.map(input => input.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1")),
			),
		);
		expect([...bundled].sort()).toEqual(["@preact/signals", "@preact/signals-core", "preact"]);
	});

	it("lays dist/ out as a Zendesk app package and nothing else", () => {
		const { files, errors } = validatePackage(join(dir, "dist"));
		expect(errors).toEqual([]);
		expect(files.every(f => /^(manifest\.json|translations\/[a-z-]+\.json|assets\/.+)$/.test(f))).toBe(true);
		expect(files).toEqual(
			expect.arrayContaining([
				"manifest.json",
				"translations/en.json",
				"assets/iframe.html",
				"assets/main.js",
				"assets/main.css",
				"assets/logo.png",
				"assets/logo-small.png",
			]),
		);
		expect(files.some(f => f.endsWith(".map"))).toBe(false);
	});

	it("writes source maps outside the package and does not point to them", () => {
		expect(readFileSync(join(dir, "maps", "main.js.map"), "utf8")).toContain('"sources"');
		expect(readFileSync(join(dir, "dist", "assets", "main.js"), "utf8")).not.toContain("sourceMappingURL");
	});

	it("keeps Zendesk's app texts out of the bundle", () => {
		const en = JSON.parse(readFileSync(join(ROOT, "translations", "en.json"), "utf8"));
		for (const file of Object.keys(built.sizes).filter(name => name.endsWith(".js"))) {
			expect(readFileSync(join(dir, "dist", file), "utf8"), file).not.toContain(en.app.long_description.slice(0, 40));
		}
	});
});

function largestInputs(metafile) {
	const out = Object.values(metafile.outputs).find(o => o.entryPoint === "src/main.tsx");
	return Object.entries(out?.inputs ?? {})
		.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
		.slice(0, 12)
		.map(([name, v]) => `  ${String(v.bytesInOutput).padStart(7)}  ${name}`)
		.join("\n");
}

function byFeature({ sizes, metafile }) {
	const files = Object.entries(sizes).map(([file, size]) => ({ file, ...size }));
	return featureBreakdown(metafile, files)
		.map(
			share =>
				`  ${share.feature.padEnd(30)} ${String(share.minified).padStart(7)} min  ≈${String(share.gzipEstimate).padStart(6)} gzip`,
		)
		.join("\n");
}
