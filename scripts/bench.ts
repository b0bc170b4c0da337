/**
 * `npm run bench`: builds the app (production), starts the sandbox on free ports, drives the
 * built app in headless Chromium and prints
 *
 * - the gzipped size of every JS and CSS file in dist/assets, their total against the budget, and
 *   an approximate split by feature;
 * - the app's API requests (counted at the emulator's request log, host reads left out) for
 *   opening the panel (first ticket of a session, next ticket, next ticket with the iframe's
 *   storage blocked) and for each feature action;
 * - start-up times inside the iframe (app shell, first render, interactive; see bench/timing.ts),
 *   median of N runs. Timings are reported, never asserted.
 *
 *   npm run bench                     5 runs, text report
 *   npm run bench -- --runs 3 --json  machine-readable
 *   npm run bench -- --no-build       reuse dist/
 *   npm run bench -- --storage blocked   run everything with the iframe's storage blocked
 *
 * Progress goes to stderr, so `--json` output on stdout stays clean.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from "playwright-core";
import { ALLOW_THIRD_PARTY_STORAGE_ARG, CHROMIUM_ARGS, findChromium } from "../e2e/browser";
import { REPO_ROOT, startSandbox, type Sandbox } from "../sandbox/workspace/server/startSandbox";
import { ACTIONS, type BenchAction } from "./bench/actions";
import { formatReport, timingStats, type ActionCount, type BenchResult, type RequestCount } from "./bench/report";
import { countByMethod, requestLabel, settledAppRequests, type LoggedRequest } from "./bench/requests";
import { featureBreakdown, measureAssets, totalGzip, type Metafile } from "./bench/sizes";
import { panelProbeSource, readPanelTimings, type PanelTimings } from "./bench/timing";

interface Options {
	runs: number;
	json: boolean;
	build: boolean;
	storage: "allowed" | "blocked";
}

interface BuildModule {
	BUDGET_BYTES: number;
	PANEL_OPEN_BUDGET_BYTES: number;
	TARGET_BYTES: number;
	panelOpenFiles(outdir: string): string[];
	buildApp(options?: { dev?: boolean }): Promise<{ metafile: Metafile }>;
}

/** Parses argv; exits with usage on anything unknown. */
export function parseOptions(argv: readonly string[]): Options {
	const options: Options = { runs: 5, json: false, build: true, storage: "allowed" };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--json") options.json = true;
		else if (arg === "--no-build") options.build = false;
		else if (arg === "--runs" || arg === "--storage") {
			const value = argv[++i];
			if (arg === "--runs") {
				const runs = Number(value);
				if (!Number.isInteger(runs) || runs < 1) usage(`--runs needs a positive integer (got ${value})`);
				options.runs = runs;
			} else {
				if (value !== "allowed" && value !== "blocked") usage(`--storage is allowed or blocked (got ${value})`);
				options.storage = value;
			}
		} else usage(`unknown option ${arg}`);
	}
	return options;
}

function usage(problem: string): never {
	process.stderr.write(
		`[bench] ${problem}\nusage: npm run bench -- [--runs N] [--json] [--no-build] [--storage allowed|blocked]\n`,
	);
	process.exit(2);
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	// build.mjs is plain JS without typings: import it by a computed path and give it a type here.
	const buildPath = join(REPO_ROOT, "build.mjs");
	const build = (await import(buildPath)) as BuildModule;
	let metafile: Metafile = { outputs: {} };
	if (options.build) {
		progress("building dist/ (production)…");
		metafile = (await build.buildApp()).metafile;
	}
	const dist = join(REPO_ROOT, "dist");
	const assets = measureAssets(dist);
	const files = assets.filter(f => !f.file.startsWith("assets/i18n/"));
	const total = totalGzip(files);
	const panelOpen = build.panelOpenFiles(dist);
	const atOpen = totalGzip(files.filter(f => panelOpen.includes(f.file)));

	progress("starting the sandbox and Chromium…");
	const sandbox = await startSandbox({ port: 0 });
	const { path } = await findChromium();
	// This Chromium blocks storage in cross-site iframes by default; most agents' browsers allow it
	// (partitioned). The bench measures the allowed case unless told otherwise, and the blocked one
	// for the next-ticket panel open.
	const launch = (storage: Options["storage"]) =>
		chromium.launch({
			executablePath: path,
			headless: true,
			args: storage === "allowed" ? [...CHROMIUM_ARGS, ALLOW_THIRD_PARTY_STORAGE_ARG] : CHROMIUM_ARGS,
		});
	const browser = await launch(options.storage);
	try {
		const bench = createBench(sandbox, browser);
		// Tickets 5 and 7 of the default world share a ticket form, as most tickets of an account
		// with forms do; ticket 1 has none (the fallback that reads every field and form).
		progress("counting requests: panel open…");
		const open = await bench.panelOpen(5, 7);
		const noForm = await bench.panelOpen(1, 2);
		let blocked: RequestCount | null = null;
		if (options.storage === "allowed") {
			const other = await launch("blocked");
			try {
				blocked = (await createBench(sandbox, other).panelOpen(5, 7)).warm;
			} finally {
				await other.close();
			}
		}
		const actions: ActionCount[] = [];
		for (const action of ACTIONS) {
			progress(`counting requests: ${action.label}…`);
			actions.push(await bench.action(action));
		}
		const cold: PanelTimings[] = [];
		const warm: PanelTimings[] = [];
		for (let run = 1; run <= options.runs; run++) {
			progress(`timing run ${run}/${options.runs}…`);
			const loads = await bench.timedOpen(5, 7);
			cold.push(loads.cold);
			warm.push(loads.warm);
		}
		const result: BenchResult = {
			runs: options.runs,
			environment: {
				node: process.versions.node,
				browser: `Chromium ${browser.version()}`,
				cpus: availableParallelism(),
				thirdPartyStorage: options.storage,
			},
			sizes: {
				files,
				otherAssets: assets.filter(f => f.file.startsWith("assets/i18n/")),
				totalGzip: total,
				panelOpen,
				panelOpenGzip: atOpen,
				panelOpenBudget: build.PANEL_OPEN_BUDGET_BYTES,
				budget: build.BUDGET_BYTES,
				withinBudget: total <= build.BUDGET_BYTES && atOpen <= build.PANEL_OPEN_BUDGET_BYTES,
				target: build.TARGET_BYTES,
				features: featureBreakdown(metafile, files),
			},
			requests: {
				panelOpenCold: open.cold,
				panelOpenWarm: open.warm,
				panelOpenColdNoForm: noForm.cold,
				panelOpenWarmStorageBlocked: blocked,
				actions,
			},
			timings: { cold: timingStats(cold), warm: timingStats(warm) },
		};
		process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
	} finally {
		await browser.close().catch(() => undefined);
		await sandbox.close();
	}
}

