/**
 * The `content_type` Zendesk stores for an upload. Zendesk sniffs the bytes: a live capture
 * (zp-upload-201) shows a README.md stored as `application/x-genesis-rom`, a magic-number match,
 * whatever the request's Content-Type said. Known signatures therefore win; for content without
 * one the rules are the sandbox's [U]: the declared type unless it claims text for binary bytes,
 * else the file extension, else `text/plain` for UTF-8 text and `application/octet-stream` otherwise.
 */

/** Magic numbers: [offset, bytes, type]. */
const SIGNATURES: Array<[offset: number, bytes: number[], type: string]> = [
	[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"],
	[0, [0xff, 0xd8, 0xff], "image/jpeg"],
	[0, [0x47, 0x49, 0x46, 0x38], "image/gif"],
	[0, [0x25, 0x50, 0x44, 0x46, 0x2d], "application/pdf"],
	[0, [0x50, 0x4b, 0x03, 0x04], "application/zip"],
	[0, [0x1f, 0x8b], "application/gzip"],
	[8, [0x57, 0x45, 0x42, 0x50], "image/webp"],
	// "SEGA" at 0x100: the Genesis ROM rule behind the captured README.md.
	[0x100, [0x53, 0x45, 0x47, 0x41], "application/x-genesis-rom"],
];

/** Extensions of the text types the app uploads (src/features/followUp/rules/attachments.ts) and a few more. */
const BY_EXTENSION: Record<string, string> = {
	txt: "text/plain",
	log: "text/plain",
	csv: "text/csv",
	tsv: "text/tab-separated-values",
	md: "text/markdown",
	json: "application/json",
	yaml: "application/yaml",
	yml: "application/yaml",
	xml: "application/xml",
	html: "text/html",
	ics: "text/calendar",
	png: "image/png",
	jpg: "image/jpeg",
	jpeg: "image/jpeg",
	gif: "image/gif",
	pdf: "application/pdf",
};

/** Content types that say nothing about the content. */
const GENERIC = new Set(["application/octet-stream", "application/binary", "application/x-www-form-urlencoded"]);

/** The stored content type for `bytes` uploaded as `fileName` with the request's `declared` Content-Type. Never throws. */
export function sniffContentType(bytes: Uint8Array, fileName: string, declared: string | undefined): string {
	for (const [offset, magic, type] of SIGNATURES) if (magic.every((b, i) => bytes[offset + i] === b)) return type;
	const text = isText(bytes);
	const declaredType = (declared ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (declaredType !== "" && !GENERIC.has(declaredType) && (text || !declaredType.startsWith("text/")))
		return declaredType;
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	const byName = extension ? BY_EXTENSION[extension] : undefined;
	if (byName && (text || !byName.startsWith("text/"))) return byName;
	return text ? "text/plain" : "application/octet-stream";
}

function isText(bytes: Uint8Array): boolean {
	if (bytes.includes(0)) return false;
	try {
		new TextDecoder("utf-8", { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}
