/** Normalizers of attachments, audits, comments, uploads and job statuses: typed value or `null`; never throws. */
import { isRecord } from "../../shared/isRecord";
import type { AuditEvent, JobState } from "./types";
import { isId } from "../../shared/ticketTypes";
import { bool, id, ids, normalizeList, normalizeVia, num, oneOf, rec, safeUrl, str } from "./normalize";

const JOB_STATES: readonly JobState[] = ["queued", "working", "completed", "failed", "killed"];

/**
 * An attachment, or null without id and file name: `file_name` (OAS), or `name` as Zendesk's older
 * examples spell it (captured gz-attachment, gz-upload), so none is lost over the spelling.
 */
export function normalizeAttachment(raw: unknown) {
	if (!isRecord(raw)) return null;
	const attachmentId = id(raw.id);
	const fileName = str(raw.file_name) ?? str(raw.name);
	if (attachmentId === null || fileName === null) return null;
	return {
		id: attachmentId,
		fileName,
		contentUrl: safeUrl(raw.content_url),
		contentType: str(raw.content_type) ?? "application/octet-stream",
		size: num(raw.size) ?? 0,
		inline: bool(raw.inline, false),
		deleted: bool(raw.deleted, false),
		malwareScanResult: str(raw.malware_scan_result),
	};
}

/** An audit event; unknown types are kept with their id and type only (plus any known keys). */
export function normalizeAuditEvent(raw: unknown): AuditEvent | null {
	if (!isRecord(raw)) return null;
	const eventId = id(raw.id);
	const type = str(raw.type);
	if (eventId === null || type === null) return null;
	const event: AuditEvent = { id: eventId, type };
	if (typeof raw.field_name === "string") event.fieldName = raw.field_name;
	if ("value" in raw) event.value = raw.value;
	if ("previous_value" in raw) event.previousValue = raw.previous_value;
	const body = str(raw.plain_body) ?? str(raw.body);
	if (body !== null) event.body = body;
	if (typeof raw.public === "boolean") event.public = raw.public;
	if (isId(raw.author_id)) event.authorId = raw.author_id;
	if (Array.isArray(raw.attachments)) event.attachments = normalizeList(raw.attachments, normalizeAttachment) ?? [];
	if (Array.isArray(raw.recipients)) event.recipients = ids(raw.recipients);
	if (Array.isArray(raw.previous_followers)) event.previousFollowers = personRefs(raw.previous_followers);
	if (Array.isArray(raw.current_followers)) event.currentFollowers = personRefs(raw.current_followers);
	if (Array.isArray(raw.previous_email_ccs)) event.previousEmailCcs = personRefs(raw.previous_email_ccs);
	if (Array.isArray(raw.current_email_ccs)) event.currentEmailCcs = personRefs(raw.current_email_ccs);
	return event;
}

/**
 * A FollowerChange/EmailCcChange's people as strings. Only the keys are documented (clients type them as
 * strings: justeat/ZendeskApiClient [F]), so an email or an id, string or number; ids become digits.
 */
function personRefs(raw: unknown[]): string[] {
	return raw.flatMap(item => (typeof item === "string" && item !== "" ? [item] : isId(item) ? [String(item)] : []));
}

/** An audit, or null without id, ticket id, created_at, author and an events array. */
export function normalizeAudit(raw: unknown) {
	if (!isRecord(raw)) return null;
	const auditId = id(raw.id);
	const ticketId = id(raw.ticket_id);
	const createdAt = str(raw.created_at);
	const authorId = num(raw.author_id);
	const events = normalizeList(raw.events, normalizeAuditEvent);
	if (auditId === null || ticketId === null || createdAt === null || authorId === null || events === null) return null;
	const metadata = rec(raw.metadata);
	return {
		id: auditId,
		ticketId,
		createdAt,
		// -1 is Zendesk's system author; keep it rather than dropping the audit.
		authorId,
		metadata: { custom: { ...rec(metadata.custom) }, system: { ...rec(metadata.system) } },
		via: normalizeVia(raw.via),
		events,
	};
}

/** A comment, or null without id, author, body and created_at. */
export function normalizeComment(raw: unknown) {
	if (!isRecord(raw)) return null;
	const commentId = id(raw.id);
	const authorId = num(raw.author_id);
	const body = str(raw.plain_body) ?? str(raw.body);
	const createdAt = str(raw.created_at);
	if (commentId === null || authorId === null || body === null || createdAt === null) return null;
	return {
		id: commentId,
		type: str(raw.type) ?? "Comment",
		authorId,
		body,
		htmlBody: str(raw.html_body),
		public: bool(raw.public, true),
		auditId: id(raw.audit_id),
		createdAt,
		attachments: normalizeList(raw.attachments, normalizeAttachment) ?? [],
	};
}

/** `{upload: {token, attachments}}`'s inner object, or null without a token. */
export function normalizeUpload(raw: unknown) {
	if (!isRecord(raw) || typeof raw.token !== "string" || raw.token === "") return null;
	const list = normalizeList(raw.attachments, normalizeAttachment);
	const single = normalizeAttachment(raw.attachment);
	return { token: raw.token, attachments: list ?? (single ? [single] : []) };
}

/** A job status, or null without a string id and a known status. Object-shaped `results` become `[]`. */
export function normalizeJobStatus(raw: unknown) {
	if (!isRecord(raw)) return null;
	const jobId = str(raw.id);
	const status = oneOf(JOB_STATES, raw.status);
	if (jobId === null || status === null) return null;
	return {
		id: jobId,
		status,
		total: num(raw.total),
		progress: num(raw.progress),
		message: str(raw.message),
		results: normalizeList(raw.results, normalizeJobResult) ?? [],
	};
}

function normalizeJobResult(raw: unknown) {
	if (!isRecord(raw)) return null;
	return {
		id: id(raw.id),
		index: num(raw.index),
		action: str(raw.action),
		success: typeof raw.success === "boolean" ? raw.success : null,
		status: str(raw.status),
		error: str(raw.error),
		details:
			typeof raw.details === "string" ? raw.details : raw.details === undefined ? null : JSON.stringify(raw.details),
	};
}
