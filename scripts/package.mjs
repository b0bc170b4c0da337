/**
 * `npm run package`: validates dist/ against Zendesk's validator rules (offline; zcli's own
 * package/validate commands need an account), checks the size budget, then writes
 * tmp/<app-name>-<version>.zip with manifest.json at the zip root, ready to upload.
 *
 *   node scripts/package.mjs [dir=dist] [--out tmp]
 *
 * Exit codes: 0 packaged (warnings allowed), 1 validation errors or over budget, 2 bad usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { BUDGET_BYTES } from "../build.mjs";
import { formatProblem, validatePackage } from "./validate/validatePackage.mjs";
import { createZip } from "./zip.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Gzipped size of the package's JS and CSS (what an agent downloads for the app itself). */
export function bundleBytes(dir, files) {
	return files
		.filter(f => /^assets\/.*\.(js|css)$/.test(f))
		.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

/** The zip's file name: `ticket-toolkit-1.0.0.zip` from the manifest's name and version. */
export function zipName(manifest) {
	const slug = String(manifest?.name ?? "app")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-|-$/g, "");
	return `${slug || "app"}-${manifest?.version ?? "0.0.0"}.zip`;
}

/**
 * Validates and zips `dir`. Resolves `{ ok, errors, warnings, zipPath?, bytes }`; prints through
 * `log`. Does not build (npm run package builds first).
 */
export function packageApp({
	dir = join(ROOT, "dist"),
	out = join(ROOT, "tmp"),
	budget = BUDGET_BYTES,
	log = console.log,
} = {}) {
	const { errors, warnings, files } = validatePackage(dir);
	for (const w of warnings) log(formatProblem("warning", w));
	for (const e of errors) log(formatProblem("error", e));
	const bytes = bundleBytes(dir, files);
	const overBudget = bytes > budget;
	log(
		`${overBudget ? "error  " : "size   "} assets JS+CSS: ${(bytes / 1024).toFixed(1)} KB gzipped (budget ${(budget / 1024).toFixed(0)} KB)`,
	);
	if (errors.length > 0 || overBudget) {
		log(
			`\nNot packaged: ${errors.length} error(s)${overBudget ? " and over the size budget" : ""}. Fix them and run again.`,
		);
		return { ok: false, errors, warnings, bytes };
	}
	const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
	const zip = createZip(files.map(name => ({ name, data: readFileSync(join(dir, name)) })));
	mkdirSync(out, { recursive: true });
	const zipPath = join(out, zipName(manifest));
	writeFileSync(zipPath, zip);
	log(
		`\nPackaged ${files.length} files → ${relative(process.cwd(), zipPath)} (${(zip.length / 1024).toFixed(1)} KB). Upload it in Admin Center or with zcli apps:create / apps:update.`,
	);
	return { ok: true, errors, warnings, bytes, zipPath };
}

function main(argv) {
	const args = [...argv];
	let out = join(ROOT, "tmp");
	const outAt = args.indexOf("--out");
	if (outAt >= 0) {
		out = resolve(args[outAt + 1] ?? "");
		args.splice(outAt, 2);
	}
	if (args.some(a => a.startsWith("--")) || args.length > 1) {
		console.error("usage: node scripts/package.mjs [dir=dist] [--out tmp]");
		process.exit(2);
	}
	const dir = resolve(args[0] ?? join(ROOT, "dist"));
	const { ok } = packageApp({ dir, out });
	process.exit(ok ? 0 : 1);
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
