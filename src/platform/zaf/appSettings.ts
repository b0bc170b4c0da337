/**
 * The app's installation settings (manifest `parameters`, read through `metadata().settings`),
 * checked and typed. ZAF hands them over as strings or booleans depending on the host, so every
 * value is parsed defensively.
 */

/** Typed installation settings. */
export interface AppSettings {
	/** `defaultMetadata`: a JSON object merged into the audit metadata of every update (`{}` when unset). */
	defaultMetadata: Record<string, unknown>;
	/** True when `defaultMetadata` was set but is not a JSON object (the admin should fix it; it is ignored). */
	defaultMetadataInvalid: boolean;
	/** `asyncFollowUps`: create follow-ups with `?async=true`. */
	asyncFollowUps: boolean;
}

/** Parses `metadata().settings`. Never throws: bad values fall back to the defaults. */
export function parseAppSettings(settings: unknown): AppSettings {
	const raw = typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>) : {};
	const metadata = parseJsonObject(raw.defaultMetadata);
	return {
		defaultMetadata: metadata ?? {},
		defaultMetadataInvalid: metadata === undefined,
		asyncFollowUps: parseCheckbox(raw.asyncFollowUps),
	};
}

/** `null`/blank → `{}`; a JSON object (or an object already) → it; anything else → undefined. */
function parseJsonObject(value: unknown): Record<string, unknown> | undefined {
	if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return {};
	let parsed: unknown = value;
	if (typeof value === "string") {
		try {
			parsed = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
		? (parsed as Record<string, unknown>)
		: undefined;
}

/** Checkbox values arrive as booleans, or as "true"/"1"/"on" strings from some hosts. */
function parseCheckbox(value: unknown): boolean {
	return (
		value === true || (typeof value === "string" && ["true", "1", "on", "yes"].includes(value.trim().toLowerCase()))
	);
}
