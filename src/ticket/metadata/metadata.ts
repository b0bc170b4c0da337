/**
 * Custom audit metadata (zendesk-ticket-api.md §5.6), pure and never throwing: key/value rows → the
 * JSON object sent as `ticket.metadata`, its exact size, what is wrong with it, the admin's defaults,
 * and attaching it to an update. "Up to 1 kilobyte" is read as 1024 bytes of the object's UTF-8
 * JSON, as the sandbox enforces.
 */
import type { Issue } from "../../shared/issues";
import { isRecord } from "../../shared/isRecord";

/** Any JSON value (admin defaults may nest; editor values are strings). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The object sent as `ticket.metadata` and shown as `audit.metadata.custom`. */
export type MetadataObject = Record<string, JsonValue>;

/** One editor row. `key` is `unknown` because programmatic callers may hand over anything. */
export interface MetadataRow {
	key: unknown;
	value: unknown;
}

/** "1 KB means 1024 bytes of the metadata's UTF-8 JSON" (brief; sandbox `MAX_METADATA_BYTES`). */
export const METADATA_MAX_BYTES = 1024;

/**
 * Assigning `__proto__` changes an object's prototype, so the key would vanish from the JSON while
 * the app claims it was saved: refused (`metadata.issues.unsafeKey`). `constructor` and
 * `prototype` are ordinary own keys once assigned, and travel.
 */
const UNSAFE_KEYS: readonly string[] = ["__proto__"];

const encoder = new TextEncoder();

/** Exact UTF-8 length of `text` (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
	return encoder.encode(text).length;
}

/** Bytes of `JSON.stringify(metadata)` in UTF-8: exactly what Zendesk receives inside the request body. */
export function metadataByteLength(metadata: MetadataObject): number {
	return utf8ByteLength(JSON.stringify(metadata));
}

/** True for a row the agent left completely blank (ignored, never an error). */
export function isBlankRow(row: MetadataRow): boolean {
	return (
		(typeof row.key === "string" ? row.key.trim() === "" : row.key === undefined || row.key === null) &&
		(typeof row.value === "string" ? row.value === "" : row.value === undefined || row.value === null)
	);
}

/**
 * The object for valid rows: keys trimmed, values kept as typed, blank rows skipped, first of
 * duplicate keys kept, rows with non-string, empty or unsafe keys and non-JSON values left out. Use
 * `validateMetadataRows` to tell the agent about the rows left out.
 */
export function rowsToMetadata(rows: readonly MetadataRow[]): MetadataObject {
	const out: MetadataObject = {};
	for (const row of rows) {
		if (typeof row.key !== "string" || row.key.trim() === "" || !isJsonValue(row.value)) continue;
		const key = row.key.trim();
		if (UNSAFE_KEYS.includes(key)) continue;
		if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = row.value;
	}
	return out;
}

/**
 * Everything wrong with the rows, on the row it concerns (`metadata.<index>.key` / `.value`):
 * non-string key, empty key, `__proto__` (see `UNSAFE_KEYS`), duplicate key (after trimming; the
 * later row), a key the admin defaults already set, a value that is not JSON. Size is checked by `metadataSizeIssues`.
 */
export function validateMetadataRows(rows: readonly MetadataRow[], defaults: MetadataObject = {}): Issue[] {
	const issues: Issue[] = [];
	const seen = new Set<string>();
	rows.forEach((row, index) => {
		if (isBlankRow(row)) return;
		const field = `metadata.${index}.key`;
		if (typeof row.key !== "string") {
			issues.push({ field, code: "metadata.issues.nonStringKey" });
		} else if (row.key.trim() === "") {
			issues.push({ field, code: "metadata.issues.emptyKey" });
		} else {
			const key = row.key.trim();
			if (UNSAFE_KEYS.includes(key)) issues.push({ field, code: "metadata.issues.unsafeKey", vars: { key } });
			else if (seen.has(key)) issues.push({ field, code: "metadata.issues.duplicateKey", vars: { key } });
			else if (Object.prototype.hasOwnProperty.call(defaults, key)) {
				issues.push({ field, code: "metadata.issues.reservedKey", vars: { key } });
			}
			seen.add(key);
		}
		if (!isJsonValue(row.value))
			issues.push({ field: `metadata.${index}.value`, code: "metadata.issues.invalidValue" });
	});
	return issues;
}

