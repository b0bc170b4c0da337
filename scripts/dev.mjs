/**
 * `npm run dev`: develop against a real Zendesk account. Runs the esbuild watcher (build.mjs
 * --watch --outdir dist-dev) and `zcli apps:server dist-dev` on port 4567 (the only port Zendesk
 * loads local apps from). zcli reads its settings from dist-dev/zcli.apps.config.json, so the
 * committed zcli.apps.config.json (no secrets) is copied there and zcli never prompts.
 * Then open your Zendesk agent workspace with `?zcli_apps=true` appended to the URL.
 *
 * It builds into dist-dev/ (maps in dist-dev-maps/), never dist/: a running `npm start` serves
 * dist/, and `npm run package` and the e2e tests read it (scripts/buildDirs.mjs). To host the dev
 * build in the sandbox instead: `npm start -- --app-dir dist-dev`.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_DIR, buildDirs } from "./buildDirs.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What `npm run dev` runs and where it writes: the dev build directories only. */
export function devPlan(root = ROOT) {
	const { outdir, mapsdir } = buildDirs(root, DEV_DIR);
	return {
		outdir,
		mapsdir,
		build: ["build.mjs", "--watch", "--outdir", DEV_DIR],
		zcli: ["apps:server", DEV_DIR, "--port", "4567"],
	};
}

async function main() {
	const plan = devPlan();
	const children = [];
	const start = (command, args) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
		children.push(child);
		child.on("exit", code => {
			console.log(`[dev] ${[command, ...args].join(" ")} exited (${code}); stopping`);
			stop(code ?? 1);
		});
	};
	const stop = code => {
		for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
		process.exit(code);
	};
	process.on("SIGINT", () => stop(0));
	process.on("SIGTERM", () => stop(0));

	// Start from an empty dist-dev/ so a stale main.js cannot be mistaken for the first build.
	rmSync(plan.outdir, { recursive: true, force: true });
	start(process.execPath, plan.build);

	// Wait for the first build before zcli reads dist-dev/manifest.json.
	const started = Date.now();
	while (!existsSync(join(plan.outdir, "assets", "main.js"))) {
		if (Date.now() - started > 60_000) {
			console.error("[dev] the first build did not finish within 60 s");
			stop(1);
		}
		await new Promise(resolve => setTimeout(resolve, 200));
	}
	copyFileSync(join(ROOT, "zcli.apps.config.json"), join(plan.outdir, "zcli.apps.config.json"));
	const zcli = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "zcli.cmd" : "zcli");
	start(zcli, plan.zcli);
	console.log("[dev] open https://<subdomain>.zendesk.com/agent/tickets/<id>?zcli_apps=true");
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) await main();
