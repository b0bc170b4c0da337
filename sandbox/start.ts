/**
 * `npm start`: builds the app (`node build.mjs`), then starts the emulator, the app server and the
 * agent workspace in this one process and prints where to go. `-- --port <n>` picks the workspace
 * port (app server n+1), `--world <name>` the emulator world, `--no-build` skips the build, and
 * `--app-dir <dir>` hosts another built app instead of dist/ without building (e.g. `dist-dev`,
 * what `npm run dev`'s watcher writes; the two commands never share a build directory).
 * Ctrl-C / SIGTERM stop everything; so does the parent process going away (no orphaned ports).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { REPO_ROOT, startSandbox, type Sandbox } from "./workspace/server/startSandbox";
import { watchAncestors } from "./workspace/server/watchAncestors";

export { startSandbox, type Sandbox, type SandboxOptions } from "./workspace/server/startSandbox";

function flag(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	if (i >= 0) return args[i + 1];
	const inline = args.find(a => a.startsWith(`${name}=`));
	return inline?.slice(name.length + 1);
}

async function main(args: string[]) {
	const portText = flag(args, "--port");
	const port = portText === undefined ? 4300 : Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`--port must be a port number (got ${portText})`);
		process.exit(2);
	}
	const appDirArg = flag(args, "--app-dir");
	const appDir = appDirArg === undefined ? undefined : resolve(REPO_ROOT, appDirArg);
	if (appDir !== undefined && !existsSync(join(appDir, "manifest.json"))) {
		console.error(`--app-dir ${appDirArg} holds no built app (no manifest.json); build it first`);
		process.exit(2);
	}
	if (!args.includes("--no-build") && appDir === undefined) {
		const built = spawnSync(process.execPath, [join(REPO_ROOT, "build.mjs")], { cwd: REPO_ROOT, stdio: "inherit" });
		if (built.status !== 0) {
			console.error("The app build failed; the sandbox did not start.");
			process.exit(built.status ?? 1);
		}
	}
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox({ port, world: flag(args, "--world") ?? "default", ...(appDir ? { appDir } : {}) });
	} catch (error) {
		const code = (error as { code?: string }).code;
		console.error(
			code === "EADDRINUSE"
				? `A port is already in use: ${String((error as Error).message)}. Try --port <another>.`
				: error,
		);
		process.exit(1);
	}
	console.log(
		[
			"",
			`  Agent workspace:  ${sandbox.workspaceUrl}/        <- open this`,
			`  A ticket:         ${sandbox.workspaceUrl}/tickets/1`,
			`  App server:       ${sandbox.appUrl}/app.json  (zcli apps:server shape)`,
			`  Emulator API:     ${sandbox.emulatorUrl}/api/v2  (Basic admin@example.com/token:sandbox)`,
			`  Sandbox controls: ${sandbox.emulatorUrl}/__sandbox/`,
			"",
			"  Ctrl-C stops everything.",
			"",
		].join("\n"),
	);
	let stopping = false;
	const stop = async (reason: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\nStopping the sandbox (${reason})…`);
		await sandbox.close();
		process.exit(0);
	};
	process.on("SIGINT", () => void stop("SIGINT"));
	process.on("SIGTERM", () => void stop("SIGTERM"));
	process.on("SIGHUP", () => void stop("SIGHUP"));
	// `npm start` may not forward signals: stop when npm (or anything between it and us) goes away.
	watchAncestors(pid => void stop(`parent process ${pid} exited`));
}

const invokedDirectly = process.argv[1] !== undefined && /(^|[\\/])start\.ts$/.test(process.argv[1]);
if (invokedDirectly) void main(process.argv.slice(2));
