/** English is bundled (every chain's fallback); other locales, copied by build.mjs to `assets/i18n/`, load when needed. */
import en from "../../../translations/en.json";
import { isRecord } from "../../shared/isRecord";
import { DEFAULT_LOCALE, localeChain, type Bundle } from "./createTranslator";

/** The bundled English strings. */
export const EN_BUNDLE: Bundle = en;

/** Locales with a translations/<locale>.json file (kept in sync by i18n tests). */
export const SHIPPED_LOCALES = ["en", "de", "fr"] as const;

/** Fetches one locale's UI strings, or resolves undefined when it cannot (never rejects). */
export type LocaleLoader = (locale: string) => Promise<Bundle | undefined>;

/** Loads `assets/i18n/<locale>.json` relative to the page (iframe.html lives in assets/). */
export const fetchLocaleBundle: LocaleLoader = async locale => {
	try {
		const response = await fetch(`i18n/${encodeURIComponent(locale)}.json`);
		if (!response.ok) return undefined;
		const data: unknown = await response.json();
		return isRecord(data) ? data : undefined;
	} catch {
		return undefined;
	}
};

/** English plus every shipped locale of `locale`'s chain (`de-AT` → `de`); one that fails to load is left out. */
export async function loadBundles(locale: string, load: LocaleLoader | undefined): Promise<Record<string, Bundle>> {
	const bundles: Record<string, Bundle> = { [DEFAULT_LOCALE]: EN_BUNDLE };
	const wanted = localeChain(locale).filter(
		l => l !== DEFAULT_LOCALE && (SHIPPED_LOCALES as readonly string[]).includes(l),
	);
	if (!load) return bundles;
	const loaded = await Promise.all(wanted.map(async l => [l, await load(l)] as const));
	for (const [l, bundle] of loaded) if (bundle) bundles[l] = bundle;
	return bundles;
}
