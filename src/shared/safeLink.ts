/**
 * The one gate for links built from data: only `https:`, `http:`, `mailto:` or relative paths become an `href`;
 * `javascript:`, `data:`, ... are refused however spelled (case, spaces, tabs, newlines). Does not judge the host.
 */
const SAFE_LINK_SCHEMES: readonly string[] = ["https:", "http:", "mailto:"];

/** Only used to resolve relative links; never appears in the result. */
const PROBE_BASE = "https://relative.invalid/";

/** The `href` for `raw` (absolute URLs normalised, relative ones trimmed), or null: render the text instead. */
export function safeLink(raw: unknown): string | null {
	if (typeof raw !== "string") return null;
	const text = raw.trim();
	if (text === "") return null;
	let url: URL;
	try {
		url = new URL(text, PROBE_BASE);
	} catch {
		return null;
	}
	if (!SAFE_LINK_SCHEMES.includes(url.protocol)) return null;
	// Relative (no scheme, no host of its own): keep it relative to the page.
	if (url.origin === new URL(PROBE_BASE).origin) return text;
	return url.href;
}
