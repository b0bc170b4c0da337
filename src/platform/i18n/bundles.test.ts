import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBundles, SHIPPED_LOCALES, type LocaleLoader } from "./bundles";
import type { Bundle } from "./createTranslator";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const fromDisk: LocaleLoader = async locale =>
	JSON.parse(readFileSync(join(ROOT, "translations", `${locale}.json`), "utf8")) as Bundle;

describe("loadBundles", () => {
	it("loads the agent's shipped locale next to the bundled English", async () => {
		const asked: string[] = [];
		const bundles = await loadBundles("de-AT", async l => (asked.push(l), fromDisk(l)));
		expect(Object.keys(bundles).sort()).toEqual(["de", "en"]);
		expect(asked).toEqual(["de"]);
	});

	it("asks for nothing for English or an unshipped locale", async () => {
		const asked: string[] = [];
		const loader: LocaleLoader = async l => (asked.push(l), undefined);
		expect(Object.keys(await loadBundles("en-US", loader))).toEqual(["en"]);
		expect(Object.keys(await loadBundles("pt-BR", loader))).toEqual(["en"]);
		expect(asked).toEqual([]);
	});

	it("falls back to English alone when a locale cannot be loaded", async () => {
		expect(Object.keys(await loadBundles("fr", async () => undefined))).toEqual(["en"]);
	});

	it("ships exactly the locales in translations/", () => {
		const files = readdirSync(join(ROOT, "translations")).map(f => f.replace(/\.json$/, ""));
		expect([...SHIPPED_LOCALES].sort()).toEqual(files.sort());
	});

	it("keeps the app section out of the bundled English strings", async () => {
		const bundles = await loadBundles("en", undefined);
		// The build strips `app` (build.mjs); under vitest the raw file is imported, so only check the UI keys exist.
		expect(bundles.en?.shell).toBeTypeOf("object");
	});
});
