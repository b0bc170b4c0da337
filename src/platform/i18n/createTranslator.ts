/** `t(key, vars)` over nested bundles: `{{name}}`, plurals by `vars.count`, fallback `pt-BR` → `pt` → `en`; `listFormat`. */
import { isRecord } from "../../shared/isRecord";

/** A parsed translations file: nested objects whose leaves are strings (or ZAF's `{title, value}`). */
export type Bundle = { [key: string]: unknown };

/** Values for `{{name}}` placeholders. */
export type TranslateVars = Record<string, string | number>;

/** Looks up user-facing text. Does not escape anything: Preact renders the result as text. */
export interface Translator {
	/** The locale asked for (e.g. `pt-BR`), not the one that matched. */
	readonly locale: string;
	t(key: string, vars?: TranslateVars): string;
	/** True when `key` resolves to text in some locale of the fallback chain. */
	has(key: string): boolean;
}

/** The last resort of every fallback chain. */
export const DEFAULT_LOCALE = "en";

/** `pt-BR` → `["pt-br", "pt", "en"]` (lower-cased, deduplicated). */
export function localeChain(locale: string): string[] {
	const normal = locale.trim().replace(/_/g, "-").toLowerCase();
	const base = normal.split("-")[0] ?? "";
	return [...new Set([normal, base, DEFAULT_LOCALE].filter(l => l !== ""))];
}

/**
 * A translator for `locale` over `bundles` (keyed by locale, any case). `strict` (default: under vitest) throws
 * on a missing key or placeholder; else a key renders as `[missing: key]` (translations.test.ts: never shipped).
 *
 * @example
 *   const { t } = createTranslator("de-AT", { en, de });
 *   t("shell.sections.people"); // "Personen"
 *   t("errors.rate_limited", { seconds: 12 });
 */
export function createTranslator(
	locale: string,
	bundles: Record<string, Bundle>,
	options: { strict?: boolean } = {},
): Translator {
	const strict = options.strict ?? isTestRun();
	const byLocale = new Map(Object.entries(bundles).map(([l, b]) => [l.toLowerCase(), b]));
	const chain = localeChain(locale)
		.map(l => byLocale.get(l))
		.filter((b): b is Bundle => b !== undefined);

	function find(key: string): unknown {
		for (const bundle of chain) {
			const node = lookup(bundle, key);
			if (node !== undefined) return node;
		}
		return undefined;
	}

	function t(key: string, vars: TranslateVars = {}): string {
		const node = find(key);
		const template = pickText(node, vars.count, locale);
		if (template === undefined) {
			if (strict) throw new Error(`Missing translation "${key}" for locale ${locale}`);
			return `[missing: ${key}]`;
		}
		return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
			const value = vars[name];
			if (value !== undefined) return String(value);
			if (strict) throw new Error(`Missing value for {{${name}}} in translation "${key}"`);
			return whole;
		});
	}

	return { locale, t, has: key => pickText(find(key), 1, locale) !== undefined };
}

/** Walks `a.b.c` through nested objects; a key may also be stored flat (`"a.b": "..."`). */
function lookup(bundle: Bundle, key: string): unknown {
	if (key in bundle) return bundle[key];
	let node: unknown = bundle;
	for (const part of key.split(".")) {
		if (typeof node !== "object" || node === null) return undefined;
		node = (node as Bundle)[part];
	}
	return node;
}

/** A string leaf, ZAF's `{value}` leaf, or a plural object `{one, other, ...}` resolved for `count`. */
function pickText(node: unknown, count: unknown, locale: string): string | undefined {
	if (typeof node === "string") return node;
	if (!isRecord(node)) return undefined;
	if (typeof node.value === "string") return node.value;
	if (typeof node.other !== "string") return undefined;
	if (typeof count !== "number") return node.other;
	const category = count === 0 && typeof node.zero === "string" ? "zero" : pluralCategory(locale, count);
	const chosen = node[category];
	return typeof chosen === "string" ? chosen : node.other;
}

function pluralCategory(locale: string, count: number): string {
	try {
		return new Intl.PluralRules(locale).select(count);
	} catch {
		return count === 1 ? "one" : "other";
	}
}

function isTestRun(): boolean {
	// `process` does not exist in the browser bundle, so production is never strict.
	return typeof process !== "undefined" && process.env?.NODE_ENV === "test";
}

/** "A, B and C" in `locale` (plain commas where `Intl.ListFormat` is missing). Never throws. */
export function listFormat(locale: string, items: readonly string[]): string {
	try {
		return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
	} catch {
		return items.join(", ");
	}
}
