/**
 * Style sheets per on-demand part, for build.mjs. A module fetched with `import()` (an editor, the
 * follow-up form, the history, related tickets) imports the style sheets it needs (`import
 * "../../ui/controls.css"; import "./people.css";`). esbuild alone would add every such sheet to
 * main.js's CSS as well (it gives an entry the CSS of what it imports dynamically too) and would
 * load none of them.
 *
 * This plugin takes those imports over. Each sheet is bundled and minified on its own into
 * `assets/chunks/<name>-<hash>.css`, and a part's CSS imports become one module in the part's
 * chunk that awaits `linkStyleSheets` (src/platform/styles/linkStyleSheet.ts) at its top: the
 * sheets load in parallel, in the order imported, each once per page, and the part's `import()`
 * resolves once they apply. main.css, the first screen's rules, is an entry of its own that
 * iframe.html links; this plugin leaves it alone.
 *
 * `check(metafile)` fails the build when a part's styles module lands anywhere but in that part's
 * own chunk: imported by code that runs at open (its rules belong in main.css), or by a module
 * parts share (a sheet that failed could not then be fetched again by the part's "Try again").
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import * as esbuild from "esbuild";

const NAMESPACE = "chunk-styles";
const CSS_IMPORT = /^import "([^"]+\.css)";$/gm;
/** The path of a module's styles: the module's and this. */
const STYLES = " (styles)";

/** The file name of a sheet: its source's base name and a hash of its contents. */
function sheetName(path, contents) {
	const hash = createHash("sha256").update(contents).digest("hex").slice(0, 8).toUpperCase();
	return `${basename(path, ".css")}-${hash}.css`;
}

/**
 * The esbuild `plugin`, and what the build it ran in made of the sheets; `root` is the build's
 * working directory.
 */
export function chunkStyles(root, { minify }) {
	const helper = join(root, "src", "platform", "styles", "linkStyleSheet.ts");
	let sheets = new Map();
	/** Per importing module: the sheets esbuild resolved for it, and those its styles module links. */
	let imported = new Map();
	let linked = new Map();

	/** Bundles the sheet at `file` (once per build); its name and the files it read. */
	async function sheet(file) {
		const known = sheets.get(file);
		if (known !== undefined) return known;
		const bundled = await esbuild.build({
			absWorkingDir: root,
			entryPoints: [file],
			bundle: true,
			minify,
			write: false,
			metafile: true,
			logLevel: "silent",
		});
		const contents = bundled.outputFiles[0].contents;
		const made = { name: sheetName(file, contents), contents, inputs: Object.keys(bundled.metafile.inputs) };
		sheets.set(file, made);
		return made;
	}

	function setup(build) {
		build.onStart(() => {
			sheets = new Map();
			imported = new Map();
			linked = new Map();
		});
		// Every CSS import of a module resolves to one module: that module's styles.
		build.onResolve({ filter: /\.css$/ }, args => {
			if (!/\.tsx?$/.test(args.importer)) return undefined;
			if (!imported.has(args.importer)) imported.set(args.importer, new Set());
			imported.get(args.importer).add(join(args.resolveDir, args.path));
			return { path: `${args.importer}${STYLES}`, namespace: NAMESPACE };
		});
		build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async args => {
			const importer = args.path.slice(0, -STYLES.length);
			const source = readFileSync(importer, "utf8");
			const files = [...source.matchAll(CSS_IMPORT)].map(match => join(dirname(importer), match[1]));
			linked.set(importer, new Set(files));
			const made = await Promise.all(files.map(sheet));
			const names = JSON.stringify(made.map(({ name }) => name));
			return {
				contents: `import { linkStyleSheets } from ${JSON.stringify(helper)};\nawait linkStyleSheets(${names}, import.meta.url);\n`,
				loader: "js",
				resolveDir: root,
				watchFiles: [importer, ...made.flatMap(({ inputs }) => inputs.map(input => join(root, input)))],
			};
		});
	}

	return {
		plugin: { name: "chunk-styles", setup },
		/** The sheets of the last build, as `{ name, contents }` (to write into assets/chunks/). */
		sheets: () => [...sheets.values()].map(({ name, contents }) => ({ name, contents })),
		/**
		 * Throws when a module's styles are outside the chunk of the on-demand part it belongs to, or
		 * when a CSS import was not written as `import "./x.css";` on a line of its own (the styles
		 * module reads the importer's source to link its sheets in order, and would miss it).
		 */
		check(metafile) {
			for (const [importer, sheetsOf] of imported) {
				const missed = [...sheetsOf].filter(file => !linked.get(importer)?.has(file));
				if (missed.length > 0) {
					throw new Error(
						`${importer} imports ${missed.join(", ")} in a way the style sheets' loader does not read: ` +
							'write it as import "./name.css"; on a line of its own',
					);
				}
			}
			for (const [path, output] of Object.entries(metafile.outputs)) {
				const styles = Object.keys(output.inputs).filter(input => input.startsWith(`${NAMESPACE}:`));
				const own = output.entryPoint !== undefined && output.entryPoint !== "src/main.tsx";
				const strays = styles.filter(
					input => !own || !input.split("\\").join("/").endsWith(`/${output.entryPoint}${STYLES}`),
				);
				if (strays.length === 0) continue;
				throw new Error(
					`${strays.join(", ")}: only an on-demand part's own module imports CSS (they landed in ${path}). ` +
						"Rules for the first screen go in src/ui/main.css; a sheet parts share, each part imports.",
				);
			}
		},
	};
}
