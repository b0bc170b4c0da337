/**
 * `npm run emulator -- --port <n> [--host <h>] [--world <name>] [--job-step-ms <ms>]`: runs the
 * emulator alone. Prints `Zendesk emulator listening on <url>` once it accepts requests. Exits on
 * SIGINT/SIGTERM and also when its parent process goes away (npm may not forward signals), so
 * no orphan keeps the port.
 */
import { fstatSync } from "node:fs";
import { startEmulator } from "./http";
import { watchAncestors } from "./parentWatch";
import { listWorlds } from "../worlds/index";

/** Parsed command-line options. */
export interface CliOptions {
	port: number;
	host: string;
	world: string;
	jobStepMs?: number;
}

/** Parses argv (without node and script); returns an error message for bad input. */
export function parseCliArgs(argv: string[]): CliOptions | string {
	const options: CliOptions = { port: 4400, host: "127.0.0.1", world: "default" };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		const [flag, inline] = arg.includes("=")
			? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
			: [arg, undefined];
		const value = () => inline ?? argv[++i] ?? "";
		if (flag === "--port" || flag === "-p") {
			const port = Number(value());
			if (!Number.isInteger(port) || port < 0 || port > 65535) return `invalid --port`;
			options.port = port;
		} else if (flag === "--host") options.host = value();
		else if (flag === "--world") options.world = value();
		else if (flag === "--job-step-ms") options.jobStepMs = Number(value());
		else if (flag === "--help" || flag === "-h") return "usage";
		else return `unknown argument ${arg}`;
	}
	if (!listWorlds().some(w => w.name === options.world))
		return `unknown world ${options.world} (known: ${listWorlds()
			.map(w => w.name)
			.join(", ")})`;
	return options;
}

function stdinIsPipe(): boolean {
	try {
		const stat = fstatSync(0);
		return stat.isFIFO() || stat.isSocket();
	} catch {
		return false;
	}
}

async function main(): Promise<void> {
	// Our stdout may be a pipe to a parent that died: writing must not crash the shutdown.
	process.stdout.on("error", () => undefined);
	process.stderr.on("error", () => undefined);
	const parsed = parseCliArgs(process.argv.slice(2));
	if (typeof parsed === "string") {
		console.error(
			parsed === "usage"
				? "usage: npm run emulator -- --port <n> [--host 127.0.0.1] [--world default] [--job-step-ms 200]"
				: `emulator: ${parsed}`,
		);
		process.exit(parsed === "usage" ? 0 : 2);
	}
	const running = await startEmulator({
		port: parsed.port,
		host: parsed.host,
		world: parsed.world,
		...(parsed.jobStepMs !== undefined ? { settings: { jobStepMs: parsed.jobStepMs } } : {}),
	});
	console.log(`Zendesk emulator listening on ${running.url}`);
	let stopping = false;
	const stop = (why: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`Zendesk emulator stopping (${why})`);
		const force = setTimeout(() => process.exit(0), 2000);
		force.unref();
		void running.close().then(() => process.exit(0));
	};
	process.on("SIGINT", () => stop("SIGINT"));
	process.on("SIGTERM", () => stop("SIGTERM"));
	process.on("SIGHUP", () => stop("SIGHUP"));
	// Parent (or grand-parent: npm → sh → tsx → node) gone: npm may swallow signals.
	watchAncestors(stop);
	// With a pipe or socket on stdin (spawned by a tool), its end means the parent went away too.
	// Not for /dev/null or a closed stdin (CI), which would "end" at once.
	if (stdinIsPipe()) {
		process.stdin.on("end", () => stop("stdin closed"));
		process.stdin.on("error", () => undefined);
		process.stdin.resume();
	}
}

if (process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1])) void main();
