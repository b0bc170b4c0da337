/**
 * Strings per chunk, for build.mjs. The panel imports the English UI strings twice:
 * `src/platform/i18n/bundles.ts` (in main.js) and `src/platform/i18n/laterStrings.ts` (imported by
 * every on-demand part: the editors, the follow-up form, the related tickets, the history). This
 * plugin hands the first only the strings that code loaded at panel open names, and the second
 * the rest, which the panel merges in when the first on-demand part arrives. Which strings the
 * panel-open code names is read from the modules themselves (`keysNamedBy`): a key written out
 * (`"people.ccs.title"`) or the start of one in a template (`` `fields.locked.${reason}` ``). A
 * key named in a module keeps its string at open even when only an on-demand path calls it, so the
 * split errs towards main.js, never towards a missing string. Without a build (vitest, tsx), both
 * imports are simply the whole file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The file of the English strings, and the module that imports the later part. */
const EN_FILE = /[\\/]translations[\\/]en\.json$/;
const LATER_IMPORTER = /[\\/]src[\\/]platform[\\/]i18n[\\/]laterStrings\.ts$/;

const PLURAL = new Set(["zero", "one", "two", "few", "many", "other"]);

/** A leaf of a bundle: a string, a plural object (`{one, other}`) or ZAF's `{title, value}`. */
function isLeaf(node) {
	if (typeof node !== "object" || node === null) return true;
	const keys = Object.keys(node);
	if ("other" in node && keys.every(key => PLURAL.has(key))) return true;
	return "value" in node && keys.every(key => key === "value" || key === "title");
}

/** Every leaf key of `bundle` (`a.b.c`), in file order. */
export function leafKeys(bundle, prefix = "") {
	return Object.entries(bundle).flatMap(([key, node]) =>
		isLeaf(node) ? [`${prefix}${key}`] : leafKeys(node, `${prefix}${key}.`),
	);
}

/** The leaf keys of `keys` that `source` (a module's text) names, written out or as a template's start. */
export function keysNamedBy(source, keys) {
	const named = new Set();
	const prefixes = [...source.matchAll(/[`"']([A-Za-z]\w*(?:\.\w+)*\.)\$\{/g)].map(match => match[1]);
	for (const key of keys) {
		if (
			source.includes(`"${key}"`) ||
			source.includes(`'${key}'`) ||
			source.includes(`\`${key}\``) ||
			prefixes.some(prefix => key.startsWith(prefix))
		)
			named.add(key);
	}
	return named;
}

/** `bundle` with only the leaves `keep` says yes to (empty objects left out). */
function pick(bundle, keep, prefix = "") {
	const out = {};
	for (const [key, node] of Object.entries(bundle)) {
		const path = `${prefix}${key}`;
		if (isLeaf(node)) {
			if (keep(path)) out[key] = node;
			continue;
		}
		const inner = pick(node, keep, `${path}.`);
		if (Object.keys(inner).length > 0) out[key] = inner;
	}
	return out;
}

/** The UI strings of translations/en.json (its `app` section is Zendesk's, not the bundle's). */
export function englishUiStrings(root) {
	const { app: _app, ...ui } = JSON.parse(readFileSync(join(root, "translations", "en.json"), "utf8"));
	return ui;
}

/** The source modules (`src/...`) in the outputs main.js loads statically (what runs at panel open). */
export function panelOpenInputs(metafile) {
	const outputs = metafile.outputs;
	const main = Object.keys(outputs).find(path => outputs[path].entryPoint === "src/main.tsx");
	const open = new Set(main ? [main] : []);
	for (const path of open) {
		for (const { path: imported, kind } of outputs[path].imports) if (kind === "import-statement") open.add(imported);
	}
	return [...open].flatMap(path => Object.keys(outputs[path].inputs)).filter(input => input.startsWith("src/"));
}

/** The leaf keys that the panel-open modules of `metafile` name. */
export function keysAtOpen(root, metafile) {
	const keys = leafKeys(englishUiStrings(root));
	const named = new Set();
	for (const input of panelOpenInputs(metafile)) {
		for (const key of keysNamedBy(readFileSync(join(root, input), "utf8"), keys)) named.add(key);
	}
	return named;
}

/**
 * esbuild plugin: translations/en.json without its `app` section; split by `atOpen` (a set of leaf
 * keys) between the import of laterStrings.ts (the rest) and every other import (`atOpen`). With
 * `atOpen` null, every import gets every string (the first pass, and watch builds).
 */
export function englishStringsPlugin(root, atOpen) {
	return {
		name: "english-strings",
		setup(build) {
			// One module per part (the path tells them apart), so the two imports are never merged.
			build.onResolve({ filter: EN_FILE }, args => ({
				path: `${join(args.resolveDir, args.path)}#${LATER_IMPORTER.test(args.importer) ? "later" : "open"}`,
				namespace: "english-strings",
			}));
			build.onLoad({ filter: /.*/, namespace: "english-strings" }, args => {
				const ui = englishUiStrings(root);
				const later = args.path.endsWith("#later");
				const part = atOpen === null ? (later ? {} : ui) : pick(ui, key => atOpen.has(key) !== later);
				return { contents: JSON.stringify(part), loader: "json" };
			});
		},
	};
}