/** `metadata.issues.tooLarge` ({{bytes}}, {{max}}) on `metadata` when the object exceeds 1024 bytes; else nothing. */
export function metadataSizeIssues(metadata: MetadataObject): Issue[] {
	const bytes = metadataByteLength(metadata);
	if (bytes <= METADATA_MAX_BYTES) return [];
	return [{ field: "metadata", code: "metadata.issues.tooLarge", vars: { bytes, max: METADATA_MAX_BYTES } }];
}

/**
 * Admin defaults first, then the agent's keys. A key in both keeps the admin's value (defaults are
 * for reporting and must not be overridden; `validateMetadataRows` flags the clash). Does not validate.
 */
export function mergeMetadata(defaults: MetadataObject, agent: MetadataObject): MetadataObject {
	const merged: MetadataObject = { ...defaults };
	for (const [key, value] of Object.entries(agent)) {
		if (!Object.prototype.hasOwnProperty.call(merged, key)) merged[key] = value;
	}
	return merged;
}

/** True for a value `JSON.stringify` keeps as is: no functions, `undefined`, non-finite numbers or cycles. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
	if (depth > 32) return false;
	if (value === null || typeof value === "string" || typeof value === "boolean") return true;
	if (typeof value === "number") return Number.isFinite(value);
	if (Array.isArray(value)) return value.every(item => isJsonValue(item, depth + 1));
	if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.values(value as Record<string, unknown>).every(item => isJsonValue(item, depth + 1));
	}
	return false;
}

/** Keys of a ticket update that never change the ticket by themselves. */
const NON_CHANGE_KEYS: readonly string[] = ["metadata", "safe_update", "updated_stamp"];

/** List keys that REPLACE the ticket's list: even an empty one changes it (e.g. removing the last collaborator). */
const REPLACING_LIST_KEYS: readonly string[] = [
	"collaborators",
	"collaborator_ids",
	"email_cc_ids",
	"follower_ids",
	"tags",
];

/**
 * True when the update can change the ticket: a key besides `NON_CHANGE_KEYS` with a defined value,
 * except empty lists of changes (`custom_fields: []`; an empty `REPLACING_LIST_KEYS` list counts)
 * and a comment without body, HTML body or uploads. Callers put only real differences in the update.
 */
export function hasRealChange(update: Readonly<Record<string, unknown>>): boolean {
	return Object.entries(update).some(([key, value]) => {
		if (NON_CHANGE_KEYS.includes(key) || value === undefined) return false;
		if (Array.isArray(value)) return value.length > 0 || REPLACING_LIST_KEYS.includes(key);
		if (key === "comment") return isRealComment(value);
		return true;
	});
}

/**
 * Attaches `metadata` (when non-empty) to a real change. "Metadata can only be set as part of other
 * regular ticket updates" (§5.6): metadata alone is refused (`metadata.issues.metadataOnly`) rather
 * than silently lost. Empty or absent metadata never refuses and never adds a key.
 */
export function attachMetadata<T extends Readonly<Record<string, unknown>>>(
	update: T,
	metadata: MetadataObject | undefined,
): { ok: true; update: T & { metadata?: MetadataObject } } | { ok: false; issue: Issue } {
	if (!metadata || Object.keys(metadata).length === 0) return { ok: true, update };
	if (!hasRealChange(update)) return { ok: false, issue: { field: "metadata", code: "metadata.issues.metadataOnly" } };
	return { ok: true, update: { ...update, metadata } };
}

function isRealComment(comment: unknown): boolean {
	if (!isRecord(comment)) return false;
	const text = (key: string) => typeof comment[key] === "string" && (comment[key] as string).trim() !== "";
	return text("body") || text("html_body") || (Array.isArray(comment.uploads) && comment.uploads.length > 0);
}

/** Where problems with the admin's default metadata are shown (a form-level notice). */
export const DEFAULTS_FIELD = "metadataDefaults";

/**
 * The admin's `defaultMetadata` setting (JSON text or an already-parsed object): empty/absent → no
 * defaults. Invalid JSON (`defaultsInvalidJson`), a non-object (`defaultsNotObject`) or defaults
 * over 1024 bytes (`defaultsTooLarge`) → no defaults and one issue. Never throws.
 */
export function parseDefaultMetadata(setting: unknown): { defaults: MetadataObject; issues: Issue[] } {
	const refuse = (code: string) => ({ defaults: {}, issues: [{ field: DEFAULTS_FIELD, code }] });
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
