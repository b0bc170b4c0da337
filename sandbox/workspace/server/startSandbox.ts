/**
 * Starts the whole sandbox in this process: the emulator (own port), the app-asset server
 * (`http://127.0.0.1:<m>`, the built app exactly as Zendesk would load it) and the workspace
 * server (`http://localhost:<n>`). Used by `npm start` (sandbox/start.ts), the e2e harness and the
 * screenshot script. It does not build the app: run `node build.mjs` first (start.ts does).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../emulator/transports/http";
import type { SandboxEmulator } from "../../emulator/types";
import { startAppServer } from "./appServer";
import { startWorkspaceServer } from "./workspaceServer";

/** The repository root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface SandboxOptions {
	/** Workspace port; 0 picks a free one. Default 4300. */
	port?: number;
	/** App server port; default `port + 1` (or free when `port` is 0). */
	appPort?: number;
	/** Emulator port; default free. */
	emulatorPort?: number;
	/** The emulator world to load (default "default"). */
	world?: string;
	/** The built app to serve (default `<repo>/dist`). */
	appDir?: string;
}

/** A running sandbox. */
export interface Sandbox {
	/** `http://localhost:<n>` (no trailing slash). */
	workspaceUrl: string;
	/** `http://127.0.0.1:<m>`: the app's origin; `app.json` lives at its root. */
	appUrl: string;
	/** The emulator's base URL (`/api/v2/...` and `/__sandbox/...` below it). */
	emulatorUrl: string;
	/** The emulator itself (in-process: `handle`, `reset`, `onChange`, `controls`, `db`). */
	emulator: SandboxEmulator;
	/** Stops the three servers (and the emulator's timers). Safe to call twice. */
	close(): Promise<void>;
}

/** Starts emulator, app server and workspace server. Throws if the app is not built or a port is taken. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const appDir = options.appDir ?? join(REPO_ROOT, "dist");
	if (!existsSync(join(appDir, "manifest.json"))) {
		throw new Error(`No built app in ${appDir} (manifest.json missing): run \`node build.mjs\` first.`);
	}
	const port = options.port ?? 4300;
	const stops: Array<() => Promise<void>> = [];
	const close = async () => {
		for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
	};
	try {
		const emulator = await startEmulator({ port: options.emulatorPort ?? 0, world: options.world ?? "default" });
		stops.push(async () => {
			await emulator.close();
		});
		const appServer = await startAppServer({
			appDir,
			configDirs: [REPO_ROOT],
			port: options.appPort ?? (port === 0 ? 0 : port + 1),
		});
		stops.push(appServer.close);
		const workspace = await startWorkspaceServer({ port, emulatorUrl: emulator.url, appOrigin: appServer.origin });
		stops.push(workspace.close);
		return {
			workspaceUrl: workspace.origin,
			appUrl: appServer.origin,
			emulatorUrl: emulator.url,
			emulator: emulator.emulator,
			close,
		};
	} catch (error) {
		await close();
		throw error;
	}
}
