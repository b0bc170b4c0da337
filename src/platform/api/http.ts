/**
 * Helpers the endpoint modules share: JSON requests over the port, "this 2xx is not what the
 * endpoint promises" errors, and following pagination. No endpoint knowledge lives here.
 */
import type { ZafPort } from "../zaf/port";
import type { ZafRequestOptions } from "../zaf/types";
import { isRecord as isObject } from "../../shared/isRecord";
import { ApiError, MESSAGE_PREFIX } from "./errors";

/** Builds the `unexpected_response` ApiError for a 2xx whose body does not have the promised shape. */
export function unexpected(request: string, status: number, what: string): ApiError {
	return new ApiError({
		kind: "unexpected_response",
		message: `${MESSAGE_PREFIX} ${request} failed: ${status} unexpected response (${what})`,
		status,
		request,
	});
}

/** A JSON-bodied request: serialises `body` and sets the content type. Does not send it. */
export function jsonRequest(
	type: "POST" | "PUT" | "DELETE",
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

/**
 * GETs `url` and maps `body[key]` with `normalize`; throws `unexpected_response` when the key is
 * missing or the value does not normalise.
 */
export async function getOne<T>(
	zaf: ZafPort,
	url: string,
	key: string,
	normalize: (raw: unknown) => T | null,
): Promise<T> {
	const { json, status, label } = await call(zaf, { url, type: "GET" });
	return pick(json, key, normalize, label, status);
}

/** Reads `body[key]` through `normalize`, or throws `unexpected_response`. */
export function pick<T>(
	json: unknown,
	key: string,
	normalize: (raw: unknown) => T | null,
	label: string,
	status: number,
): T {
	const raw = isObject(json) ? json[key] : undefined;
	const value = normalize(raw);
	if (value === null) throw unexpected(label, status, raw === undefined ? `no "${key}"` : `malformed "${key}"`);
	return value;
}

/**
 * Path of the next page of a Zendesk list, or null on the last page. Reads cursor pagination
 * (`meta.has_more` + `links.next`) and offset pagination (`next_page`). Absolute URLs are reduced
 * to their path so the request stays on the agent's session; anything outside `/api/v2/` is ignored.
 */
export function nextPagePath(json: unknown): string | null {
	if (!isObject(json)) return null;
	const meta = isObject(json.meta) ? json.meta : undefined;
	const links = isObject(json.links) ? json.links : undefined;
	const candidate = meta?.has_more === true && typeof links?.next === "string" ? links.next : json.next_page;
	return typeof candidate === "string" ? toApiPath(candidate) : null;
}

/** Reduces an absolute or relative Zendesk URL to `/api/v2/...`, or null for anything else. */
export function toApiPath(url: string): string | null {
	const path = url.replace(/^https?:\/\/[^/]+/i, "");
	return path.startsWith("/api/v2/") ? path : null;
}

/**
 * Why 50: 50 pages × 100 items covers any realistic field/form/comment list; the cap stops a host
 * that keeps returning a `next_page` from looping forever.
 */
export const MAX_PAGES = 50;

/** GETs every page starting at `url` and concatenates the normalised items of `body[key]`. */
export async function listAll<T>(
	zaf: ZafPort,
	url: string,
	key: string,
	normalizeItems: (raw: unknown) => T[] | null,
): Promise<T[]> {
	const items: T[] = [];
	let next: string | null = url;
	for (let page = 0; next !== null && page < MAX_PAGES; page++) {
		const { json, status, label } = await call(zaf, { url: next, type: "GET" });
		items.push(...pick(json, key, normalizeItems, label, status));
		const following = nextPagePath(json);
		next = following === next ? null : following;
	}
	return items;
}

/** Zendesk's `show_many` limit per request (users, organizations: "up to 100"). */
export const SHOW_MANY_LIMIT = 100;

/**
 * GETs `path?ids=…` for every valid id in chunks of `SHOW_MANY_LIMIT` and concatenates the
 * normalised items of `body[key]`. Duplicates and invalid ids are dropped; no request without ids.
 */
export async function showMany<T>(
	zaf: ZafPort,
	path: string,
	key: string,
	normalizeItems: (raw: unknown) => T[] | null,
	ids: readonly number[],
): Promise<T[]> {
	const unique = [...new Set(ids.filter(id => Number.isSafeInteger(id) && id > 0))];
	const out: T[] = [];
	for (let i = 0; i < unique.length; i += SHOW_MANY_LIMIT) {
		const url = `${path}${query({ ids: unique.slice(i, i + SHOW_MANY_LIMIT).join(",") })}`;
		const { json, status, label } = await call(zaf, { url, type: "GET" });
		out.push(...pick(json, key, normalizeItems, label, status));
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
