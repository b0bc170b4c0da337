/**
 * Idempotency keys for ticket creation (zendesk-ticket-api.md §4.1 [V REF-INTRO]): same key + same
 * body replays the first answer (`x-idempotency-lookup: hit`), another body is an error, keys
 * expire after 2 hours. Keys are scoped per user (sandbox decision).
 */
import type { EmulatorResponse } from "../types";

/** "Keys expire after 2 hours" [V]. */
export const IDEMPOTENCY_TTL_MS = 2 * 60 * 60 * 1000;

/** Remembered answers by `userId:key`. */
export type IdempotencyStore = Map<string, { fingerprint: string; response: EmulatorResponse; expiresMs: number }>;

/** An empty store. */
export function createIdempotencyStore(): IdempotencyStore {
	return new Map();
}

/** What a request's key says: replay, refuse, or go ahead (then call `remember`). */
export type IdempotencyLookup = { kind: "hit"; response: EmulatorResponse } | { kind: "mismatch" } | { kind: "miss" };

/** The fingerprint of a request: method, path and exact body. */
export function fingerprintOf(method: string, url: string, body: string): string {
	return `${method.toUpperCase()} ${url.split("?")[0]}?${new URL(url, "http://x").searchParams.get("async") ?? ""}\n${body}`;
}

/** Looks a key up; expired entries are dropped first. */
export function lookupKey(
	store: IdempotencyStore,
	userId: number,
	key: string,
	fingerprint: string,
	nowMs: number,
): IdempotencyLookup {
	const id = `${userId}:${key}`;
	const entry = store.get(id);
	if (entry && entry.expiresMs <= nowMs) store.delete(id);
	const live = store.get(id);
	if (!live) return { kind: "miss" };
	if (live.fingerprint !== fingerprint) return { kind: "mismatch" };
	return {
		kind: "hit",
		response: { ...live.response, headers: { ...live.response.headers, "x-idempotency-lookup": "hit" } },
	};
}

/** Stores the first answer for a key (4xx answers too: sandbox decision). */
export function rememberKey(
	store: IdempotencyStore,
	userId: number,
	key: string,
	fingerprint: string,
	response: EmulatorResponse,
	nowMs: number,
): void {
	store.set(`${userId}:${key}`, { fingerprint, response, expiresMs: nowMs + IDEMPOTENCY_TTL_MS });
}
