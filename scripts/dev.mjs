/**
 * `npm run dev`: develop against a real Zendesk account. Runs the esbuild watcher (build.mjs
 * --watch → dist/) and `zcli apps:server dist` on port 4567 (the only port Zendesk loads local
 * apps from). zcli reads its settings from dist/zcli.apps.config.json, so the committed
 * zcli.apps.config.json (no secrets) is copied there and zcli never prompts.
 * Then open your Zendesk agent workspace with `?zcli_apps=true` appended to the URL.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const children = [];

function start(command, args) {
	const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
	children.push(child);
	child.on("exit", code => {
		console.log(`[dev] ${[command, ...args].join(" ")} exited (${code}); stopping`);
		stop(code ?? 1);
	});
	return child;
}

function stop(code) {
	for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
	process.exit(code);
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

// Start from an empty dist/ so a stale main.js cannot be mistaken for the first build.
rmSync(DIST, { recursive: true, force: true });
start(process.execPath, ["build.mjs", "--watch"]);

// Wait for the first build before zcli reads dist/manifest.json.
const started = Date.now();
while (!existsSync(join(DIST, "assets", "main.js"))) {
	if (Date.now() - started > 60_000) {
		console.error("[dev] the first build did not finish within 60 s");
		stop(1);
	}
	await new Promise(resolve => setTimeout(resolve, 200));
}
copyFileSync(join(ROOT, "zcli.apps.config.json"), join(DIST, "zcli.apps.config.json"));
const zcli = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "zcli.cmd" : "zcli");
start(zcli, ["apps:server", "dist", "--port", "4567"]);
console.log("[dev] open https://<subdomain>.zendesk.com/agent/tickets/<id>?zcli_apps=true");
