/**
 * Users' profile photos. Zendesk's `photo` is null or an attachment object whose `content_url`
 * serves the image (captured gz-user-me, gz-users: `/system/photos/...`, width/height as numbers,
 * `thumbnails`). Seeded users with `photo_id` get a 1×1 PNG served at `/system/photos/{user id}/…`,
 * without credentials like attachment content (docs/emulator.md).
 */
import type { Db } from "../db/db";
import type { UserRecord } from "../db/records";
import type { EmulatorResponse } from "../types";

/** A 1×1 transparent PNG: every sandbox profile photo. */
export const PROFILE_PNG = Uint8Array.from(
	Buffer.from(
		"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
		"base64",
	),
);

const fileName = (u: UserRecord) => `profile_image_${u.id}.png`;

/** The user's `photo`: null without one, else the attachment-shaped object. */
export function photoJson(u: UserRecord, base: string): Record<string, unknown> | null {
	if (u.photo_id === undefined || u.photo_id === null) return null;
	const content = `${base}/system/photos/${u.id}/${fileName(u)}`;
	return {
		url: `${base}/api/v2/attachments/${u.photo_id}.json`,
		id: u.photo_id,
		file_name: fileName(u),
		content_url: content,
		mapped_content_url: content,
		content_type: "image/png",
		size: PROFILE_PNG.byteLength,
		width: 1,
		height: 1,
		inline: false,
		deleted: false,
		thumbnails: [],
	};
}

/** Answers `GET /system/photos/{user id}/{file}` with the PNG, or undefined when there is no such photo. */
export function photoContent(db: Db, path: string): EmulatorResponse | undefined {
	const match = /^\/system\/photos\/(\d+)\/([^/]+)$/.exec(path);
	const user = match ? db.users.find(u => u.id === Number(match[1])) : undefined;
	if (!user || user.photo_id === undefined || user.photo_id === null || match?.[2] !== fileName(user)) return undefined;
	return {
		status: 200,
		headers: { "content-type": "image/png", "content-length": String(PROFILE_PNG.byteLength) },
		body: PROFILE_PNG,
	};
}
