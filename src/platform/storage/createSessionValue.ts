/**
 * One account-level value (e.g. the account settings) shared by the panels of a browser session: kept in
 * the given storage (`sessionStorage`) for `ttlMs` and in memory for the panel's life. Callers share one load.
 */
import type { StorageLike } from "./createDraftStore";

/**
 * Options of a session value: its storage `key` (versioned, `…:v1`), `load` (a rejection is passed on, nothing
 * kept), `isValid` for a stored value (the storage is shared), and `ttlMs` it is trusted (default 10 minutes).
 */
export interface SessionValueOptions<T> {
	key: string;
	load(): Promise<T>;
	isValid(value: unknown): value is T;
	storage?: StorageLike;
	ttlMs?: number;
	now?: () => number;
}

/** The value: `get()` reads memory, then storage, then `load()`, and rejects with the load's error. */
export interface SessionValue<T> {
	get(): Promise<T>;
}

/** Ten minutes: spares the request across tickets, short enough to pick up an admin's change. */
export const SESSION_TTL_MS = 10 * 60 * 1000;

/** Creates the value. Does not load until `get()`. */
export function createSessionValue<T>(options: SessionValueOptions<T>): SessionValue<T> {
	const ttl = options.ttlMs ?? SESSION_TTL_MS;
	const now = options.now ?? Date.now;
	let memory: { at: number; value: T } | null = null;
	let pending: Promise<T> | null = null;

	const fresh = (at: number) => now() >= at && now() - at <= ttl;

	function readStored(): { at: number; value: T } | null {
		try {
			const raw = options.storage?.getItem(options.key);
			if (!raw) return null;
			const parsed = JSON.parse(raw) as { at?: unknown; value?: unknown };
			if (typeof parsed.at !== "number" || !fresh(parsed.at) || !options.isValid(parsed.value)) return null;
			return { at: parsed.at, value: parsed.value };
		} catch {
			return null;
		}
	}

	async function load(): Promise<T> {
		const value = await options.load();
		memory = { at: now(), value };
		try {
			options.storage?.setItem(options.key, JSON.stringify(memory));
		} catch {
			// A full or refused storage only costs a request in the next panel.
		}
		return value;
	}

	return {
		get() {
			if (memory && fresh(memory.at)) return Promise.resolve(memory.value);
			const stored = readStored();
			if (stored) {
				memory = stored;
				return Promise.resolve(stored.value);
			}
			pending ??= load().finally(() => {
				pending = null;
			});
			return pending;
		},
	};
}
