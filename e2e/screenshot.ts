/**
 * `npm run screenshot`: builds the app, starts the sandbox on free ports, opens ticket 1 in
 * headless Chromium with the app in the sidebar, and saves `docs/screenshot-workspace.png` for the
 * README. Changes nothing in the emulator.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, startSandbox } from "../sandbox/workspace/server/startSandbox";
import { launchChromium } from "./browser";

const OUT = join(REPO_ROOT, "docs", "screenshot-workspace.png");

async function main() {
	const built = spawnSync(process.execPath, [join(REPO_ROOT, "build.mjs")], { cwd: REPO_ROOT, stdio: "inherit" });
	if (built.status !== 0) process.exit(built.status ?? 1);
	const sandbox = await startSandbox({ port: 0 });
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
		await page.goto(`${sandbox.workspaceUrl}/tickets/1`);
		await page.waitForSelector("body[data-ready=true]");
		await page.waitForFunction(() => window.__workspace?.isRegistered() === true);
		const app = await (await page.waitForSelector("[data-testid=app-frame]")).contentFrame();
		for (const section of ["Follow-up", "People", "Fields", "Metadata"]) {
			await app?.getByRole("heading", { name: section }).waitFor();
		}
		await page.waitForLoadState("networkidle").catch(() => undefined);
		mkdirSync(join(REPO_ROOT, "docs"), { recursive: true });
		await page.screenshot({ path: OUT });
		console.log(`Saved ${OUT}`);
	} finally {
		await browser.close();
		await sandbox.close();
	}
}

void main().catch(error => {
	console.error(error);
	process.exit(1);
});
