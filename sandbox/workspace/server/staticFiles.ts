/**
 * Tiny static-file helpers for the sandbox servers (node:http): content types and a safe path
 * join that refuses to leave its root. Not a general web server.
 */
import { existsSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json; charset=utf-8",
	".png": "image/png",
	".svg": "image/svg+xml",
	".map": "application/json; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
	".woff2": "font/woff2",
};

/** The content type for a file name (octet-stream when unknown). */
export function contentType(path: string): string {
	return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** `root` + the URL path, or undefined when it escapes `root` or is not a file. */
export function fileUnder(root: string, urlPath: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return undefined;
	}
	const base = resolve(root);
	const full = resolve(base, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
	if (full !== base && !full.startsWith(base + sep)) return undefined;
	return existsSync(full) && statSync(full).isFile() ? full : undefined;
}
