/**
 * Reads a stored follow-up draft back. Storage is outside our control (older versions, edits,
 * truncation), so each field is checked alone and a bad one falls back to the fresh draft's value.
 */
import type { IdempotencyAttempt } from "../../../shared/idempotencyKey";
import { isRecord } from "../../../shared/isRecord";
import type { CustomFieldValue } from "../../../shared/ticketTypes";
import { TICKET_PRIORITIES, TICKET_TYPES } from "./followUpDraft";
import type { CcEntry, DraftCustomField, DraftUpload, FollowUpDraft, FollowerEntry, PendingJob } from "./followUpDraft";
import type { RequesterChoice } from "./followUpDraft";

const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
const idOrNull = (v: unknown): number | null => (isId(v) ? v : null);
const isStr = (v: unknown): v is string => typeof v === "string";
const isNum = (v: unknown): v is number => typeof v === "number";
const str = (v: unknown, fallback = ""): string => (isStr(v) ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
const oneOf = <T>(v: unknown, allowed: readonly T[], fallback: T): T =>
	allowed.includes(v as T) ? (v as T) : fallback;

function requester(v: unknown): RequesterChoice | undefined {
	if (!isRecord(v)) return undefined;
	if (v.kind === "same") return { kind: "same" };
	if (v.kind === "existing") return { kind: "existing", userId: idOrNull(v.userId), label: str(v.label) };
	if (v.kind === "new") return { kind: "new", name: str(v.name), email: str(v.email), localeId: idOrNull(v.localeId) };
	return undefined;
}

function cc(v: unknown): CcEntry | undefined {
	if (!isRecord(v)) return undefined;
	if (v.kind === "user" && isId(v.userId)) return { kind: "user", userId: v.userId, label: str(v.label) };
	if (v.kind === "email" && isStr(v.email)) return { kind: "email", email: v.email, name: str(v.name) };
	return undefined;
}

const follower = (v: unknown): FollowerEntry | undefined =>
	isRecord(v) && isId(v.userId) ? { userId: v.userId, label: str(v.label) } : undefined;

function fieldValue(v: unknown): CustomFieldValue | undefined {
	if (v === null || isStr(v) || typeof v === "boolean" || (isNum(v) && Number.isFinite(v))) return v;
	if (Array.isArray(v) && v.every(isStr)) return [...v];
	return undefined;
}

function customField(v: unknown): DraftCustomField | undefined {
	if (!isRecord(v) || !isId(v.id)) return undefined;
	const value = fieldValue(v.value);
	return value === undefined ? undefined : { id: v.id, value, include: v.include !== false };
}

function upload(v: unknown): DraftUpload | undefined {
	if (!isRecord(v) || !isStr(v.localId) || !isStr(v.name) || !isNum(v.size) || !isNum(v.uploadedAt)) return undefined;
	return {
		localId: v.localId,
		name: v.name,
		size: v.size,
		contentType: str(v.contentType, "text/plain"),
		attachmentId: idOrNull(v.attachmentId),
		uploadedAt: v.uploadedAt,
	};
}

const attempt = (v: unknown): IdempotencyAttempt | null =>
	isRecord(v) && isStr(v.key) && v.key !== "" && isStr(v.fingerprint)
		? { key: v.key, fingerprint: v.fingerprint }
		: null;

const pendingJob = (v: unknown): PendingJob | null =>
	isRecord(v) && isStr(v.jobId) && v.jobId !== "" && isNum(v.queuedAt)
		? { jobId: v.jobId, ticketId: idOrNull(v.ticketId), queuedAt: v.queuedAt }
		: null;

const list = <T>(v: unknown, item: (x: unknown) => T | undefined, fallback: T[]): T[] =>
	Array.isArray(v) ? v.map(item).filter((x): x is T => x !== undefined) : fallback;

/** Merges a stored value over `fresh` (`createFollowUpDraft` for the same source); `fresh` if it is no draft of it. Never throws. */
export function parseFollowUpDraft(stored: unknown, fresh: FollowUpDraft): FollowUpDraft {
	if (!isRecord(stored) || stored.sourceId !== fresh.sourceId) return fresh;
	const s = stored;
	const token = isStr(s.uploadToken) && s.uploadToken !== "" ? s.uploadToken : null;
	return {
		version: fresh.version,
		sourceId: fresh.sourceId,
		mode: s.mode === "followUp" || s.mode === "linked" ? s.mode : fresh.mode,
		subject: str(s.subject, fresh.subject),
		comment: str(s.comment, fresh.comment),
		isPublic: bool(s.isPublic, fresh.isPublic),
		requester: requester(s.requester) ?? fresh.requester,
		priority: oneOf(s.priority, ["", ...TICKET_PRIORITIES], fresh.priority),
		type: oneOf(s.type, ["", ...TICKET_TYPES], fresh.type),
		tagsText: str(s.tagsText, fresh.tagsText),
		copyGroupAndAssignee: bool(s.copyGroupAndAssignee, fresh.copyGroupAndAssignee),
		emailCcs: list(s.emailCcs, cc, fresh.emailCcs),
		followers: list(s.followers, follower, fresh.followers),
		customFields: list(s.customFields, customField, fresh.customFields),
		uploadToken: token,
		uploads: token === null ? [] : list(s.uploads, upload, []),
		createAsync: bool(s.createAsync, fresh.createAsync),
		attempt: attempt(s.attempt),
		pendingJob: pendingJob(s.pendingJob),
	};
}
