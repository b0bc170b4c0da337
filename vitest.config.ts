import { defineConfig } from "vitest/config";

/**
 * One config, several projects. `unit` covers src/, sandbox/ and scripts/ in Node (a test file that needs a DOM
 * opts in with a `// @vitest-environment happy-dom` docblock). The workspace helper appends the browser `e2e`
 * project to this array.
 */
export default defineConfig({
	oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: "unit",
					environment: "node",
					include: ["src/**/*.test.{ts,tsx}", "sandbox/**/*.test.{ts,tsx}", "scripts/**/*.test.{ts,mjs}"],
				},
			},
			// Browser e2e (owned by the workspace): real Chromium via playwright-core against the sandbox (e2e/harness.ts).
			{
				extends: true,
				test: {
					name: "e2e",
					environment: "node",
					include: ["e2e/**/*.e2e.ts"],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false,
				},
			},
		],
	},
});
