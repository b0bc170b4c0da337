/**
 * One chunk for what a panel runs at open, for build.mjs. esbuild puts a module in a chunk per set
 * of entry points that reach it: a module that main.js and the People editor share lands in one
 * chunk, one that main.js and the follow-up form share in another, and so on, so main.js imported a
 * dozen small chunks and could run only once every one had arrived (HTTP/1.1 fetches six at a
 * time). This plugin lets every on-demand part (every module some code imports with `import()`)
 * import what `src/main.tsx` imports as well, at build time only: everything that runs at open is
 * then reached from main.js and from every part alike and lands in ONE shared chunk, which also
 * compresses better than many. At runtime those imports find the modules already evaluated and run
 * nothing.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The modules `src/main.tsx` imports for their values (relative paths made absolute). */
function mainImports(root) {
	const source = readFileSync(join(root, "src", "main.tsx"), "utf8");
	return [...source.matchAll(/^import (?!type )[^"\n]*"(\.[^"]+)";$/gm)].map(match => join(root, "src", match[1]));
}

/** esbuild plugin: what `root`'s `src/main.tsx` imports, imported by every dynamically imported module too. */
export function oneOpenChunkPlugin(root) {
	const imports = mainImports(root)
		.map(path => `import ${JSON.stringify(path)};`)
		.join("\n");
	const parts = new Set();
	return {
		name: "one-open-chunk",
		setup(build) {
			build.onResolve({ filter: /.*/ }, async args => {
				if (args.kind !== "dynamic-import" || args.pluginData?.oneOpenChunk) return undefined;
				const resolved = await build.resolve(args.path, {
					kind: args.kind,
					importer: args.importer,
					resolveDir: args.resolveDir,
					pluginData: { oneOpenChunk: true },
				});
				if (resolved.errors.length === 0 && resolved.path.startsWith(join(root, "src"))) parts.add(resolved.path);
				return resolved;
			});
			build.onLoad({ filter: /\.tsx?$/ }, args => {
				if (!parts.has(args.path)) return undefined;
				const loader = args.path.endsWith(".tsx") ? "tsx" : "ts";
				return { contents: `${readFileSync(args.path, "utf8")}\n${imports}\n`, loader, resolveDir: dirname(args.path) };
			});
		},
	};
}
