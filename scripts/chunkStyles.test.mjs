import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import * as esbuild from "esbuild";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chunkStyles } from "./chunkStyles.mjs";

const ROOT = join(import.meta.dirname, "..");

/** A project in a temporary folder: `files` (path → text) and the real linkStyleSheet helper. */
function project(dir, files) {
	const helper = "src/platform/styles/linkStyleSheet.ts";
	mkdirSync(dirname(join(dir, helper)), { recursive: true });
	cpSync(join(ROOT, helper), join(dir, helper));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
}

/** Builds the project as build.mjs does (ES modules, code splitting) with the plugin. */
async function build(dir) {
	const styles = chunkStyles(dir, { minify: true });
	const result = await esbuild.build({
		absWorkingDir: dir,
		entryPoints: [{ in: "src/main.tsx", out: "main" }],
		outdir: join(dir, "dist"),
		bundle: true,
		format: "esm",
		splitting: true,
		minify: true,
		chunkNames: "chunks/[name]-[hash]",
		supported: { "top-level-await": true },
		write: false,
		metafile: true,
		logLevel: "silent",
		plugins: [styles.plugin],
	});
	const js = Object.fromEntries(
		result.outputFiles.map(file => [basename(file.path).replace(/-[A-Z0-9]+\.js$/, ".js"), file.text]),
	);
	return { styles, result, js };
}

const PARTS = {
	"src/main.tsx": 'export const open = () => [import("./people"), import("./fields")];\n',
	"src/people.ts": 'import "./controls.css";\nimport "./people.css";\nexport const people = 1;\n',
	"src/fields.ts": 'import "./controls.css";\nimport "./fields.css";\nexport const fields = 2;\n',
	"src/controls.css": '@import "./inputs.css";\n.zd-actions {\n\tdisplay: flex;\n}\n',
	"src/inputs.css": ".zd-input {\n\tcolor: red;\n}\n",
	"src/people.css": ".zd-people {\n\tdisplay: grid;\n}\n",
	"src/fields.css": ".zd-fields {\n\tdisplay: grid;\n}\n",
};

describe("style sheets per on-demand part", () => {
	let dir;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), "zd-styles-"));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it("makes each sheet a minified file of its own, its @imports inlined, named by its contents", async () => {
		project(dir, PARTS);
		const { styles } = await build(dir);
		const sheets = Object.fromEntries(
			styles
				.sheets()
				.map(({ name, contents }) => [name.replace(/-[0-9A-F]{8}\.css$/, ""), new TextDecoder().decode(contents)]),
		);
		expect(Object.keys(sheets).sort()).toEqual(["controls", "fields", "people"]);
		expect(sheets.controls).toBe(".zd-input{color:red}.zd-actions{display:flex}\n");
		expect(sheets.people).toBe(".zd-people{display:grid}\n");
	});

	it("has each part's chunk await its sheets, in the order imported, and nothing else link them", async () => {
		project(dir, PARTS);
		const { styles, result, js } = await build(dir);
		expect(() => styles.check(result.metafile)).not.toThrow();
		const [controls, people, fields] = ["controls", "people", "fields"].map(
			sheet => styles.sheets().find(({ name }) => name.startsWith(`${sheet}-`))?.name,
		);
		expect(js["people.js"]).toMatch(new RegExp(`await \\w+\\(\\["${controls}","${people}"\\],import\\.meta\\.url\\)`));
		expect(js["fields.js"]).toMatch(new RegExp(`await \\w+\\(\\["${controls}","${fields}"\\],import\\.meta\\.url\\)`));
		expect(js["main.js"]).not.toContain(".css");
		// No CSS of esbuild's own: main.js would otherwise get every part's rules.
		expect(result.outputFiles.filter(file => file.path.endsWith(".css"))).toEqual([]);
	});

	it("fails the build when code that runs at open imports CSS", async () => {
		project(dir, { ...PARTS, "src/main.tsx": `import "./people.css";\n${PARTS["src/main.tsx"]}` });
		const { styles, result } = await build(dir);
		expect(() => styles.check(result.metafile)).toThrow(/only an on-demand part's own module imports CSS.*main\.js/);
	});

	it("fails the build when a module parts share imports CSS", async () => {
		project(dir, {
			...PARTS,
			"src/people.ts": 'import "./picker";\nexport const people = 1;\n',
			"src/fields.ts": 'import "./picker";\nexport const fields = 2;\n',
			"src/picker.ts": 'import "./people.css";\nexport const picker = 3;\n',
		});
		const { styles, result } = await build(dir);
		expect(() => styles.check(result.metafile)).toThrow(/picker\.ts \(styles\).*chunks\/chunk-/);
	});

	it("fails the build when a CSS import is written so that the loader would miss it", async () => {
		project(dir, {
			...PARTS,
			"src/people.ts": 'import "./controls.css";\nimport "./people.css"; // its own\nexport const people = 1;\n',
		});
		const { styles, result } = await build(dir);
		expect(() => styles.check(result.metafile)).toThrow(
			/people\.ts imports .*people\.css in a way .* on a line of its own/,
		);
	});
});
