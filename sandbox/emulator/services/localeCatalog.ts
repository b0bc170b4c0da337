/**
 * The translation locales the emulator knows, with Zendesk's ids (en-US 1, es 2, de 8, fr 16,
 * pt-BR 19, ja 67, nl 9 — the ids seen in Zendesk's own docs and exports). `GET /api/v2/locales`
 * lists those enabled by the account setting `localization.locale_ids` (OAS ListLocales:
 * "Lists the translation locales available for the account"; allowed for anyone [V OAS]).
 */

/** One locale as the catalog holds it. */
export interface LocaleEntry {
	id: number;
	locale: string;
	name: string;
}

/** Every locale the emulator can enable. */
export const LOCALE_CATALOG: readonly LocaleEntry[] = [
	{ id: 1, locale: "en-US", name: "English" },
	{ id: 2, locale: "es", name: "Español" },
	{ id: 8, locale: "de", name: "Deutsch" },
	{ id: 9, locale: "nl", name: "Nederlands" },
	{ id: 16, locale: "fr", name: "Français" },
	{ id: 19, locale: "pt-BR", name: "Português (Brasil)" },
	{ id: 67, locale: "ja", name: "日本語" },
];

/** Timestamps of the catalog (fixed: locales are not created in the sandbox). */
const CATALOG_STAMP = "2009-07-20T22:55:29Z";

/** The locales enabled for the account, in the order of `locale_ids`, as `LocaleObject`s. Unknown ids are skipped. */
export function listLocales(localeIds: readonly number[], base: string): Record<string, unknown>[] {
	return localeIds.flatMap(id => {
		const entry = LOCALE_CATALOG.find(l => l.id === id);
		return entry ? [localeJson(entry, base)] : [];
	});
}

/** The locale by id or locale code (`/api/v2/locales/de`), or undefined. */
export function findLocale(key: string): LocaleEntry | undefined {
	return LOCALE_CATALOG.find(l => String(l.id) === key || l.locale.toLowerCase() === key.toLowerCase());
}

/** A catalog entry in Zendesk's LocaleObject shape. */
export function localeJson(entry: LocaleEntry, base: string): Record<string, unknown> {
	return {
		id: entry.id,
		locale: entry.locale,
		name: entry.name,
		url: `${base}/api/v2/locales/${entry.locale}.json`,
		created_at: CATALOG_STAMP,
		updated_at: CATALOG_STAMP,
	};
}
