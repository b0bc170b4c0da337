/**
 * Builds the Zendesk app package into dist/: manifest.json, translations/*.json and assets/
 * (iframe.html, main.js, main.css, logos, i18n/<locale>.json UI strings), nothing else. Source maps go to dist-maps/, outside
 * the package.
 *
 *   node build.mjs           minified production build
 *   node build.mjs --dev     unminified, NODE_ENV=development
 *   node build.mjs --watch   rebuild on change (esbuild.context), implies --dev unless --prod
 *   --outdir <dir>           build into <dir> (maps into <dir>-maps) instead of dist/: `npm run dev`
 *                            uses dist-dev/, so it never touches the dist/ that `npm start` serves
 *
 * Also importable: `buildApp({ outdir, mapsdir, dev })` (used by the budget test and the packager).
 */
import * as esbuild from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chunkStyles } from "./scripts/chunkStyles.mjs";
import { englishStringsPlugin, keysAtOpen } from "./scripts/englishStrings.mjs";
import { oneOpenChunkPlugin } from "./scripts/oneOpenChunk.mjs";
import { buildDirs, parseBuildArgs } from "./scripts/buildDirs.mjs";

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The size goal for the whole app's gzipped JS + CSS (issues #2 and #9; for scale, Zendesk's React
 * scaffold ships about 80 KB for a hello-world panel). NOT met with all four features: see
 * docs/performance.md for the per-feature split. Reported by the build and the bench, not enforced.
 */
export const TARGET_BYTES = 20 * 1024;

/**
 * The enforced ceiling for the whole app, every chunk included: the budget test and `npm run
 * package` fail above it. A regression guard set a little above the measured size of the full app
 * (67.4 KB on 2026-11-28; splitting the rarely used parts into chunks costs about 2 KB of gzip
 * across chunk boundaries), so a feature that adds weight has to say so here, in the same commit.
 * 2026-12-02: bulk updates of related tickets (issue 14) add about 6 KB, nearly all of it the
 * on-demand BulkPanel chunk, and read-only People/Fields views (issue 13) about 1 KB; the ceiling
 * moves from 68 to 78 KB (measured 77.4 KB). Later that day the People, Fields and Metadata editors
 * became chunks of their own, fetched on demand (issue 13): 11.7 KB less at panel open, but the
 * code those chunks share with the panel and with each other is split into more, smaller chunks
 * that compress less well, so the whole app grows by about 6 KB (measured 83.8 KB); ceiling 84 KB.
 * The drafts notice (storage refused), the bad-input messages and the history's names add about
 * 2.5 KB between them, and the English strings split between main.js and the on-demand parts
 * (scripts/englishStrings.mjs) 0.6 KB more across the split: 87.6 KB. The one people picker is a
 * chunk the People, Fields and follow-up chunks share; what it replaces leaves them, but the
 * shared chunk's boundaries compress less well: 89.0 KB in all. Then everything a panel runs at
 * open became one shared chunk (scripts/englishStrings.mjs: the on-demand parts reach the app's
 * root too), which compresses better than twelve small ones: 85.9 KB, ceiling 87 KB. Then each
 * on-demand part got its own style sheets (scripts/chunkStyles.mjs): eight small sheets compress
 * less well than one, and the parts link them (linkStyleSheet.ts): 87.7 KB, ceiling 88 KB.
 */
export const BUDGET_BYTES = 88 * 1024;

