import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEV_DIR, PROD_DIR, buildDirs, parseBuildArgs } from "./buildDirs.mjs";
import { devPlan } from "./dev.mjs";

const ROOT = join(import.meta.dirname, "..");
/** Every file below `dir` with its size and mtime (empty when `dir` does not exist). */
function snapshot(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true })
		.map(String)
		.sort()
		.map(path => {
			const stat = statSync(join(dir, path));
			return [path, stat.size, stat.mtimeMs];
		});
}

describe("npm run dev and npm start do not share a build directory", () => {
	it("has dev build into dist-dev/ and zcli serve it, never dist/", () => {
		const plan = devPlan(ROOT);
		expect(plan.outdir).toBe(join(ROOT, "dist-dev"));
		expect(plan.mapsdir).toBe(join(ROOT, "dist-dev-maps"));
		expect(plan.build).toEqual(["build.mjs", "--watch", "--outdir", DEV_DIR]);
		expect(plan.zcli).toEqual(["apps:server", DEV_DIR, "--port", "4567"]);
		const served = buildDirs(ROOT, PROD_DIR); // what npm start, npm run package and e2e read
		expect([plan.outdir, plan.mapsdir]).not.toContain(served.outdir);
		expect([plan.outdir, plan.mapsdir]).not.toContain(served.mapsdir);
	});

	it("builds and watches into --outdir, leaving dist/ and dist-maps/ exactly as they were", async () => {
		const dir = `tmp/dev-test-${process.pid}`;
		const { outdir, mapsdir } = buildDirs(ROOT, dir);
		const before = [snapshot(join(ROOT, "dist")), snapshot(join(ROOT, "dist-maps"))];
		const watcher = spawn(process.execPath, ["build.mjs", "--watch", "--outdir", dir], { cwd: ROOT, stdio: "ignore" });
		const exited = new Promise(resolve => watcher.once("exit", resolve));
		const built = () =>
			existsSync(join(outdir, "assets", "main.js")) &&
			existsSync(mapsdir) &&
			readdirSync(mapsdir).some(name => name.endsWith(".map"));
		try {
			const started = Date.now();
			while (!built() && Date.now() - started < 50_000) await new Promise(resolve => setTimeout(resolve, 100));
			expect(built()).toBe(true);
			expect(existsSync(join(outdir, "manifest.json"))).toBe(true);
			expect(existsSync(join(outdir, "assets", "iframe.html"))).toBe(true);
			expect([snapshot(join(ROOT, "dist")), snapshot(join(ROOT, "dist-maps"))]).toEqual(before);
		} finally {
			// Stop the watcher (the one this test started) before removing what it writes.
			watcher.kill("SIGTERM");
			await exited;
			rmSync(outdir, { recursive: true, force: true });
			rmSync(mapsdir, { recursive: true, force: true });
		}
	}, 60_000);
});

describe("build directories", () => {
	it.each([".", "..", "../elsewhere", "/tmp/x", "src", "src/x", "node_modules/x", "translations", "sandbox"])(
		"refuses %s (the build deletes its directory first)",
		dir => expect(() => buildDirs(ROOT, dir)).toThrow(/new folder inside the repository/),
	);

	it("puts the maps beside the build directory, outside the package", () => {
		expect(buildDirs(ROOT)).toEqual({ outdir: join(ROOT, "dist"), mapsdir: join(ROOT, "dist-maps") });
		expect(buildDirs(ROOT, "tmp/a")).toEqual({ outdir: join(ROOT, "tmp/a"), mapsdir: join(ROOT, "tmp/a-maps") });
	});

	it("reads --outdir in both spellings and rejects unknown options", () => {
		expect(parseBuildArgs(["--watch", "--outdir", "dist-dev"])).toEqual({
			flags: new Set(["--watch"]),
			outdir: "dist-dev",
		});
		expect(parseBuildArgs(["--outdir=x"]).outdir).toBe("x");
		expect(parseBuildArgs([]).outdir).toBe("dist");
		expect(() => parseBuildArgs(["--outdir"])).toThrow(/needs a directory/);
		expect(() => parseBuildArgs(["--outdir", "--watch"])).toThrow(/needs a directory/);
		expect(() => parseBuildArgs(["--fast"])).toThrow(/unknown option --fast/);
	});

	it("makes build.mjs exit 2 before deleting anything for a refused directory", () => {
		const run = spawnSync(process.execPath, ["build.mjs", "--outdir", "src"], { cwd: ROOT, encoding: "utf8" });
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("new folder inside the repository");
		expect(existsSync(join(ROOT, "src", "main.tsx"))).toBe(true);
	});
});
