/**
 * The history part of the ticket view: the conversation (comments with their attachments) and the
 * audits (events plus custom and system metadata). Text only; attachment links pass `safeHref`.
 */
import { num, objs, str, type Rest } from "../host/zafShapes";
import { el, safeHref, when, type Child } from "./dom";

/** "Name <email>" for a user id (or "User #id" when unknown). */
export function userLabel(user: Rest | undefined, id: number): string {
	if (!user) return `User #${id}`;
	const email = str(user, "email");
	return email ? `${str(user, "name")} <${email}>` : str(user, "name");
}

function attachments(comment: Rest): Child {
	const list = objs(comment, "attachments");
	if (list.length === 0) return null;
	return el(
		"ul",
		{ class: "attachments" },
		list.map(a => {
			const href = safeHref(a["content_url"]);
			const label = `${str(a, "file_name")} (${num(a, "size") ?? "?"} bytes)`;
			return el(
				"li",
				{ "data-testid": "attachment" },
				href ? el("a", { href, target: "_blank", rel: "noopener" }, label) : label,
			);
		}),
	);
}

/** The comments, oldest first. */
export function conversation(comments: Rest[], users: Map<number, Rest>): HTMLElement {
	return el(
		"section",
		{ class: "conversation" },
		el("h2", {}, `Conversation (${comments.length})`),
		comments.map(c => {
			const authorId = num(c, "author_id") ?? 0;
			const isPublic = c["public"] !== false;
			return el(
				"div",
				{
					class: `comment ${isPublic ? "public" : "internal"}`,
					"data-testid": "comment",
					"data-comment-id": num(c, "id"),
				},
				el(
					"div",
					{ class: "comment-meta" },
					el("strong", {}, userLabel(users.get(authorId), authorId)),
					` · ${when(c["created_at"])} · `,
					el("span", { class: "visibility" }, isPublic ? "public" : "internal note"),
				),
				el("div", { class: "comment-body" }, str(c, "plain_body") || str(c, "body")),
				attachments(c),
			);
		}),
	);
}

function eventText(e: Rest): string {
	const type = str(e, "type");
	const show = (v: unknown) => (Array.isArray(v) ? v.join(" ") : v === null || v === undefined ? "—" : String(v));
	switch (type) {
		case "Create":
			return `${str(e, "field_name")} set to ${show(e["value"])}`;
		case "Change":
			return `${str(e, "field_name")}: ${show(e["previous_value"])} → ${show(e["value"])}`;
		case "Comment":
			return `${e["public"] === false ? "Internal note" : "Public comment"}: ${(str(e, "plain_body") || str(e, "body")).slice(0, 120)}`;
		case "FollowerChange":
			return `Followers: ${show(e["previous_followers"])} → ${show(e["current_followers"])}`;
		case "EmailCcChange":
			return `Email CCs: ${show(e["previous_email_ccs"])} → ${show(e["current_email_ccs"])}`;
		case "Notification": {
			const via = e["via"] as { source?: { from?: { title?: unknown } } } | undefined;
			return `Notification "${show(via?.source?.from?.title)}" to ${show(e["recipients"])}`;
		}
		default:
			return type;
	}
}

/** The audits, newest first. */
export function audits(list: Rest[], users: Map<number, Rest>): HTMLElement {
	return el(
		"section",
		{ class: "audits" },
		el("h2", {}, `Audits (${list.length})`),
		[...list].reverse().map(a => {
			const authorId = num(a, "author_id") ?? 0;
			const metadata = (a["metadata"] ?? {}) as Rest;
			const custom = metadata["custom"];
			const via = a["via"] as Rest | undefined;
			return el(
				"div",
				{ class: "audit", "data-testid": "audit", "data-audit-id": num(a, "id") },
				el(
					"div",
					{ class: "audit-meta" },
					el("strong", {}, userLabel(users.get(authorId), authorId)),
					` · ${when(a["created_at"])} · via ${via ? str(via, "channel") : "?"}`,
				),
				el(
					"ul",
					{ class: "events" },
					objs(a, "events").map(e => el("li", {}, eventText(e))),
				),
				custom && typeof custom === "object" && Object.keys(custom).length > 0
					? el(
							"details",
							{ class: "metadata", open: true },
							el("summary", {}, "Custom metadata"),
							el("pre", { "data-testid": "audit-metadata" }, JSON.stringify(custom, null, 2)),
						)
					: null,
				metadata["system"]
					? el(
							"details",
							{ class: "metadata" },
							el("summary", {}, "System metadata"),
							el("pre", {}, JSON.stringify(metadata["system"], null, 2)),
						)
					: null,
			);
		}),
	);
}
