/** The installation settings (manifest `parameters`, in `metadata().settings`), strings or booleans by host. */
import { isRecord } from "../../shared/isRecord";

/**
 * Typed installation settings: `defaultMetadata`, a JSON object merged into every update's audit metadata
 * (`{}` when unset or, with `defaultMetadataInvalid`, not an object); `asyncFollowUps` (`?async=true`).
 */
export interface AppSettings {
	defaultMetadata: Record<string, unknown>;
	defaultMetadataInvalid: boolean;
	asyncFollowUps: boolean;
}

/** Parses `metadata().settings`. Never throws: bad values fall back to the defaults. */
export function parseAppSettings(settings: unknown): AppSettings {
	const raw = isRecord(settings) ? settings : {};
	const metadata = parseJsonObject(raw.defaultMetadata);
	// Checkbox values arrive as booleans, or as "true"/"1"/"on" strings from some hosts.
	const checked = (value: unknown) =>
		value === true || (typeof value === "string" && ["true", "1", "on", "yes"].includes(value.trim().toLowerCase()));
	return {
		defaultMetadata: metadata ?? {},
		defaultMetadataInvalid: metadata === undefined,
		asyncFollowUps: checked(raw.asyncFollowUps),
	};
}

/** `null`/blank → `{}`; a JSON object (or an object already) → it; anything else → undefined. */
function parseJsonObject(value: unknown): Record<string, unknown> | undefined {
	if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return {};
	try {
		const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
		return isRecord(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}
