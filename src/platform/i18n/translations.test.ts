import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator, type Bundle } from "./createTranslator";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const LOCALES = ["en", "de", "fr"] as const;
/** Our UI namespaces (brief): a string literal "ns.key" in src/ is treated as a translation key. */
const NAMESPACES = [
	"shell",
	"errors",
	"email",
	"followUp",
	"people",
	"fields",
	"metadata",
	"audits",
	"conflict",
	"drafts",
	"bulk",
];

function leafKeys(node: unknown, prefix = ""): string[] {
	if (typeof node === "string") return [prefix];
	if (typeof node !== "object" || node === null) return [`${prefix}<non-string>`];
	const record = node as Record<string, unknown>;
	// ZAF's {title, value} leaves and our {one, other} plural objects count as one key.
	if (typeof record.value === "string" || typeof record.other === "string") return [prefix];
	return Object.entries(record).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) ? [path] : [];
	});
}

/** Every key the shipped code can ask for: `t("x.y")` calls and namespaced string literals (lookup tables). */
function usedKeys(): Map<string, string> {
	const used = new Map<string, string>();
	const call = /\bt\(\s*["'`]([^"'`$]+)["'`]/g;
	const literal = new RegExp(`["'\`]((?:${NAMESPACES.join("|")})\\.[A-Za-z0-9_.]*[A-Za-z0-9_])["'\`]`, "g");
	for (const file of sourceFiles(join(ROOT, "src"))) {
		if (file.includes(`${join("src", "i18n")}`)) continue;
		// Comments may quote keys or Zendesk paths (`metadata.custom`); only code counts.
		const text = readFileSync(file, "utf8")
			.replace(/\/\*[\s\S]*?\*\//g, "")
			.replace(/^\s*\/\/.*$/gm, "");
		for (const re of [call, literal]) for (const m of text.matchAll(re)) used.set(m[1] as string, relative(ROOT, file));
	}
	return used;
}

describe("translations", () => {
	const files = Object.fromEntries(
		LOCALES.map(l => [l, JSON.parse(readFileSync(join(ROOT, "translations", `${l}.json`), "utf8")) as Bundle]),
	);

	it.each(LOCALES.filter(l => l !== "en"))("%s has exactly the keys of en.json", locale => {
		const en = new Set(leafKeys(files.en));
		const other = new Set(leafKeys(files[locale]));
		expect({ missing: [...en].filter(k => !other.has(k)), extra: [...other].filter(k => !en.has(k)) }).toEqual({
			missing: [],
			extra: [],
		});
	});

	it.each(LOCALES)("%s has only string leaves and the app name Zendesk requires", locale => {
		expect(leafKeys(files[locale]).filter(k => k.endsWith("<non-string>"))).toEqual([]);
		expect(typeof (files[locale]?.app as Bundle | undefined)?.name).toBe("string");
	});

	it("defines every key used in src/ in en, de and fr", () => {
		const used = usedKeys();
		expect(used.size).toBeGreaterThan(0);
		const missing = [...used].flatMap(([key, file]) =>
			LOCALES.filter(l => !createTranslator(l, { [l]: files[l] as Bundle }, { strict: false }).has(key)).map(
				l => `${l}: ${key} (${file})`,
			),
		);
		expect(missing).toEqual([]);
	});

	it("uses the same {{placeholders}} in every locale", () => {
		const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(m => m[1]).sort();
		const en = createTranslator("en", { en: files.en as Bundle }, { strict: false });
		const mismatches = leafKeys(files.en).flatMap(key =>
			LOCALES.filter(l => {
				const t = createTranslator(l, { [l]: files[l] as Bundle }, { strict: false });
				return JSON.stringify(placeholders(t.t(key, {}))) !== JSON.stringify(placeholders(en.t(key, {})));
			}).map(l => `${l}: ${key}`),
		);
		expect(mismatches).toEqual([]);
	});
});
