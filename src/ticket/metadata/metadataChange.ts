/**
 * "Metadata can only be set as part of other regular ticket updates": an update that changes
 * nothing creates no audit and saves no metadata (zendesk-ticket-api.md §5.6). So metadata alone
 * is never a change: a metadata-only save is refused here instead of silently losing it. Pure.
 */
import type { Issue } from "../../shared/issues";
import type { MetadataObject } from "./metadata";

/** Keys of a ticket update that never change the ticket by themselves. */
export const NON_CHANGE_KEYS: readonly string[] = ["metadata", "safe_update", "updated_stamp"];

/** List keys that REPLACE the ticket's list: even an empty one changes it (e.g. removing the last collaborator). */
export const REPLACING_LIST_KEYS: readonly string[] = [
	"collaborators",
	"collaborator_ids",
	"email_cc_ids",
	"follower_ids",
	"tags",
];

/**
 * True when the update carries something that can change the ticket: any key besides
 * `NON_CHANGE_KEYS` with a defined value, except empty lists of changes (`custom_fields: []`,
 * `email_ccs: []`, ...; an empty `REPLACING_LIST_KEYS` list does count) and a comment without body,
 * HTML body or uploads. Does not know the ticket, so callers must
 * only put real differences in the update (as `planFieldsSave` does).
 */
export function hasRealChange(update: Readonly<Record<string, unknown>>): boolean {
	return Object.entries(update).some(([key, value]) => {
		if (NON_CHANGE_KEYS.includes(key) || value === undefined) return false;
		if (Array.isArray(value)) return value.length > 0 || REPLACING_LIST_KEYS.includes(key);
		if (key === "comment") return isRealComment(value);
		return true;
	});
}

/** The update with `metadata` attached, or the refusal when the update changes nothing. */
export type AttachResult<T> = { ok: true; update: T & { metadata?: MetadataObject } } | { ok: false; issue: Issue };

/**
 * Attaches `metadata` (when non-empty) to a real change. Refuses with `metadata.issues.metadataOnly`
 * when metadata would be the only content. Empty or absent metadata never refuses and never adds a key.
 */
export function attachMetadata<T extends Readonly<Record<string, unknown>>>(
	update: T,
	metadata: MetadataObject | undefined,
): AttachResult<T> {
	if (!metadata || Object.keys(metadata).length === 0) return { ok: true, update };
	if (!hasRealChange(update)) return { ok: false, issue: { field: "metadata", code: "metadata.issues.metadataOnly" } };
	return { ok: true, update: { ...update, metadata } };
}

function isRealComment(value: unknown): boolean {
	if (typeof value !== "object" || value === null) return false;
	const comment = value as Record<string, unknown>;
	const text = (key: string) => typeof comment[key] === "string" && (comment[key] as string).trim() !== "";
	return text("body") || text("html_body") || (Array.isArray(comment.uploads) && comment.uploads.length > 0);
}
