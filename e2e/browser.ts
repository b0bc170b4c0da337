/**
 * Finds and launches Chromium for the e2e tests, never downloading one: `CHROMIUM_PATH` if set,
 * else a system Chromium/Chrome, else the binary shipped inside the npm package
 * `@sparticuz/chromium` (Linux x64 only; it unpacks to /tmp on first use).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const SYSTEM_BROWSERS = [
	"/usr/bin/chromium",
	"/usr/bin/chromium-browser",
	"/usr/bin/google-chrome",
	"/usr/bin/google-chrome-stable",
];

/** Flags for headless runs on a small shared CI machine. */
export const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

/** The Chromium executable to use, and where it came from. Throws with advice when there is none. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<{ path: string; source: string }> {
	const fromEnv = env["CHROMIUM_PATH"];
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
		return { path: fromEnv, source: "CHROMIUM_PATH" };
	}
	const system = SYSTEM_BROWSERS.find(p => existsSync(p));
	if (system) return { path: system, source: "system" };
	if (process.platform === "linux" && process.arch === "x64") {
		const sparticuz = (await import("@sparticuz/chromium")).default;
		return { path: await sparticuz.executablePath(), source: "@sparticuz/chromium" };
	}
	throw new Error(
		"No Chromium found: set CHROMIUM_PATH, or install chromium (apt-get install chromium). " +
			"The e2e tests never download a browser.",
	);
}

/**
 * Lets the cross-site app iframe use sessionStorage/localStorage. This Chromium blocks storage in
 * third-party iframes by default; Chrome with default settings and the other browsers allow it
 * (partitioned per top-level site), which is what the app's per-session caches rely on.
 */
export const ALLOW_THIRD_PARTY_STORAGE_ARG = "--disable-features=BlockThirdPartyCookies";

/** Launches headless Chromium with the project's flags (plus `extraArgs`). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
	const { path } = await findChromium();
	return chromium.launch({ executablePath: path, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
