/**
 * Which files the sidebar can attach: `client.request` JSON-serialises its options (a Blob arrives
 * as `{}`; `zaf-protocol.md` §5), so only UTF-8 text travels. A text extension AND text content.
 */

/** Extensions we accept, with the Content-Type sent to `/api/v2/uploads` (Zendesk wants the real type). */
export const TEXT_ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
	txt: "text/plain",
	log: "text/plain",
	csv: "text/csv",
	tsv: "text/tab-separated-values",
	json: "application/json",
	md: "text/markdown",
	xml: "application/xml",
	html: "text/html",
	htm: "text/html",
	eml: "message/rfc822",
	yaml: "application/yaml",
	yml: "application/yaml",
	ics: "text/calendar",
	vcf: "text/vcard",
};

/** Per-file cap: Zendesk allows 50 MB, but our body crosses postMessage as one JSON string, re-encoded by the host. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Files per follow-up; our own cap to keep the form and the single upload token manageable. */
export const MAX_ATTACHMENTS = 10;

/** Why a file is refused before any upload. */
export type AttachmentProblem =
	| "empty_name" // no usable file name
	| "unsupported_type" // extension not in TEXT_ATTACHMENT_TYPES (images, PDFs, archives...)
	| "too_large"
	| "empty_file"
	| "binary_content"; // NUL bytes or invalid UTF-8 despite a text extension

/** The lower-cased extension without the dot, or `""` when there is none. */
export function fileExtension(name: string): string {
	const base = name.trim().split(/[\\/]/).pop() ?? "";
	const dot = base.lastIndexOf(".");
	return dot <= 0 || dot === base.length - 1 ? "" : base.slice(dot + 1).toLowerCase();
}

/** Longest file name sent: the limit of common file systems, where a downloaded attachment ends up. */
const MAX_FILE_NAME_LENGTH = 255;

// C0 controls, DEL, C1 controls and format characters (bidi overrides, zero-width): never part of a name.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\p{Cf}]/gu;

/**
 * The name to upload a picked file under: its base name without invisible characters, `<>:"|?*`
 * (which Windows refuses on download) as `_`, no leading dots nor trailing dots and spaces, at most
 * `MAX_FILE_NAME_LENGTH` characters with its extension kept. `""` when nothing usable is left.
 */
export function safeAttachmentName(name: string): string {
	const base = name.replace(INVISIBLE, "").split(/[\\/]/).pop() ?? "";
	const clean = base
		.replace(/[<>:"|?*]/g, "_")
		.trim()
		.replace(/^\.+/, "")
		.replace(/[. ]+$/, "");
	const chars = Array.from(clean);
	if (chars.length <= MAX_FILE_NAME_LENGTH) return clean;
	// Only a short extension is worth keeping (every accepted one is); a long "extension" is just more name.
	const extension = fileExtension(clean).length <= 16 ? fileExtension(clean) : "";
	const keep = extension === "" ? MAX_FILE_NAME_LENGTH : MAX_FILE_NAME_LENGTH - extension.length - 1;
	return chars.slice(0, keep).join("") + (extension === "" ? "" : `.${extension}`);
}

/** `name` with its invisible characters shown as `�`, so a message can quote what was picked. */
export function visibleFileName(name: string): string {
	return name.replace(INVISIBLE, "\ufffd");
}

/** The Content-Type for an accepted file name; `null` when the extension is not a text type. */
export function textContentType(name: string): string | null {
	return TEXT_ATTACHMENT_TYPES[fileExtension(name)] ?? null;
}

/** Checks name and size only (cheap, before reading the file). Does not look at content. */
export function attachmentMetaProblem(name: string, size: number): AttachmentProblem | null {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
	if (name.trim() === "" || /[\u0000-\u001f]/.test(name)) return "empty_name";
	if (textContentType(name) === null) return "unsupported_type";
	if (size > MAX_ATTACHMENT_BYTES) return "too_large";
	if (size === 0) return "empty_file";
	return null;
}

/** The outcome of reading a file's bytes: its text, or why it is refused. */
export type DecodedAttachment = { ok: true; text: string } | { ok: false; problem: AttachmentProblem };

/**
 * Decodes the bytes as strict UTF-8 (a leading BOM left out), refusing NUL bytes (a binary file's
 * sign) and invalid sequences, which the host would mangle silently. Does not check the extension.
 */
export function decodeTextAttachment(bytes: Uint8Array): DecodedAttachment {
	if (bytes.length === 0) return { ok: false, problem: "empty_file" };
	if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "too_large" };
	if (bytes.includes(0)) return { ok: false, problem: "binary_content" };
	try {
		const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
		return { ok: true, text };
	} catch {
		return { ok: false, problem: "binary_content" };
	}
}

/** Translation key per refusal (total). */
export const ATTACHMENT_PROBLEM_CODES: Readonly<Record<AttachmentProblem, string>> = {
	empty_name: "followUp.attachments.problemName",
	unsupported_type: "followUp.attachments.problemBinary",
	too_large: "followUp.attachments.problemTooLarge",
	empty_file: "followUp.attachments.problemEmpty",
	binary_content: "followUp.attachments.problemBinary",
};

/** Human size ("512 B", "3.4 KB", "5.0 MB"), locale-neutral digits. For messages only. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
