/**
 * Validates a built app directory (dist/) the way Zendesk's validator would, offline. Returns
 * `{ errors, warnings, files }`; each problem is `{ file, key, message }` in plain words. Only what
 * Zendesk rejects is an error; our own conventions (semver, stray files, http:// strings) are
 * warnings. Never throws for a broken package (only for an unreadable directory).
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { forbiddenType, pngSize } from "./files.mjs";
import { parseJsonStrict } from "./json.mjs";
import { checkManifest } from "./manifest.mjs";
import { checkTranslation } from "./translations.mjs";

/** Logo files and the exact sizes Zendesk's docs and scaffolds use. */
export const LOGOS = { "assets/logo.png": 320, "assets/logo-small.png": 128 };

/** Secret-looking strings (a small subset of validations/secrets.rb). */
const SECRETS = [
	[/AKIA[0-9A-Z]{16}/, "an AWS access key"],
	[/-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----/, "a private key"],
	[/xox[abpr]-[0-9A-Za-z-]{10,}/, "a Slack token"],
	[/gh[pousr]_[0-9A-Za-z]{36}/, "a GitHub token"],
];

/** Lists files (relative, with `/`) and symlinks under `dir`, without following links. */
function walk(dir, prefix = "") {
	const files = [];
	const links = [];
	for (const name of readdirSync(join(dir, prefix)).sort()) {
		const rel = prefix ? `${prefix}/${name}` : name;
		const stat = lstatSync(join(dir, rel));
		if (stat.isSymbolicLink()) links.push(rel);
		else if (stat.isDirectory()) {
			const inner = walk(dir, rel);
			files.push(...inner.files);
			links.push(...inner.links);
		} else files.push(rel);
	}
	return { files, links };
}

/** Validates the package in `dir`. */
export function validatePackage(dir) {
	const errors = [];
	const warnings = [];
	const { files, links } = walk(dir);
	const has = new Set(files);
	const read = rel => readFileSync(join(dir, rel));
	const error = (file, key, message) => errors.push({ file, key, message });
	const warn = (file, key, message) => warnings.push({ file, key, message });

	for (const link of links) error(link, "", "is a symbolic link; Zendesk rejects packages with symlinks");

	let manifest;
	if (!has.has("manifest.json")) {
		const nested = files.find(f => f.endsWith("/manifest.json"));
		error(
			"manifest.json",
			"",
			nested ? `must be at the root of the package, but ${nested} was found (nested_manifest)` : "is missing",
		);
	} else {
		manifest = readJson("manifest.json", read, error);
		if (manifest !== undefined) {
			checkManifest(manifest, {
				error: (key, message) => error("manifest.json", key, message),
				warn: (key, message) => warn("manifest.json", key, message),
				fileExists: rel => has.has(rel),
			});
		}
	}

	for (const file of files.filter(f => f.startsWith("translations/"))) {
		const data = readJson(file, read, error);
		if (data !== undefined) checkTranslation(file, data, manifest, { error });
	}

	for (const [logo, size] of Object.entries(LOGOS)) {
		if (!has.has(logo)) {
			error(logo, "", `is missing (a ${size}×${size} PNG)`);
			continue;
		}
		const dims = pngSize(read(logo));
		if (!dims) error(logo, "", "is not a PNG file");
		else if (dims.width !== size || dims.height !== size)
			error(logo, "", `is ${dims.width}×${dims.height}, must be ${size}×${size}`);
	}

	for (const file of files) {
		const bytes = read(file);
		const forbidden = forbiddenType(file, bytes);
		if (forbidden)
			error(file, "", `is a ${forbidden}; Zendesk refuses this file type (unsupported_mime_type_detected)`);
		if (!/^(manifest\.json|translations\/|assets\/)/.test(file))
			warn(file, "", "is not part of a Zendesk app package (only manifest.json, translations/ and assets/)");
		if (/\.(js|html?|css)$/.test(file)) scanText(file, bytes.toString("utf8"), warn);
	}
	return { errors, warnings, files };
}

function readJson(file, read, error) {
	const { value, duplicates, error: parseError } = parseJsonStrict(read(file).toString("utf8"));
	if (parseError) {
		error(file, "", `is not valid JSON: ${parseError}`);
		return undefined;
	}
	for (const key of duplicates) error(file, key, "appears twice (duplicate JSON key)");
	return value;
}

/** Warnings the validator gives for script and page content. */
function scanText(file, text, warn) {
	// XML namespace URIs (http://www.w3.org/...) are identifiers, not requests.
	const insecure = [...text.matchAll(/http:\/\/(?!www\.w3\.org\/|localhost[:/])[^\s"'`<>)]+/g)].map(m => m[0]);
	if (insecure.length > 0)
		warn(file, "", `contains insecure http:// URLs: ${[...new Set(insecure)].slice(0, 3).join(", ")}`);
	for (const [re, what] of SECRETS) if (re.test(text)) warn(file, "", `contains what looks like ${what}`);
}

/** Formats problems for the console: `error manifest.json › frameworkVersion: must be "2.0"…`. */
export function formatProblem(level, { file, key, message }) {
	return `${level.padEnd(7)} ${file}${key ? ` › ${key}` : ""}: ${message}`;
}
