import { describe, expect, it } from "vitest";
import { createTranslator, localeChain } from "./createTranslator";

const bundles = {
	en: {
		shell: {
			hello: "Hello {{name}}",
			only: "English only",
			count: { one: "{{count}} item", other: "{{count}} items" },
		},
		flat: { value: "ZAF leaf" },
	},
	pt: { shell: { hello: "Olá {{name}}" } },
	"pt-BR": { shell: { hello: "Oi {{name}}" } },
	de: { shell: { count: { one: "{{count}} Eintrag", other: "{{count}} Einträge" } } },
};

describe("localeChain", () => {
	const cases: Array<[string, string[]]> = [
		["pt-BR", ["pt-br", "pt", "en"]],
		["pt_BR", ["pt-br", "pt", "en"]],
		["de", ["de", "en"]],
		["en-US", ["en-us", "en"]],
		["", ["en"]],
	];
	it.each(cases)("falls back from %j through %j", (locale, chain) => {
		expect(localeChain(locale)).toEqual(chain);
	});
});

describe("createTranslator", () => {
	const cases: Array<[locale: string, key: string, vars: Record<string, string | number>, expected: string]> = [
		["pt-BR", "shell.hello", { name: "Ana" }, "Oi Ana"],
		["pt-PT", "shell.hello", { name: "Ana" }, "Olá Ana"],
		["fr", "shell.hello", { name: "Ana" }, "Hello Ana"],
		["pt-BR", "shell.only", {}, "English only"],
		["en", "shell.count", { count: 1 }, "1 item"],
		["en", "shell.count", { count: 3 }, "3 items"],
		["de", "shell.count", { count: 1 }, "1 Eintrag"],
		["en", "flat", {}, "ZAF leaf"],
	];
	it.each(cases)("translates %s %s %j as %j", (locale, key, vars, expected) => {
		expect(createTranslator(locale, bundles, { strict: true }).t(key, vars)).toBe(expected);
	});

	it("throws on a missing key when strict (the default under vitest)", () => {
		const { t } = createTranslator("en", bundles);
		expect(() => t("shell.nope")).toThrow('Missing translation "shell.nope" for locale en');
	});

	it("throws on a namespace used as a key when strict", () => {
		expect(() => createTranslator("en", bundles).t("shell")).toThrow(/Missing translation/);
	});

	it("throws on a missing placeholder value when strict", () => {
		expect(() => createTranslator("en", bundles).t("shell.hello")).toThrow("Missing value for {{name}}");
	});

	it("renders a visible marker instead of throwing when not strict", () => {
		const { t } = createTranslator("en", bundles, { strict: false });
		expect(t("shell.nope")).toBe("[missing: shell.nope]");
		expect(t("shell.hello")).toBe("Hello {{name}}");
	});

	it("reports which keys exist", () => {
		const translator = createTranslator("pt-BR", bundles);
		expect(translator.has("shell.only")).toBe(true);
		expect(translator.has("shell.nope")).toBe(false);
		expect(translator.locale).toBe("pt-BR");
	});

	it("does not interpret vars as templates", () => {
		expect(createTranslator("en", bundles).t("shell.hello", { name: "{{name}} <b>" })).toBe("Hello {{name}} <b>");
	});
});