/**
 * The enforced ceiling for what a panel loads at open (main.js, the chunks it imports, main.css;
 * see `panelOpenFiles`): the follow-up feature and the audit list are code-split and fetched on
 * demand, so this is the number agents pay on every ticket (54.9 KB on 2026-11-28). A regression
 * guard a little above the measured size. 2026-12-02: 57.0 KB. The related-tickets section's glance
 * is 0.5 KB, but its English strings travel in the main bundle (as every feature's do) and code the
 * panel and the bulk chunk share moves into a chunk loaded at open; with the read-only People and
 * Fields views of closed and light-agent tickets, 58.0 KB, and the ceiling moves to 59 KB.
 * Issue 13 (36 KB at open) is where this comes down: with the editors on demand and the panel's
 * first screen a set of glances, 46.5 KB, and the ceiling moves to 47 KB. The drafts notice, the
 * bad-input messages and the history's names add 1.6 KB; the history's model and formatter move
 * into its chunk (TicketAudits), 1.9 KB less: 46.2 KB. With strings per chunk (main.js carries
 * only the English that panel-open code names, scripts/englishStrings.mjs) 41.5 KB, and with the
 * one people picker (the code it replaced left the panel) 40.9 KB. With everything a panel runs at
 * open in one shared chunk (three files at open instead of twelve), 38.0 KB; with the activity
 * normalizers (audits, uploads, jobs) fetched with the first write that needs them, and main.js
 * itself folded into that chunk's entry set (scripts/oneOpenChunk.mjs), 36.6 KB. With the rules
 * of the editors, the follow-up form, the history and related tickets in style sheets of their own
 * that load with them (scripts/chunkStyles.mjs), main.css holds only the first screen's: 35.3 KB,
 * and the ceiling is issue 13's 36 KB. Of it, Preact and Signals are 7.6 KB, the API client with
 * its normalizers and the ZAF port about 6 KB, the English strings of the first screen 2.6 KB
 * (docs/performance.md).
 */
export const PANEL_OPEN_BUDGET_BYTES = 36 * 1024;

function esbuildOptions({ outdir, dev, atOpen = null, styles = chunkStyles(ROOT, { minify: !dev }) }) {
	return {
		absWorkingDir: ROOT,
		entryPoints: [
			{ in: "src/main.tsx", out: "main" },
			{ in: "src/ui/main.css", out: "main" },
		],
		outdir: join(outdir, "assets"),
		bundle: true,
		// ES modules so that rarely used parts (follow-up form, audit history) are separate chunks,
		// fetched on first use (src/ui/lazyComponent.tsx).
		format: "esm",
		splitting: true,
		chunkNames: "chunks/[name]-[hash]",
		target: ["es2020", "chrome100", "firefox100", "safari15"],
		platform: "browser",
		minify: !dev,
		sourcemap: "external",
		legalComments: "none",
		// Each on-demand part awaits its style sheet at its top (scripts/chunkStyles.mjs). esbuild
		// refuses top-level await for an es2020 target, but every browser of `target` has it
		// (Chrome 89, Firefox 89, Safari 15).
		supported: { "top-level-await": true },
		write: false,
		metafile: true,
		define: { "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production") },
		// As tsconfig.json says; given here too because files a plugin loads do not get tsconfig's JSX.
		jsx: "automatic",
		jsxImportSource: "preact",
		// English: the strings code at panel open names in main.js, the rest with the on-demand parts.
		// What runs at open in one chunk (production builds; the first pass needs the plain graph).
		plugins: [
			...(atOpen === null ? [] : [oneOpenChunkPlugin(ROOT)]),
			// Also strips en.json's `app` section, which Zendesk reads from translations/ itself.
			englishStringsPlugin(ROOT, atOpen),
			// Each on-demand part's own style sheet, linked when the part loads.
			styles.plugin,
		],
		logLevel: "silent",
	};
}

/** Copies manifest.json, translations/*.json and assets/* (the package's static part) into outdir. */
function copyStatic(outdir) {
	mkdirSync(join(outdir, "assets"), { recursive: true });
	mkdirSync(join(outdir, "translations"), { recursive: true });
	cpSync(join(ROOT, "manifest.json"), join(outdir, "manifest.json"));
	for (const name of readdirSync(join(ROOT, "translations"))) {
		if (name.endsWith(".json")) cpSync(join(ROOT, "translations", name), join(outdir, "translations", name));
	}
	for (const name of readdirSync(join(ROOT, "assets"))) {
		cpSync(join(ROOT, "assets", name), join(outdir, "assets", name), { recursive: true });
	}
	// Non-English UI strings, fetched at runtime by src/platform/i18n/bundles.ts (English is in main.js).
	mkdirSync(join(outdir, "assets", "i18n"), { recursive: true });
	for (const name of readdirSync(join(ROOT, "translations"))) {
		if (!name.endsWith(".json") || name === "en.json") continue;
		const { app: _app, ...ui } = JSON.parse(readFileSync(join(ROOT, "translations", name), "utf8"));
		writeFileSync(join(outdir, "assets", "i18n", name), JSON.stringify(ui));
	}
}

