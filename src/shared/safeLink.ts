/**
 * The one gate for links built from data (a URL in a ticket field, an attachment's `content_url`,
 * a user's profile link): only `https:`, `http:` and `mailto:` URLs, or paths relative to the
 * page, may become an `href`. `javascript:`, `data:`, `vbscript:`, `blob:`, `file:` and anything
 * unparsable are refused, however they are spelled (case, leading spaces, tabs or newlines inside
 * the scheme, which browsers ignore). Pure; does not judge the host, and never throws.
 */

/** Schemes a link from data may use. Everything else is refused. */
export const SAFE_LINK_SCHEMES: readonly string[] = ["https:", "http:", "mailto:"];

/** Only used to resolve relative links; never appears in the result. */
const PROBE_BASE = "https://relative.invalid/";

/**
 * The link to put in an `href`, or null when it must not be a link (render the text instead).
 * Absolute URLs come back normalised by the URL parser; relative ones as given (trimmed).
 *
 * @example safeLink("javascript:alert(1)") === null; safeLink("https://example.com/a") === "https://example.com/a"
 */
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
