import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ancestors } from "./watchAncestors";

const MODULE = fileURLToPath(new URL("./watchAncestors.ts", import.meta.url));

describe("watchAncestors", () => {
	it("lists the parent first", () => {
		expect(ancestors()[0]).toBe(process.ppid);
	});

	it.runIf(process.platform === "linux")(
		"tells a grandchild that the shell between it and us exited",
		async () => {
			// sh starts node in the background and exits after a moment, like npm leaving tsx behind.
			const script = `import { watchAncestors } from ${JSON.stringify(MODULE)}; console.log("watching"); setInterval(() => {}, 1000); watchAncestors(pid => { console.log("gone " + pid); process.exit(0); }, 100);`;
			const sh = spawn(
				"sh",
				["-c", `"${process.execPath}" --import tsx --input-type=module -e '${script}' & sleep 1.5`],
				{ stdio: ["ignore", "pipe", "inherit"] },
			);
			let out = "";
			sh.stdout.on("data", chunk => (out += String(chunk)));
			await expect.poll(() => out, { timeout: 15_000, interval: 100 }).toMatch(/watching/);
			await expect.poll(() => out, { timeout: 15_000, interval: 100 }).toMatch(new RegExp(`gone ${sh.pid}`));
		},
		30_000,
	);
});
