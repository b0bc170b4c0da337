/**
 * Byte-level checks on package files: PNG dimensions from the header, and forbidden file types
 * by extension and by magic bytes (zendesk_apps_support `mime.rb`: unsupported_mime_type_detected).
 */

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes) {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((b, k) => bytes[k] !== b)) return undefined;
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The extensions Zendesk refuses (mime.rb), with the type name used in messages. */
export const FORBIDDEN_EXTENSIONS = {
	rar: "RAR archive",
	zip: "ZIP archive",
	gz: "gzip archive",
	gzip: "gzip archive",
	tgz: "gzip archive",
	pdf: "PDF document",
	doc: "Word document",
	docx: "Word document",
	avi: "AVI video",
	bin: "binary file",
	bz: "bzip archive",
	bz2: "bzip2 archive",
	csh: "C shell script",
	sh: "shell script",
	jar: "Java archive",
	mp3: "MP3 audio",
	mpeg: "MPEG video",
	mpg: "MPEG video",
	odt: "OpenDocument text",
	pptx: "PowerPoint presentation",
	ppt: "PowerPoint presentation",
	xls: "Excel spreadsheet",
	xlsx: "Excel spreadsheet",
	"7z": "7-Zip archive",
};

const startsWith = (bytes, prefix, offset = 0) => prefix.every((b, k) => bytes[offset + k] === b);
const ascii = s => [...s].map(c => c.charCodeAt(0));

/** Magic-byte sniffers, checked in order. Office/Java/OpenDocument files are ZIPs and sniff as such. */
const SNIFFERS = [
	[
		"ZIP archive (or docx/xlsx/pptx/odt/jar)",
		b => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
	],
	["RAR archive", b => startsWith(b, ascii("Rar!\x1a\x07"))],
	["gzip archive", b => startsWith(b, [0x1f, 0x8b])],
	["bzip2 archive", b => startsWith(b, ascii("BZh"))],
	["7-Zip archive", b => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
	["PDF document", b => startsWith(b, ascii("%PDF-"))],
	["Office 97-2003 document (doc/xls/ppt)", b => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
	["AVI video", b => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("AVI "), 8)],
	["MP3 audio", b => startsWith(b, ascii("ID3")) || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && b.length > 3)],
	["MPEG video", b => startsWith(b, [0x00, 0x00, 0x01, 0xba]) || startsWith(b, [0x00, 0x00, 0x01, 0xb3])],
	[
		"shell script",
		b => /^#!\s*\/(usr\/)?bin\/(env\s+)?(ba|z|c|k|tc|da)?sh\b/.test(String.fromCharCode(...b.subarray(0, 40))),
	],
];

/**
 * Why `name`/`bytes` are forbidden, or undefined when allowed. Checks the extension and then the
 * content, so a renamed archive (`logo.png` that is really a zip) is caught too.
 */
export function forbiddenType(name, bytes) {
	const ext = /\.([^./]+)$/.exec(name.toLowerCase())?.[1];
	if (ext && FORBIDDEN_EXTENSIONS[ext]) return `${FORBIDDEN_EXTENSIONS[ext]} (.${ext})`;
	for (const [label, sniff] of SNIFFERS) if (sniff(bytes)) return `${label}, detected from its content`;
	return undefined;
}
