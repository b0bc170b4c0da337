/**
 * `npm run screenshot`: builds the app, starts the sandbox on free ports, opens ticket 1 in
 * headless Chromium with the app in the sidebar, and saves `docs/screenshot-workspace.png` for the
 * README, then the sidebar alone: its first screen (`docs/sidebar-glances.png`) and with the People
 * editor open (`docs/sidebar-people-editor.png`). Changes nothing in the emulator.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, startSandbox } from "../sandbox/workspace/server/startSandbox";
import { launchChromium } from "./browser";

const OUT = join(REPO_ROOT, "docs", "screenshot-workspace.png");
const GLANCES = join(REPO_ROOT, "docs", "sidebar-glances.png");
const EDITOR = join(REPO_ROOT, "docs", "sidebar-people-editor.png");

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
		if (!app) throw new Error("the app iframe has no frame");
		for (const section of ["Follow-up", "People", "Fields", "Metadata"]) {
			await app.getByRole("heading", { name: section }).waitFor();
		}
		await app.getByText(/fields filled in/).waitFor();
		await page.waitForLoadState("networkidle").catch(() => undefined);
		mkdirSync(join(REPO_ROOT, "docs"), { recursive: true });
		await page.screenshot({ path: OUT });
		console.log(`Saved ${OUT}`);
		const sidebar = page.locator("[data-testid=app-frame]");
		await sidebar.screenshot({ path: GLANCES });
		console.log(`Saved ${GLANCES}`);
		await app.getByRole("button", { name: "Edit people" }).click();
		await app.getByRole("combobox", { name: "Add an email CC" }).waitFor();
		await page.waitForLoadState("networkidle").catch(() => undefined);
		await sidebar.screenshot({ path: EDITOR });
		console.log(`Saved ${EDITOR}`);
	} finally {
		await browser.close();
		await sandbox.close();
	}
}

void main().catch(error => {
	console.error(error);
	process.exit(1);
});
