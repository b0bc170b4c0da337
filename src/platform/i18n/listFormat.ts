/** Joins a few names as the agent's language does ("A, B and C"). */

/** "A, B and C" in `locale` (plain commas where `Intl.ListFormat` is missing). Never throws. */
export function listFormat(locale: string, items: readonly string[]): string {
	try {
		return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
	} catch {
		return items.join(", ");
	}
}
