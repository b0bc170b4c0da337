/**
 * Where builds go. `dist/` is the package: `npm start` (the sandbox's app server), `npm run
 * package` and the e2e tests read it, and `node build.mjs` empties and refills it. `npm run dev`
 * builds into `dist-dev/` instead, so its watcher and a running `npm start` never delete or
 * rewrite each other's files. Each build directory has its source maps beside it in `<dir>-maps/`,
 * outside the package.
 */
import { isAbsolute, join, relative, resolve } from "node:path";

/** The package build (`node build.mjs`, `npm start`, `npm run package`, e2e). */
export const PROD_DIR = "dist";

/** `npm run dev`'s build (the watcher and `zcli apps:server`). */
export const DEV_DIR = "dist-dev";

/** Top-level folders a build must never empty (a build starts by deleting its directory). */
const PROTECTED = new Set([
	"src",
	"assets",
	"translations",
	"sandbox",
	"e2e",
	"scripts",
	"docs",
	"node_modules",
	".git",
]);

/**
 * The absolute build and maps directories for `dir` (relative to `root`). Throws for a directory
 * outside `root`, `root` itself or one of its source folders, since the build deletes it first.
 */
export function buildDirs(root, dir = PROD_DIR) {
	const outdir = resolve(root, dir);
	const path = relative(root, outdir);
	const top = path.split(/[\\/]/)[0] ?? "";
	if (path === "" || path.startsWith("..") || isAbsolute(path) || PROTECTED.has(top))
		throw new Error(`the build directory must be a new folder inside the repository, not ${JSON.stringify(dir)}`);
	return { outdir, mapsdir: join(root, `${path}-maps`) };
}

/**
 * `build.mjs`'s arguments: its flags and `--outdir <dir>` (or `--outdir=<dir>`). Throws on an
 * unknown option or a missing value.
 */
export function parseBuildArgs(argv) {
	const flags = new Set();
	let outdir = PROD_DIR;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--outdir" || arg.startsWith("--outdir=")) {
			const value = arg === "--outdir" ? argv[++i] : arg.slice("--outdir=".length);
			if (!value || value.startsWith("--")) throw new Error("--outdir needs a directory");
			outdir = value;
		} else if (["--watch", "--dev", "--prod"].includes(arg)) flags.add(arg);
		else throw new Error(`unknown option ${arg} (use --watch, --dev, --prod, --outdir <dir>)`);
	}
	return { flags, outdir };
}
