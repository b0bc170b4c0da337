import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const started: ChildProcess[] = [];

afterEach(() => {
	for (const child of started.splice(0)) if (child.exitCode === null && child.pid) child.kill("SIGKILL");
});

/** Resolves with the first stdout line matching `pattern`. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
	return new Promise((resolve, reject) => {
		let buffer = "";
		const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in: ${buffer}`)), timeoutMs);
		child.stdout?.setEncoding("utf8");
		child.stdout?.on("data", (chunk: string) => {
			buffer += chunk;
			const match = pattern.exec(buffer);
			if (match) {
				clearTimeout(timer);
				resolve(match[0]);
			}
		});
	});
}

async function gone(url: string, timeoutMs = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			await fetch(`${url}/__sandbox/worlds`);
		} catch {
			return true;
		}
		await new Promise(r => setTimeout(r, 200));
	}
	return false;
}

describe("parseCliArgs", () => {
	it.each([
		[["--port", "0"], { port: 0, host: "127.0.0.1", world: "default" }],
		[["--port=4401", "--world", "empty"], { port: 4401, host: "127.0.0.1", world: "empty" }],
		[["--port", "0", "--job-step-ms", "5"], { port: 0, host: "127.0.0.1", world: "default", jobStepMs: 5 }],
		[["--port", "x"], "invalid --port"],
		[["--world", "nope"], expect.stringContaining("unknown world nope")],
		[["--bogus"], "unknown argument --bogus"],
	])("%j → %j", (argv, expected) => {
		expect(parseCliArgs(argv)).toEqual(expected);
	});
});

describe("npm run emulator", () => {
	it("prints its URL once listening, answers requests and exits cleanly on SIGTERM", async () => {
		const child = spawn(TSX, ["sandbox/emulator/transports/cli.ts", "--port", "0"], {
			cwd: ROOT,
			stdio: ["ignore", "pipe", "inherit"],
		});
		started.push(child);
		const line = await waitForLine(child, /Zendesk emulator listening on http:\/\/127\.0\.0\.1:\d+/);
		const url = line.replace("Zendesk emulator listening on ", "");
		const res = await fetch(`${url}/api/v2/users/me.json`, {
			headers: { authorization: `Basic ${Buffer.from("admin@example.com/token:sandbox").toString("base64")}` },
		});
		expect(res.status).toBe(200);
		const exited = new Promise<number | null>(resolve => child.on("exit", code => resolve(code)));
		child.kill("SIGTERM");
		expect(await exited).toBe(0);
		expect(await gone(url)).toBe(true);
	}, 30_000);

	it("exits when the process that started it is killed (no orphan keeps the port)", async () => {
		const parentScript = `
			const { spawn } = require("node:child_process");
			const child = spawn(${JSON.stringify(TSX)}, ["sandbox/emulator/transports/cli.ts", "--port", "0"], { cwd: ${JSON.stringify(ROOT)}, stdio: ["ignore", "pipe", "inherit"] });
			child.stdout.pipe(process.stdout);
			setInterval(() => {}, 1000);
		`;
		const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] });
		started.push(parent);
		const line = await waitForLine(parent, /Zendesk emulator listening on http:\/\/127\.0\.0\.1:\d+/);
		const url = line.replace("Zendesk emulator listening on ", "");
		parent.kill("SIGKILL");
		expect(await gone(url)).toBe(true);
	}, 30_000);
});
