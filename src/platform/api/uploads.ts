/**
 * Uploads (zendesk-ticket-api.md §9). Text only: `client.request` cannot carry binary bodies
 * (zaf-protocol.md §5), so the app attaches text files (notes, CSV, JSON) and nothing else.
 * Which files are text, and their MIME types, is the caller's business (`domain/attachments.ts`).
 */
import type { ZafPort } from "../zaf/port";
import { call, pick, query } from "./http";
import { activityNormalizers } from "./activityNormalizers";
import type { Upload } from "./types";

/** Options of one upload. */
export interface UploadTextOptions {
	/** Adds the file to an existing upload instead of starting a new token. */
	token?: string;
	/** The file's MIME type, sent as Content-Type and stored by Zendesk as the attachment's `content_type`. Default `text/plain`. */
	contentType?: string;
}

/** Upload endpoints over a port. Does not check sizes or types; Zendesk answers 413/422 for oversize files. */
export function createUploadsApi(zaf: ZafPort) {
	return {
		/**
		 * `POST /api/v2/uploads.json?filename=…[&token=…]` with a text body. Pass `token` to add a file to
		 * an existing upload. The returned token goes into `comment.uploads` (single use, 60 minutes).
		 */
		async uploadText(filename: string, text: string, options: UploadTextOptions = {}): Promise<Upload> {
			const url = `/api/v2/uploads.json${query({ filename, token: options.token })}`;
			const { json, status, label } = await call(zaf, {
				url,
				type: "POST",
				contentType: options.contentType ?? "text/plain",
				data: text,
				dataType: "json",
			});
			const { normalizeUpload } = await activityNormalizers();
			return pick(json, "upload", normalizeUpload, label, status);
		},

		/** `DELETE /api/v2/uploads/{token}.json` → 204. Resolves when Zendesk accepted the delete. */
		async deleteUpload(token: string): Promise<void> {
			await call(zaf, { url: `/api/v2/uploads/${encodeURIComponent(token)}.json`, type: "DELETE" });
		},
	};
}