/**
 * Writes esbuild's in-memory output: bundles into the package, .map files into mapsdir, and the
 * on-demand parts' style sheets (`styles`, scripts/chunkStyles.mjs) beside their chunks.
 */
function writeOutput(result, outdir, mapsdir, styles) {
	styles.check(result.metafile);
	const sheets = styles
		.sheets()
		.map(({ name, contents }) => ({ path: join(outdir, "assets", "chunks", name), contents }));
	const sizes = {};
	for (const file of [...sheets, ...result.outputFiles]) {
		const name = basename(file.path);
		if (name.endsWith(".map")) {
			mkdirSync(mapsdir, { recursive: true });
			writeFileSync(join(mapsdir, name), file.contents);
			continue;
		}
		mkdirSync(dirname(file.path), { recursive: true });
		writeFileSync(file.path, file.contents);
		sizes[relative(outdir, file.path)] = {
			raw: file.contents.length,
			gzip: gzipSync(file.contents, { level: 9 }).length,
		};
	}
	return sizes;
}

/**
 * Lists the chunks main.js imports statically (transitively) in dist/assets/iframe.html as
 * `<link rel="modulepreload">`, so the browser fetches them in parallel with main.js instead of
 * after it; main.js itself first, so the largest file is not queued behind the small ones (HTTP/1.1
 * allows six connections). Lazily imported chunks are not listed: they load when first used.
 */
function preloadStaticChunks(outdir, metafile) {
	const assets = join(outdir, "assets");
	const outputs = metafile.outputs;
	const main = Object.keys(outputs).find(path => outputs[path].entryPoint === "src/main.tsx");
	const seen = new Set();
	const visit = path => {
		for (const { path: imported, kind } of outputs[path]?.imports ?? []) {
			if (kind !== "import-statement" || seen.has(imported)) continue;
			seen.add(imported);
			visit(imported);
		}
	};
	if (main) visit(main);
	const chunks = [...seen].map(path => relative(assets, resolve(ROOT, path)).split("\\").join("/")).sort();
	const links = (chunks.length > 0 ? ["main.js", ...chunks] : [])
		.map(href => `\t\t<link rel="modulepreload" href="${href}" />\n`)
		.join("");
	const html = join(assets, "iframe.html");
	if (links === "" || !existsSync(html)) return;
	writeFileSync(html, readFileSync(html, "utf8").replace("\t</head>", `${links}\t</head>`));
}

/**
 * The package files a panel loads before it can show anything: the local scripts, module
 * preloads and style sheets that `assets/iframe.html` names (paths below `outdir`, e.g.
 * `assets/main.js`). Everything else under assets/ is fetched on demand or not at all.
 */
