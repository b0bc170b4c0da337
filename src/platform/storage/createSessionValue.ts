/**
 * One account-level value (e.g. the account settings) shared by the panels of the agent's browser
 * session: kept in the injected storage (`sessionStorage`: one per Zendesk tab) for `ttlMs`, and in
 * memory for the panel's lifetime. Concurrent callers share one load; without storage each panel
 * loads it once.
 */
import type { StorageLike } from "./createDraftStore";

/** Options of a session value. */
export interface SessionValueOptions<T> {
	/** Storage key; version it (`…:v1`) when the stored shape changes. */
	key: string;
	/** Loads the value (a request); a rejection is passed on and nothing is kept. */
	load(): Promise<T>;
	/** Checks a stored value before trusting it (the storage is shared with other code). */
	isValid(value: unknown): value is T;
	storage?: StorageLike;
	/** How long a value is trusted. Default 10 minutes. */
	ttlMs?: number;
	now?: () => number;
}

/** The value's accessors. */
export interface SessionValue<T> {
	/** The value: from memory, then storage, then `load()`. Rejects with the load's error. */
	get(): Promise<T>;
	/** Forgets the value in memory and in storage. */
	invalidate(): void;
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
			if (!pending) {
				const started = load();
				pending = started;
				const done = () => {
					if (pending === started) pending = null;
				};
				started.then(done, done);
			}
			return pending;
		},
		invalidate() {
			memory = null;
			pending = null;
			try {
				options.storage?.removeItem(options.key);
			} catch {
				// nothing else to forget
			}
		},
	};
}
