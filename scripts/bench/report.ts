/**
 * The benchmark's result shape, statistics and the human-readable report. Pure: no I/O.
 */
import type { FeatureShare, FileSize } from "./sizes";
import type { PanelTimings } from "./timing";

/** Median, min and max of some samples (ms); nulls (never reached) are left out and counted. */
export interface Stat {
	median: number | null;
	min: number | null;
	max: number | null;
	samples: number[];
	/** Runs in which the mark was never reached. */
	missing: number;
}

/** The app's requests for one measured moment. */
export interface RequestCount {
	count: number;
	byMethod: Record<string, number>;
	requests: string[];
}

/** One feature action's requests. */
export interface ActionCount extends RequestCount {
	key: string;
	label: string;
}

/** Everything `npm run bench -- --json` prints. */
export interface BenchResult {
	runs: number;
	environment: { node: string; browser: string; cpus: number; thirdPartyStorage: "allowed" | "blocked" };
	sizes: {
		files: FileSize[];
		/** Other shipped assets the app may fetch (e.g. non-English UI strings), not in the budget. */
		otherAssets: FileSize[];
		totalGzip: number;
		/** The files a panel loads at open (iframe.html's scripts, module preloads and styles); the rest loads on demand. */
		panelOpen: string[];
		panelOpenGzip: number;
		panelOpenBudget: number;
		budget: number;
		withinBudget: boolean;
		/** The size goal (20 KB), reported but not enforced. */
		target: number;
		features: FeatureShare[];
	};
	requests: {
		/** First ticket in a fresh browser session (nothing cached). */
		panelOpenCold: RequestCount;
		/** The next ticket in the same session (definitions cached). */
		panelOpenWarm: RequestCount;
		/** First ticket in a fresh session when the ticket has no form (every field and form is read). */
		panelOpenColdNoForm: RequestCount;
		/** The next ticket when the browser blocks the iframe's storage (caches live per iframe only). */
		panelOpenWarmStorageBlocked: RequestCount | null;
		actions: ActionCount[];
	};
	timings: {
		/** First ticket in a fresh browser session. */
		cold: Record<keyof PanelTimings, Stat>;
		/** Next ticket, same session (in-page navigation, new iframe). */
		warm: Record<keyof PanelTimings, Stat>;
	};
}

/** Median (mean of the middle two for an even count) and range of the non-null samples. */
export function stat(values: ReadonlyArray<number | null>): Stat {
	const samples = values.filter((v): v is number => v !== null).map(v => Math.round(v * 10) / 10);
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median =
		sorted.length === 0
			? null
			: sorted.length % 2 === 1
				? (sorted[mid] ?? null)
				: ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
	return {
		median,
		min: sorted[0] ?? null,
		max: sorted[sorted.length - 1] ?? null,
		samples,
		missing: values.length - samples.length,
	};
}

/** Per-mark statistics over several panel loads. */
export function timingStats(loads: readonly PanelTimings[]): Record<keyof PanelTimings, Stat> {
	return {
		scriptLoaded: stat(loads.map(l => l.scriptLoaded)),
		appStart: stat(loads.map(l => l.appStart)),
		shell: stat(loads.map(l => l.shell)),
		firstRender: stat(loads.map(l => l.firstRender)),
		interactive: stat(loads.map(l => l.interactive)),
	};
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value)} ms`);

function methods(count: RequestCount): string {
	const parts = Object.entries(count.byMethod).map(([method, n]) => `${n} ${method}`);
	return parts.length > 0 ? parts.join(" + ") : "none";
}

/** The text report `npm run bench` prints. */
export function formatReport(result: BenchResult): string {
	const { sizes, requests, timings } = result;
	const lines: string[] = [];
	lines.push("Bundle (dist/assets, gzip -9)");
	for (const file of sizes.files) {
		const when = sizes.panelOpen.includes(file.file) ? "panel open" : "on demand";
		lines.push(`  ${file.file.padEnd(40)} ${kb(file.raw).padStart(9)}  ${kb(file.gzip).padStart(8)} gzip  ${when}`);
	}
	lines.push(
		`  ${"JS+CSS at panel open".padEnd(40)} ${"".padStart(9)}  ${kb(sizes.panelOpenGzip).padStart(8)} gzip  ` +
			`(${sizes.panelOpenGzip <= sizes.panelOpenBudget ? "within" : "OVER"} its ${kb(sizes.panelOpenBudget)} budget)`,
	);
	lines.push(
		`  ${"JS+CSS in all".padEnd(40)} ${"".padStart(9)}  ${kb(sizes.totalGzip).padStart(8)} gzip  ` +
			`(${sizes.totalGzip <= sizes.budget ? "within" : "OVER"} the ${kb(sizes.budget)} budget; ` +
			`${sizes.totalGzip <= sizes.target ? "meets" : "misses"} the ${kb(sizes.target)} goal)`,
	);
	for (const file of sizes.otherAssets) {
		lines.push(
			`  ${`${file.file} (fetched when needed)`.padEnd(40)} ${kb(file.raw).padStart(9)}  ${kb(file.gzip).padStart(8)} gzip`,
		);
	}
	lines.push(
		sizes.features.length > 0
			? "  JS by feature (minified bytes exact, gzip ≈ pro rata):"
			: "  (JS by feature: only after a build, i.e. without --no-build)",
	);
	for (const share of sizes.features) {
		lines.push(
			`    ${share.feature.padEnd(30)} ${kb(share.minified).padStart(9)}  ≈${kb(share.gzipEstimate).padStart(8)} gzip`,
		);
	}
	lines.push("");
	lines.push("API requests (counted at the emulator; the app's only)");
	const row = (label: string, count: RequestCount | null) => {
		if (count === null) return;
		lines.push(`  ${label.padEnd(52)} ${String(count.count).padStart(2)}  (${methods(count)})`);
		for (const request of count.requests) lines.push(`      ${request}`);
	};
	row("panel open, first ticket of a session", requests.panelOpenCold);
	row("panel open, next ticket (same session, same form)", requests.panelOpenWarm);
	row("panel open, first ticket, ticket without a form", requests.panelOpenColdNoForm);
	row("panel open, next ticket, iframe storage blocked", requests.panelOpenWarmStorageBlocked);
	for (const action of requests.actions) row(action.label, action);
	lines.push("");
	lines.push(`Start-up, ms since the iframe's navigation started (median of ${result.runs}; min–max)`);
	const timingRow = (label: string, s: Stat) =>
		lines.push(
			`  ${label.padEnd(50)} ${ms(s.median).padStart(8)}   (${ms(s.min)}–${ms(s.max)}${s.missing ? `, ${s.missing} missing` : ""})`,
		);
	for (const [name, set] of [
		["first ticket (cold session)", timings.cold],
		["next ticket (warm session)", timings.warm],
	] as const) {
		timingRow(`${name}: main.js loaded`, set.scriptLoaded);
		timingRow(`${name}: main.js run (init)`, set.appStart);
		timingRow(`${name}: app shell`, set.shell);
		timingRow(`${name}: first render`, set.firstRender);
		timingRow(`${name}: interactive`, set.interactive);
	}
	lines.push("");
	lines.push(
		`Environment: node ${result.environment.node}, ${result.environment.browser}, ${result.environment.cpus} CPUs, ` +
			`third-party storage ${result.environment.thirdPartyStorage}.`,
	);
	return lines.join("\n");
}
