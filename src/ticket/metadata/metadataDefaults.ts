/**
 * The admin's default audit metadata, from the app's `defaultMetadata` setting (a manifest
 * parameter holding a JSON object, e.g. `{"source":"sidebar-app"}`). Admin typos are reported,
 * never thrown: the app then attaches no defaults.
 */
import type { Issue } from "../../shared/issues";
import { isJsonValue, metadataSizeIssues, type MetadataObject } from "./metadata";

/** The parsed defaults, or `{}` with the issue that explains why they were ignored. */
export interface DefaultMetadata {
	defaults: MetadataObject;
	issues: Issue[];
}

/** Where default-metadata problems are shown (the metadata section, as a form-level notice). */
export const DEFAULTS_FIELD = "metadataDefaults";

/**
 * Parses the setting: empty/absent → no defaults; a JSON string or an already-parsed object → the
 * object. Invalid JSON (`defaultsInvalidJson`), a non-object (`defaultsNotObject`) or defaults over
 * 1024 bytes on their own (`defaultsTooLarge`) → no defaults and one issue. Never throws.
 */
export function parseDefaultMetadata(setting: unknown): DefaultMetadata {
	if (setting === undefined || setting === null) return { defaults: {}, issues: [] };
	let value: unknown = setting;
	if (typeof setting === "string") {
		if (setting.trim() === "") return { defaults: {}, issues: [] };
		try {
			value = JSON.parse(setting);
		} catch {
			return refuse("metadata.issues.defaultsInvalidJson");
		}
	}
	if (typeof value !== "object" || value === null || Array.isArray(value) || !isJsonValue(value)) {
		return refuse("metadata.issues.defaultsNotObject");
	}
	const defaults = value as MetadataObject;
	if (metadataSizeIssues(defaults).length > 0) return refuse("metadata.issues.defaultsTooLarge");
	return { defaults, issues: [] };
}

function refuse(code: string): DefaultMetadata {
	return { defaults: {}, issues: [{ field: DEFAULTS_FIELD, code }] };
}
