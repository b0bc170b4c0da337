/**
 * Builds the comment of a ticket write from `ticket.comment`: body or html_body, privacy, author
 * and upload tokens. Sources: zendesk-ticket-api.md §4, §4.5, §9 [V]. Knows no HTTP.
 */
import { findUser } from "../db/db";
import type { UserRecord } from "../db/records";
import { isLightAgent, isObject, type Issue, type ServiceContext } from "./serviceTypes";
import { consumeUploads } from "./uploadService";

/** A comment about to be stored (ids are given by the ticket service). */
export interface CommentDraft {
	body: string;
	html_body: string;
	plain_body: string;
	public: boolean;
	author_id: number;
	attachment_ids: number[];
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `html_body` → plain text ("`body` strips HTML" [V]); good enough for comments, not a sanitizer. */
export function stripHtml(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, "\n")
		.replace(/<\/p>\s*<p[^>]*>/gi, "\n\n")
		.replace(/<[^>]*>/g, "")
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&nbsp;/g, " ")
		.replace(/&amp;/g, "&")
		.trim();
}

/** Zendesk-like `html_body` for a plain-text body. */
export function htmlFromText(text: string): string {
	const paragraphs = text.split(/\n{2,}/).map(p => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`);
	return `<div class="zd-comment" dir="auto">${paragraphs.join("")}</div>`;
}

/** Options for readComment. */
export interface CommentOptions {
	actor: UserRecord;
	/** `comments_public_by_default` on updates; the first comment is public unless it says otherwise. */
	defaultPublic: boolean;
}

/**
 * Reads `comment` (an object with `body`/`html_body`/`value`, `public`, `author_id`, `uploads`, or
 * a bare string). Blank text → no comment (the caller decides whether that is an error), and its
 * upload tokens are left unused. A light agent's comment is always private (sandbox decision from
 * Zendesk's light-agent role: "can only add private comments").
 */
export function readComment(
	ctx: ServiceContext,
	raw: unknown,
	options: CommentOptions,
): { draft?: CommentDraft; issues: Issue[] } {
	if (raw === undefined || raw === null) return { issues: [] };
	const input = typeof raw === "string" ? { body: raw } : isObject(raw) ? raw : undefined;
	if (!input) return { issues: [{ field: "comment", description: "Comment: is invalid", error: "InvalidValue" }] };
	const html = typeof input.html_body === "string" && input.html_body.trim() !== "" ? input.html_body : undefined;
	const text = typeof input.body === "string" ? input.body : typeof input.value === "string" ? input.value : "";
	const body = html !== undefined ? stripHtml(html) : text.trim();
	if (body === "") return { issues: [] };
	let authorId = options.actor.id;
	if (input.author_id !== undefined && input.author_id !== null) {
		const author = findUser(ctx.db, Number(input.author_id));
		if (!author)
			return { issues: [{ field: "comment", description: "Comment: author is invalid", error: "InvalidValue" }] };
		authorId = author.id;
	}
	const isPublic = isLightAgent(options.actor)
		? false
		: typeof input.public === "boolean"
			? input.public
			: options.defaultPublic;
	return {
		draft: {
			body,
			html_body: html ?? htmlFromText(body),
			plain_body: body,
			public: isPublic,
			author_id: authorId,
			attachment_ids: consumeUploads(ctx, input.uploads),
		},
		issues: [],
	};
}

/** True when the request's comment is an internal note (`comment.public === false`, §5.4 emulator rule). */
export function isInternalNote(raw: unknown, actor: UserRecord): boolean {
	if (!isObject(raw)) return false;
	return (
		raw.public === false || (isLightAgent(actor) && (typeof raw.body === "string" || typeof raw.html_body === "string"))
	);
}
