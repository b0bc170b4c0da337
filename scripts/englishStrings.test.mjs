import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, panelOpenFiles } from "../build.mjs";
import { englishUiStrings, keysNamedBy, leafKeys, panelOpenInputs } from "./englishStrings.mjs";

const ROOT = join(import.meta.dirname, "..");

describe("which strings a module names", () => {
	const keys = [
		"people.ccs.title",
		"people.ccs.empty",
		"fields.locked.closed",
		"fields.locked.lightAgent",
		"glance.more",
	];

	it("finds keys written out in any quotes, and every key a template starts", () => {
		const source =
			"const a = t(\"people.ccs.title\"); const b = t(`fields.locked.${reason}`); const c = { code: 'glance.more' };";
		expect([...keysNamedBy(source, keys)].sort()).toEqual([
			"fields.locked.closed",
			"fields.locked.lightAgent",
			"glance.more",
			"people.ccs.title",
		]);
	});

	it("does not take a longer key, or a key inside other text, for the one it contains", () => {
		expect([...keysNamedBy('t("people.ccs.titles"); // people.ccs.empty', keys)]).toEqual([]);
	});

	it("counts a plural object and ZAF's {title, value} as one string each", () => {
		expect(leafKeys({ a: { one: "1 x", other: "{{count}} x" }, b: { c: "y", d: { title: "t", value: "v" } } })).toEqual(
			["a", "b.c", "b.d"],
		);
	});
});

describe("the built panel's English strings", () => {
	let dir;
	let built;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), "zd-strings-"));
		built = await buildApp({ outdir: join(dir, "dist"), mapsdir: join(dir, "maps") });
	}, 60_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const read = files => files.map(file => readFileSync(join(dir, "dist", file), "utf8")).join("\n");
	const allScripts = () => readdirSync(join(dir, "dist", "assets", "chunks")).map(name => `assets/chunks/${name}`);

	it("ships at open every string the panel-open code names, and an editor's strings only with the editor", () => {
		const atOpen = read(panelOpenFiles(join(dir, "dist")).filter(file => file.endsWith(".js")));
		const ui = englishUiStrings(ROOT);
		// Named at open: the glances' and the shell's.
		expect(atOpen).toContain(JSON.stringify(ui.glance.people.edit).slice(1, -1));
		expect(atOpen).toContain(JSON.stringify(ui.shell.locked.closed).slice(1, -1));
		// Named by the People editor only: in a chunk, not at open.
		const onlyEditor = ui.people.summary.addNewNamedCc;
		expect(atOpen).not.toContain(onlyEditor);
		expect(read(allScripts())).toContain(onlyEditor);
	});

	it("has every on-demand part import the rest of the English first", () => {
		const outputs = built.metafile.outputs;
		const open = new Set(panelOpenInputs(built.metafile));
		const laterOutput = Object.keys(outputs).find(path =>
			Object.keys(outputs[path].inputs).some(input => input.endsWith("en.json#later")),
		);
		expect(laterOutput).toBeDefined();
		const reaches = (path, seen = new Set()) => {
			if (path === laterOutput) return true;
			if (seen.has(path)) return false;
			seen.add(path);
			return outputs[path].imports.some(i => i.kind === "import-statement" && reaches(i.path, seen));
		};
		// The panel's on-demand parts (the feature chunks); the API's activity normalizers show no text.
		const lazy = Object.values(outputs)
			.flatMap(output => output.imports.filter(i => i.kind === "dynamic-import").map(i => i.path))
			.filter(path => outputs[path].entryPoint?.startsWith("src/features/"));
		expect(lazy.length).toBeGreaterThanOrEqual(6);
		for (const path of lazy) expect(reaches(path), `${path} loads without the later strings`).toBe(true);
		expect([...open].some(input => input.endsWith("laterStrings.ts"))).toBe(false);
	});
});