export function panelOpenFiles(outdir) {
	const html = join(outdir, "assets", "iframe.html");
	if (!existsSync(html)) return [];
	const refs = [...readFileSync(html, "utf8").matchAll(/\s(?:src|href)="([^"]+)"/g)].map(match => match[1]);
	const local = refs.filter(ref => !/^[a-z]+:|^\/\//i.test(ref) && /\.(m?js|css)$/.test(ref));
	return [...new Set(local)].map(ref => `assets/${ref}`);
}

/**
 * Formats the size report printed after each build: every JS and CSS file, what a panel loads at
 * open (`panelOpen`, from `panelOpenFiles`) and what only loads on demand.
 */
export function sizeReport(sizes, panelOpen = Object.keys(sizes)) {
	const sum = names => names.reduce((total, name) => total + (sizes[name]?.gzip ?? 0), 0);
	const total = sum(Object.keys(sizes));
	const atOpen = sum(Object.keys(sizes).filter(name => panelOpen.includes(name)));
	const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
	const lines = Object.entries(sizes).map(
		([name, s]) =>
			`  ${name.padEnd(40)} ${kb(s.raw).padStart(9)}  ${kb(s.gzip).padStart(8)} gzip  ${panelOpen.includes(name) ? "panel open" : "on demand"}`,
	);
	const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
	const openVerdict = atOpen <= PANEL_OPEN_BUDGET_BYTES ? "within" : "OVER";
	const goal = total <= TARGET_BYTES ? "meets" : "misses";
	lines.push(
		`  JS+CSS gzip: ${kb(atOpen)} at panel open (${openVerdict} its ${kb(PANEL_OPEN_BUDGET_BYTES)} budget), ` +
			`${kb(total - atOpen)} on demand, ${kb(total)} in all (${verdict} the ${kb(BUDGET_BYTES)} budget; ${goal} the ${kb(TARGET_BYTES)} goal)`,
	);
	return {
		text: lines.join("\n"),
		total,
		atOpen,
		withinBudget: total <= BUDGET_BYTES && atOpen <= PANEL_OPEN_BUDGET_BYTES,
	};
}

/**
 * One full build into `outdir` (emptied first). Resolves with gzipped sizes of the bundles; rejects
 * with esbuild's errors. Does not enforce the budget (the budget test and `npm run package` do).
 */
export async function buildApp({ outdir = join(ROOT, "dist"), mapsdir = join(ROOT, "dist-maps"), dev = false } = {}) {
	rmSync(outdir, { recursive: true, force: true });
	rmSync(mapsdir, { recursive: true, force: true });
	copyStatic(outdir);
	// Two passes: the first tells which modules run at panel open, hence which strings they name.
	const first = await esbuild.build({ ...esbuildOptions({ outdir, dev }), sourcemap: false, minify: false });
	const styles = chunkStyles(ROOT, { minify: !dev });
	const result = await esbuild.build(esbuildOptions({ outdir, dev, atOpen: keysAtOpen(ROOT, first.metafile), styles }));
	const sizes = writeOutput(result, outdir, mapsdir, styles);
	preloadStaticChunks(outdir, result.metafile);
	return { sizes, metafile: result.metafile };
}

async function watchApp({ outdir, mapsdir, dev }) {
	rmSync(outdir, { recursive: true, force: true });
	copyStatic(outdir);
	let lastMetafile;
	const styles = chunkStyles(ROOT, { minify: !dev });
	const report = {
		name: "report",
		setup(build) {
			build.onEnd(result => {
				if (result.errors.length > 0) {
					console.error(esbuild.formatMessagesSync(result.errors, { kind: "error" }).join("\n"));
					return;
				}
				let sizes;
				try {
					sizes = writeOutput(result, outdir, mapsdir, styles);
				} catch (error) {
					console.error(`[build] ${error.message}`);
					return;
				}
				lastMetafile = result.metafile;
				copyStatic(outdir);
				preloadStaticChunks(outdir, lastMetafile);
				console.log(
					`[build] ${new Date().toLocaleTimeString()} rebuilt\n${sizeReport(sizes, panelOpenFiles(outdir)).text}`,
				);
			});
		},
	};
	const options = esbuildOptions({ outdir, dev, styles });
	const ctx = await esbuild.context({ ...options, plugins: [...options.plugins, report] });
	await ctx.watch();
	// manifest.json and assets/ are not imported by the bundle: copy them again when they change.
	for (const target of ["manifest.json", "assets", "translations"]) {
		watch(join(ROOT, target), () => {
			try {
				copyStatic(outdir);
				if (lastMetafile) preloadStaticChunks(outdir, lastMetafile);
			} catch (error) {
				console.error(`[build] copying ${target} failed: ${error.message}`);
			}
		});
	}
	console.log(`[build] watching src/, manifest.json, assets/ and translations/ → ${relative(ROOT, outdir)}/`);
}

async function main(argv) {
	let flags, outdir, mapsdir;
	try {
		const args = parseBuildArgs(argv);
		flags = args.flags;
		({ outdir, mapsdir } = buildDirs(ROOT, args.outdir));
	} catch (error) {
		console.error(`[build] ${error.message}`);
		process.exit(2);
	}
	const dev = flags.has("--dev") || (flags.has("--watch") && !flags.has("--prod"));
	if (!existsSync(join(ROOT, "manifest.json"))) throw new Error("manifest.json is missing");
	if (flags.has("--watch")) return watchApp({ outdir, mapsdir, dev });
	try {
		const { sizes } = await buildApp({ outdir, mapsdir, dev });
		console.log(
			`[build] ${relative(ROOT, outdir)}/ ${dev ? "(dev)" : "(production)"}\n${sizeReport(sizes, panelOpenFiles(outdir)).text}`,
		);
	} catch (error) {
		if (error.errors) console.error(esbuild.formatMessagesSync(error.errors, { kind: "error" }).join("\n"));
		else console.error(error);
		process.exit(1);
	}
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
