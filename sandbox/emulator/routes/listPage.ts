/**
 * Zendesk's two pagination styles for a whole in-memory list (OAS "Pagination"; captured
 * zp-ticket-comments-cursor, zp-ticket-audits-list): cursor pagination when the request names
 * `page[size]`, `page[after]` or `page[before]` — `{<key>, meta: {has_more, after_cursor,
 * before_cursor}, links: {prev, next}}` — else offset keys with everything on one page.
 */

/** At most 100 items per cursor page [V OAS "page[size]" maximum]; also the default [U]. */
export const CURSOR_PAGE_MAX = 100;

/** What `listPage` needs of the request. */
export interface PageRequest {
	/** `http://host:port` of the request. */
	base: string;
	/** The request's path and query. */
	url: string;
	query: URLSearchParams;
}

/** True when the request asks for cursor pagination. */
export function wantsCursor(query: URLSearchParams): boolean {
	return query.has("page[size]") || query.has("page[after]") || query.has("page[before]");
}

/** `{[key]: items, next_page: null, previous_page: null, count}` or one cursor page of `items`. */
export function listPage<T>(request: PageRequest, key: string, items: readonly T[]): Record<string, unknown> {
	if (!wantsCursor(request.query))
		return { [key]: [...items], next_page: null, previous_page: null, count: items.length };
	const { query } = request;
	const sizeRaw = Number(query.get("page[size]"));
	const size = Number.isInteger(sizeRaw) && sizeRaw > 0 ? Math.min(sizeRaw, CURSOR_PAGE_MAX) : CURSOR_PAGE_MAX;
	// An unreadable cursor starts from the beginning [U: Zendesk's answer to a forged cursor is not documented].
	const after = decodeCursor(query.get("page[after]"));
	const before = after === null ? decodeCursor(query.get("page[before]")) : null;
	const start = after !== null ? after + 1 : before !== null ? Math.max(0, before - size) : 0;
	const end = before !== null && after === null ? before : start + size;
	const slice = items.slice(start, Math.max(start, end));
	const hasMore = before !== null && after === null ? start > 0 : end < items.length;
	const afterCursor = slice.length > 0 ? encodeCursor(start + slice.length - 1) : null;
	const beforeCursor = slice.length > 0 ? encodeCursor(start) : null;
	const link = (name: "page[after]" | "page[before]", cursor: string | null) => {
		if (cursor === null) return null;
		const params = new URLSearchParams(query);
		params.delete("page[after]");
		params.delete("page[before]");
		params.delete("page[size]");
		params.set(name, cursor);
		params.set("page[size]", String(size));
		return `${request.base}${new URL(request.url, "http://emulator.invalid").pathname}?${params}`;
	};
	return {
		[key]: slice,
		meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
		links: { prev: link("page[before]", beforeCursor), next: link("page[after]", afterCursor) },
	};
}

/** Opaque to clients, like Zendesk's base64 JSON cursors: the item's position in the list. */
function encodeCursor(index: number): string {
	return Buffer.from(JSON.stringify({ o: "position", v: index })).toString("base64");
}

function decodeCursor(raw: string | null): number | null {
	if (raw === null || raw === "") return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
		const v = (parsed as { v?: unknown } | null)?.v;
		return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
	} catch {
		return null;
	}
}
