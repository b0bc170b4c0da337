/**
 * Bundle sizes for the benchmark: every JS and CSS file under `dist/assets/` (gzip level 9, as
 * build.mjs measures), their total against the budget, and an approximate split of the JS by
 * feature from esbuild's metafile. Reads files; builds nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** One shipped file. */
export interface FileSize {
	/** Path below `dist/`, e.g. `assets/main.js`. */
	file: string;
	raw: number;
	gzip: number;
}

/** A feature's share of the JS (minified bytes from the metafile, gzip estimated pro rata). */
export interface FeatureShare {
	feature: string;
	minified: number;
	/** Estimated: the output's gzip size times this feature's share of its minified bytes. */
	gzipEstimate: number;
}

/** esbuild's metafile, reduced to what the breakdown reads. */
export interface Metafile {
	outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Which feature an input module belongs to (first match wins; the rest is the shell). */
export const FEATURE_RULES: ReadonlyArray<[feature: string, pattern: RegExp]> = [
	["framework (preact, signals)", /node_modules\/(preact|@preact)\//],
	["English UI strings", /^translations\//],
	["follow-up", /features\/followUp\/|jobPolling|idempotencyKey/],
	["people", /features\/people\/|peopleTypes|PeoplePicker|createPeopleSearch/],
	["fields", /features\/fields\/|customFields|fieldCoercion|FieldDefinitions/],
	["metadata + audit history", /features\/(metadata|history)\/|ticket\/metadata\/|auditTypes|normalizeActivity/],
];

/** The JS and CSS files under `<dist>/assets` (recursively), largest first. */
export function measureAssets(distDir: string): FileSize[] {
	const assets = join(distDir, "assets");
	const out: FileSize[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(m?js|css)$/.test(name)) {
				const bytes = readFileSync(path);
				out.push({ file: relative(distDir, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
			}
		}
	};
	walk(assets);
	return out.sort((a, b) => b.gzip - a.gzip);
}

/** The sum of the gzipped sizes. */
export function totalGzip(files: readonly FileSize[]): number {
	return files.reduce((sum, f) => sum + f.gzip, 0);
}

/** Names the feature of one input path of the metafile. */
export function featureOf(input: string): string {
	for (const [feature, pattern] of FEATURE_RULES) if (pattern.test(input)) return feature;
	return "shell, API client, shared";
}

/**
 * Splits every JS output of the metafile by feature. The gzip column is an estimate (gzip does
 * not add up per module); the minified bytes are exact.
 */
export function featureBreakdown(metafile: Metafile, files: readonly FileSize[]): FeatureShare[] {
	const byFeature = new Map<string, { minified: number; gzip: number }>();
	for (const [outPath, output] of Object.entries(metafile.outputs)) {
		if (!/\.m?js$/.test(outPath)) continue;
		const file = files.find(f => outPath.endsWith(f.file));
		const inputs = Object.entries(output.inputs);
		const outBytes = inputs.reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
		for (const [input, { bytesInOutput }] of inputs) {
			const entry = byFeature.get(featureOf(input)) ?? { minified: 0, gzip: 0 };
			entry.minified += bytesInOutput;
			if (file && outBytes > 0) entry.gzip += (file.gzip * bytesInOutput) / outBytes;
			byFeature.set(featureOf(input), entry);
		}
	}
	return [...byFeature.entries()]
		.map(([feature, v]) => ({ feature, minified: v.minified, gzipEstimate: Math.round(v.gzip) }))
		.sort((a, b) => b.minified - a.minified);
}
