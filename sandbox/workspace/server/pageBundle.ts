/**
 * Bundles the workspace page (`page/workspace.ts`) with esbuild, in memory, for the workspace
 * server. Dev-only: never written into `dist/`.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("../page/workspace.ts", import.meta.url));

/** The page's JavaScript (ES module, sourcemap inline). Rejects with esbuild's errors. */
export async function pageBundle(): Promise<string> {
	const result = await build({
		entryPoints: [ENTRY],
		bundle: true,
		format: "esm",
		platform: "browser",
		target: "es2022",
		sourcemap: "inline",
		write: false,
		logLevel: "silent",
	});
	const file = result.outputFiles[0];
	if (!file) throw new Error("esbuild produced no workspace bundle");
	return file.text;
}
