/** True for a plain JSON object (not null, not an array): how untrusted answers and stored drafts are checked. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
