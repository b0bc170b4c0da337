/**
 * Custom audit metadata (zendesk-ticket-api.md §5.6): key/value rows → the JSON object Zendesk
 * receives as `ticket.metadata`, its exact size, and what is wrong with it. "Up to 1 kilobyte":
 * this app reads that as 1024 bytes of the object's UTF-8 JSON, the same rule the sandbox enforces.
 * Pure; never throws.
 */
import type { Issue } from "../../shared/issues";

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
 * Keys a JavaScript object does not keep as data: assigning `__proto__` changes the object's
 * prototype instead, so the key would vanish from the JSON while the app claims it was saved.
 * Refused with `metadata.issues.unsafeKey` rather than smuggled through every layer.
 * (`constructor` and `prototype` are ordinary own keys once assigned, and travel.)
 */
const UNSAFE_KEYS: readonly string[] = ["__proto__"];

/** Exact UTF-8 length of `text` (lone surrogates count as U+FFFD, 3 bytes, as TextEncoder would). */
export function utf8ByteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				bytes += 4;
				i++;
			} else bytes += 3;
		} else bytes += 3;
	}
	return bytes;
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
