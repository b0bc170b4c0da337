/** What the endpoint modules share: requests, wrong-shape errors, pagination, the lazy activity normalizers. */
import type { ZafPort, ZafRequestOptions } from "../zaf/port";
import { isRecord } from "../../shared/isRecord";
import { ApiError, MESSAGE_PREFIX } from "./errors";
import { isId } from "../../shared/ticketTypes";
import { normalizeList } from "./normalize";
import type * as Activity from "./normalizeActivity";

type Normalize<T> = (raw: unknown) => T | null;

/** A JSON-bodied request: serialises `body` and sets the content type. Does not send it. */
export function jsonRequest(
	type: "POST" | "PUT",
	url: string,
	body: unknown,
	headers?: Record<string, string>,
): ZafRequestOptions {
	return {
		url,
		type,
		contentType: "application/json",
		dataType: "json",
		data: JSON.stringify(body),
		...(headers ? { headers } : {}),
	};
}

/** Sends a request and returns the JSON body as `unknown` plus what is needed to report a bad shape. */
export async function call(zaf: ZafPort, options: ZafRequestOptions) {
	const response = await zaf.request(options);
	const label = `${options.type ?? "GET"} ${options.url}`;
	return { json: response.json, status: response.status, headers: response.headers, label };
}

/** `json[key]` when `json` is an object, else undefined. */
export function field(json: unknown, key: string): unknown {
	return isRecord(json) ? json[key] : undefined;
}

/** Reads `body[key]` through `normalize`, or throws `unexpected_response`. */
export function pick<T>(json: unknown, key: string, normalize: Normalize<T>, label: string, status: number): T {
	const raw = field(json, key);
	const value = normalize(raw);
	if (value !== null) return value;
	const what = raw === undefined ? `no "${key}"` : `malformed "${key}"`;
	const message = `${MESSAGE_PREFIX} ${label} failed: ${status} unexpected response (${what})`;
	throw new ApiError({ kind: "unexpected_response", message, status, request: label });
}

/** GETs `url` and `pick`s `body[key]`. */
export async function getOne<T>(zaf: ZafPort, url: string, key: string, normalize: Normalize<T>): Promise<T> {
	const { json, status, label } = await call(zaf, { url, type: "GET" });
	return pick(json, key, normalize, label, status);
}

/** `getOne` for a list: the items of `body[key]` that normalise (one page; throws when it is no array). */
export function getList<T>(zaf: ZafPort, url: string, key: string, normalize: Normalize<T>): Promise<T[]> {
	return getOne(zaf, url, key, raw => normalizeList(raw, normalize));
}

/**
 * Path of a list's next page (`meta.has_more` + `links.next`, or `next_page`), null on the last. Absolute
 * URLs become paths, so the request stays on the agent's session; anything outside `/api/v2/` is ignored.
 */
export function nextPagePath(json: unknown): string | null {
	if (!isRecord(json)) return null;
	const links = field(json, "links");
	const next = field(links, "next");
	const candidate = field(json.meta, "has_more") === true && typeof next === "string" ? next : json.next_page;
	return typeof candidate === "string" ? toApiPath(candidate) : null;
}

/** Reduces an absolute or relative Zendesk URL to `/api/v2/...`, or null for anything else. */
export function toApiPath(url: string): string | null {
	const path = url.replace(/^https?:\/\/[^/]+/i, "");
	return path.startsWith("/api/v2/") ? path : null;
}

// 50 pages × 100 items covers any realistic list; the cap stops a host that always sends `next_page`.
const MAX_PAGES = 50;

/** GETs every page starting at `url` and concatenates the normalised items of `body[key]`. */
export async function listAll<T>(zaf: ZafPort, url: string, key: string, normalize: Normalize<T>): Promise<T[]> {
	const items: T[] = [];
	let next: string | null = url;
	for (let page = 0; next !== null && page < MAX_PAGES; page++) {
		const { json, status, label } = await call(zaf, { url: next, type: "GET" });
		items.push(...pick(json, key, raw => normalizeList(raw, normalize), label, status));
		const following = nextPagePath(json);
		next = following === next ? null : following;
	}
	return items;
}

// Zendesk's `show_many` limit per request (users, organizations: "up to 100").
const SHOW_MANY_LIMIT = 100;

/** `getList` of `path?ids=…` in chunks of 100, for the valid ids without duplicates; no request without ids. */
export async function showMany<T>(
	zaf: ZafPort,
	path: string,
	key: string,
	normalize: Normalize<T>,
	ids: readonly number[],
): Promise<T[]> {
	const unique = [...new Set(ids.filter(isId))];
	const out: T[] = [];
	for (let i = 0; i < unique.length; i += SHOW_MANY_LIMIT) {
		const url = `${path}${query({ ids: unique.slice(i, i + SHOW_MANY_LIMIT).join(",") })}`;
		out.push(...(await getList(zaf, url, key, normalize)));
	}
	return out;
}

/** Builds a query string from defined values (`?a=1&b=x`), or "" when there are none. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
	const parts = Object.entries(params)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
	return parts.length > 0 ? `?${parts.join("&")}` : "";
}

let loading: Promise<typeof Activity> | undefined;

/** The normalizers only writes, uploads, jobs and the history need, fetched on first use (again after a failure). */
export function activityNormalizers(): Promise<typeof Activity> {
	loading ??= import("./normalizeActivity").catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
