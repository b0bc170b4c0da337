/**
 * Uploads (zendesk-ticket-api.md §9). Text only: `client.request` cannot carry binary bodies
 * (zaf-protocol.md §5), so the app attaches text files (notes, CSV, JSON) and nothing else.
 */
import type { ZafPort } from "../zaf/port";
import { call, pick, query } from "./http";
import { normalizeUpload } from "./normalize";
import type { Upload } from "./types";

/** MIME types by extension for the text files we upload; anything else is sent as text/plain. */
const TEXT_TYPES: Record<string, string> = {
	txt: "text/plain",
	log: "text/plain",
	md: "text/markdown",
	csv: "text/csv",
	json: "application/json",
	xml: "application/xml",
	html: "text/html",
};

/** The MIME type for a text file name (Zendesk wants the extension to match the content). */
export function textContentType(filename: string): string {
	const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
	return TEXT_TYPES[ext] ?? "text/plain";
}

/** Upload endpoints over a port. Does not check sizes; Zendesk answers 413/422 for oversize files. */
export function createUploadsApi(zaf: ZafPort) {
	return {
		/**
		 * `POST /api/v2/uploads.json?filename=…[&token=…]` with a text body. Pass `token` to add a file to
		 * an existing upload. The returned token goes into `comment.uploads` (single use, 60 minutes).
		 */
		async uploadText(filename: string, text: string, options: { token?: string } = {}): Promise<Upload> {
			const url = `/api/v2/uploads.json${query({ filename, token: options.token })}`;
			const { json, status, label } = await call(zaf, {
				url,
				type: "POST",
				contentType: textContentType(filename),
				data: text,
				dataType: "json",
			});
			return pick(json, "upload", normalizeUpload, label, status);
		},

		/** `DELETE /api/v2/uploads/{token}.json` → 204. Resolves when Zendesk accepted the delete. */
		async deleteUpload(token: string): Promise<void> {
			await call(zaf, { url: `/api/v2/uploads/${encodeURIComponent(token)}.json`, type: "DELETE" });
		},
	};
}
