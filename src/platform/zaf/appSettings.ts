/**
 * The app's installation settings (manifest `parameters`, read through `metadata().settings`),
 * checked and typed. ZAF hands them over as strings or booleans depending on the host.
 */
import { isRecord } from "../../shared/isRecord";

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
