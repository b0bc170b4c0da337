import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET_BYTES, buildApp, sizeReport } from "../build.mjs";
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
		const report = sizeReport(built.sizes);
		expect(
			report.total,
			`\n${report.text}\nBy feature:\n${byFeature(built)}\nLargest inputs:\n${largestInputs(built.metafile)}`,
		).toBeLessThanOrEqual(BUDGET_BYTES);
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
		expect(readFileSync(join(dir, "dist", "assets", "main.js"), "utf8")).not.toContain(
			en.app.long_description.slice(0, 40),
		);
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
