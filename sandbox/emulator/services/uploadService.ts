/**
 * Uploads and attachments: raw-body uploads that hand out a token, adding files to a token,
 * deleting, 60-minute expiry, and consuming tokens in comments. Sources: zendesk-ticket-api.md §9
 * [V OAS UploadFiles, OLD-DOCS attachments.md]. Knows no HTTP.
 */
import { randomBytes } from "node:crypto";
import { nextId } from "../db/db";
import type { AttachmentRecord, UploadRecord, UserRecord } from "../db/records";
import { fail, ok, type Result, type ServiceContext } from "./serviceTypes";
import { sniffContentType } from "./sniffContentType";

/** "The token is valid for 60 minutes" [V OAS]. */
export const UPLOAD_TOKEN_TTL_MS = 60 * 60 * 1000;

/** A random token like Zendesk's (`LXJdriewLBP8JrtzzkN7Ne4k6`). */
export function randomToken(length = 25): string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	return [...randomBytes(length)].map(b => alphabet[b % alphabet.length]).join("");
}

/** Width and height of a PNG or GIF as Zendesk reports them (strings), else nulls. */
function imageSize(bytes: Uint8Array): { width: string | null; height: string | null } {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
		return { width: String(view.getUint32(16)), height: String(view.getUint32(20)) };
	}
	if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
		return { width: String(view.getUint16(6, true)), height: String(view.getUint16(8, true)) };
	}
	return { width: null, height: null };
}

/** True while a token can still be used: not consumed and younger than 60 minutes. */
export function isUploadUsable(upload: UploadRecord, nowMs: number): boolean {
	return !upload.used && nowMs - upload.created_ms < UPLOAD_TOKEN_TTL_MS;
}

/** Stores an attachment and its bytes; returns the record. Used by uploads and by world builders. */
export function storeAttachment(
	ctx: ServiceContext,
	fileName: string,
	contentType: string,
	bytes: Uint8Array,
): AttachmentRecord {
	const attachment: AttachmentRecord = {
		id: nextId(ctx.db, "attachment"),
		file_name: fileName,
		content_type: contentType,
		size: bytes.byteLength,
		content_token: randomToken(),
		inline: false,
		deleted: false,
		...imageSize(bytes),
	};
	ctx.db.attachments.push(attachment);
	ctx.db.blobs[String(attachment.id)] = bytes;
	return attachment;
}

/** What `POST /uploads` received. */
export interface UploadInput {
	filename: string | undefined;
	token: string | undefined;
	contentType: string | undefined;
	bytes: Uint8Array;
}

/**
 * `POST /api/v2/uploads?filename=&token=`: stores the raw body as an attachment under a new token,
 * or adds it to an existing usable token. Refuses a missing filename (bad request), a body over
 * `maxBytes` (too large: status 413 is a sandbox choice, §9 [U]) and an unknown or expired token (not found).
 */
export function uploadFile(
	ctx: ServiceContext,
	actor: UserRecord,
	input: UploadInput,
	maxBytes: number,
): Result<UploadRecord> {
	if (!input.filename || input.filename.trim() === "") {
		return fail({ kind: "bad_request", error: "InvalidParameter", description: "filename is required" });
	}
	if (input.bytes.byteLength > maxBytes) {
		return fail({ kind: "too_large", description: `File is too large. Maximum size is ${maxBytes} bytes` });
	}
	let upload: UploadRecord | undefined;
	if (input.token) {
		upload = ctx.db.uploads.find(u => u.token === input.token);
		if (!upload || !isUploadUsable(upload, ctx.clock.now())) return fail({ kind: "not_found" });
	}
	const attachment = storeAttachment(
		ctx,
		input.filename.trim(),
		sniffContentType(input.bytes, input.filename, input.contentType),
		input.bytes,
	);
	if (!upload) {
		upload = { token: randomToken(), owner_id: actor.id, attachment_ids: [], created_ms: ctx.clock.now(), used: false };
		ctx.db.uploads.push(upload);
	}
	upload.attachment_ids.push(attachment.id);
	ctx.notify({ type: "upload", id: upload.token, actorId: actor.id });
	return ok(upload);
}

/** `DELETE /api/v2/uploads/{token}`: removes an unused upload and its files; unknown, used or expired → not found. */
export function deleteUpload(ctx: ServiceContext, actor: UserRecord, token: string): Result<void> {
	const upload = ctx.db.uploads.find(u => u.token === token);
	if (!upload || !isUploadUsable(upload, ctx.clock.now())) return fail({ kind: "not_found" });
	ctx.db.uploads = ctx.db.uploads.filter(u => u !== upload);
	for (const id of upload.attachment_ids) {
		ctx.db.attachments = ctx.db.attachments.filter(a => a.id !== id);
		delete ctx.db.blobs[String(id)];
	}
	ctx.notify({ type: "upload", id: token, actorId: actor.id });
	return ok(undefined);
}

/**
 * Consumes `comment.uploads` tokens: usable ones are marked used ("single use only" [V OLD-DOCS])
 * and their attachment ids returned; unknown, expired or used tokens are ignored silently (sandbox
 * decision, see docs/emulator.md).
 */
export function consumeUploads(ctx: ServiceContext, tokens: unknown): number[] {
	if (!Array.isArray(tokens)) return [];
	const ids: number[] = [];
	for (const token of tokens) {
		const upload = ctx.db.uploads.find(u => u.token === token);
		if (!upload || !isUploadUsable(upload, ctx.clock.now())) continue;
		upload.used = true;
		ids.push(...upload.attachment_ids);
	}
	return ids;
}

/**
 * The bytes behind a `content_url`. Unused uploads stop being served at expiry ("deleted at
 * expiry" [V HC-ATTACH]); attachments on comments stay.
 */
export function readAttachmentContent(
	ctx: ServiceContext,
	contentToken: string,
): { attachment: AttachmentRecord; bytes: Uint8Array } | undefined {
	const attachment = ctx.db.attachments.find(a => a.content_token === contentToken && !a.deleted);
	if (!attachment) return undefined;
	const upload = ctx.db.uploads.find(u => u.attachment_ids.includes(attachment.id));
	if (upload && !upload.used && !isUploadUsable(upload, ctx.clock.now())) return undefined;
	const bytes = ctx.db.blobs[String(attachment.id)];
	return bytes ? { attachment, bytes } : undefined;
}
