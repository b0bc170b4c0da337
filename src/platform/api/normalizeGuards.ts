/**
 * Small readers shared by the normalizers: each takes `unknown` and returns a typed value or a
 * fallback. Never throws.
 */
import type { CustomFieldValue, Id, JobState, TicketPriority, TicketStatus, TicketType, UserRole } from "./types";
import { isRecord } from "../../shared/isRecord";

export type Rec = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export { isRecord };

/** True for a Zendesk id: a positive safe integer. */
export function isId(value: unknown): value is Id {
	return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

export const STATUSES: readonly TicketStatus[] = ["new", "open", "pending", "hold", "solved", "closed"];
export const PRIORITIES: readonly TicketPriority[] = ["urgent", "high", "normal", "low"];
export const TYPES: readonly TicketType[] = ["problem", "incident", "question", "task"];
export const ROLES: readonly UserRole[] = ["end-user", "agent", "admin"];
export const JOB_STATES: readonly JobState[] = ["queued", "working", "completed", "failed", "killed"];

export const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
	typeof v === "string" && (list as readonly string[]).includes(v) ? (v as T) : null;
export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
export const id = (v: unknown): Id | null => (isId(v) ? v : null);
export const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
export const ids = (v: unknown): Id[] => (Array.isArray(v) ? v.filter(isId) : []);
export const strings = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
export const rec = (v: unknown): Rec => (isRecord(v) ? v : {});

/** Maps each item with `fn`, dropping items that do not match. `null` when `raw` is not an array. */
export function normalizeList<T>(raw: unknown, fn: (item: unknown) => T | null): T[] | null {
	if (!Array.isArray(raw)) return null;
	return raw.map(fn).filter((x): x is T => x !== null);
}

/** A custom field value: string, number, boolean, string[] or null; anything else is not a value. */
export function isCustomFieldValue(v: unknown): v is CustomFieldValue {
	return (
		v === null ||
		typeof v === "string" ||
		typeof v === "boolean" ||
		(typeof v === "number" && Number.isFinite(v)) ||
		(Array.isArray(v) && v.every(s => typeof s === "string"))
	);
}

/** An http(s) URL, or null (rejects `javascript:` and anything else we would not link to). */
export function safeUrl(raw: unknown): string | null {
	return typeof raw === "string" && /^https?:\/\//i.test(raw) ? raw : null;
}

/** An https URL, or null: for images the sidebar may load (a user's photo), where http would be mixed content. */
export function httpsUrl(raw: unknown): string | null {
	return typeof raw === "string" && /^https:\/\/[^\s/]/i.test(raw) ? raw : null;
}
