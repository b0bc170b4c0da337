/** Headers as the ZAF host hands them back: an object with any name casing, or a `getAllResponseHeaders()` string. */

/** Returns headers as a plain object with lower-cased names. Never throws; anything else yields `{}`. */
export function normalizeHeaders(raw: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (typeof raw === "string") {
		for (const line of raw.split(/\r?\n/)) {
			const colon = line.indexOf(":");
			if (colon <= 0) continue;
			const name = line.slice(0, colon).trim().toLowerCase();
			const value = line.slice(colon + 1).trim();
			// Repeated headers are joined the way fetch's Headers does.
			out[name] = name in out ? `${out[name]}, ${value}` : value;
		}
		return out;
	}
	if (raw && typeof raw === "object" && !Array.isArray(raw)) {
		for (const [name, value] of Object.entries(raw)) {
			if (value === undefined || value === null) continue;
			out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
		}
	}
	return out;
}

/** `Retry-After` (seconds or an HTTP date) in whole seconds, never negative; `undefined` when absent or unparseable. */
export function parseRetryAfter(headers: Record<string, string>, now: number = Date.now()): number | undefined {
	const raw = headers["retry-after"];
	if (raw === undefined || raw.trim() === "") return undefined;
	if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.ceil(Number(raw.trim()));
	const at = Date.parse(raw);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, Math.ceil((at - now) / 1000));
}