/** The measuring steps over one sandbox and browser. */
function createBench(sandbox: Sandbox, browser: Browser) {
	const log = (): LoggedRequest[] => sandbox.emulator.controls.requests();
	const clearLog = () => void sandbox.emulator.controls.clearRequests();
	const count = (entries: LoggedRequest[]): RequestCount => ({
		count: entries.length,
		byMethod: countByMethod(entries),
		requests: entries.map(requestLabel),
	});

	/** A fresh session: new context (empty cache and storage) with the probe, signed in as the agent. */
	async function session(): Promise<{ context: BrowserContext; page: Page }> {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.addInitScript({ content: panelProbeSource() });
		const page = await context.newPage();
		page.setDefaultTimeout(20_000);
		await page.goto(`${sandbox.workspaceUrl}/__workspace/config.json`);
		await page.evaluate(() => localStorage.setItem("sandbox.signedInAs", "agent"));
		return { context, page };
	}

	/** Opens a ticket (`goto` for the first, in-page navigation after) and waits until the panel is interactive. */
	async function open(
		page: Page,
		ticketId: number,
		how: "goto" | "navigate",
	): Promise<{ frame: Frame; timings: PanelTimings }> {
		if (how === "goto") await page.goto(`${sandbox.workspaceUrl}/tickets/${ticketId}`);
		else await page.evaluate(path => window.__workspace?.navigate(path), `/tickets/${ticketId}`);
		await page.waitForFunction(
			id =>
				document.body.dataset["ready"] === "true" &&
				window.__workspace?.ticketId() === id &&
				window.__workspace.isRegistered(),
			ticketId,
		);
		const handle = await page.waitForSelector("[data-testid=app-frame]");
		const frame = await handle.contentFrame();
		if (!frame) throw new Error("the app iframe has no frame");
		return { frame, timings: await readPanelTimings(frame) };
	}

	return {
		/** Requests for the first ticket of a session and for the next one. */
		async panelOpen(first: number, next: number): Promise<{ cold: RequestCount; warm: RequestCount }> {
			sandbox.emulator.reset("default");
			const { context, page } = await session();
			try {
				clearLog();
				await open(page, first, "goto");
				const cold = count(await settledAppRequests(log));
				clearLog();
				await open(page, next, "navigate");
				const warm = count(await settledAppRequests(log));
				return { cold, warm };
			} finally {
				await context.close();
			}
		},

		/** One feature action on a settled panel, in a fresh world and session. */
		async action(action: BenchAction): Promise<ActionCount> {
			sandbox.emulator.reset("default");
			const { context, page } = await session();
			try {
				const { frame } = await open(page, action.ticketId, "goto");
				await settledAppRequests(log);
				if (action.prepare) {
					await action.prepare(frame);
					await settledAppRequests(log);
				}
				clearLog();
				await action.act(frame);
				return { key: action.key, label: action.label, ...count(await settledAppRequests(log)) };
			} finally {
				await context.close();
			}
		},

		/** Start-up timings of the first ticket of a fresh session and of the next ticket. */
		async timedOpen(first: number, next: number): Promise<{ cold: PanelTimings; warm: PanelTimings }> {
			const { context, page } = await session();
			try {
				const cold = (await open(page, first, "goto")).timings;
				await settledAppRequests(log);
				const warm = (await open(page, next, "navigate")).timings;
				await settledAppRequests(log);
				return { cold, warm };
			} finally {
				await context.close();
			}
		},
	};
}

await main();
