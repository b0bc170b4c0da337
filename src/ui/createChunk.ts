/**
 * A module of the app that is a separate chunk (code splitting), fetched on first use: `load()`
 * fetches it once and shares the promise; `preload()` starts that early (e.g. when the agent
 * points at the button that needs it); `loaded()` says whether it has arrived. A failed fetch is
 * not kept: the next `load()` tries again, under a new URL when the browser named the old one
 * (see `retryUrl`). Knows nothing about what the module contains.
 */

/** A lazily fetched module. */
export interface Chunk<M> {
	/** The module; rejects with the browser's error when it cannot be fetched (nothing is cached then). */
	load(): Promise<M>;
	/** The module if it has arrived, else undefined. */
	loaded(): M | undefined;
	/** Starts fetching (once; again after a failure). Never rejects. */
	preload(): void;
}

/**
 * The URL to fetch a chunk from again after `error`, a failed dynamic import. Browsers remember a
 * failed module fetch for the page's lifetime, so importing the same URL again fails at once
 * without asking the network; a query makes it a new URL. Chromium and Firefox name the URL in
 * the message; `undefined` when it does not (the same import is then simply tried again).
 */
export function retryUrl(error: unknown, attempt: number): string | undefined {
	const message = error instanceof Error ? error.message : String(error);
	const url = /\bhttps?:\/\/\S+?\.m?js\b/.exec(message)?.[0];
	return url === undefined ? undefined : `${url}?retry=${attempt}`;
}

/** Wraps `load`, a dynamic `import()` with a literal path (so the bundler makes it a chunk). */
export function createChunk<M>(load: () => Promise<M>): Chunk<M> {
	let module: M | undefined;
	let pending: Promise<M> | undefined;
	let failure: { error: unknown; attempt: number } | undefined;

	const fetchModule = (): Promise<M> => {
		const again = failure && retryUrl(failure.error, failure.attempt);
		return again === undefined ? load() : (import(/* @vite-ignore */ again) as Promise<M>);
	};

	const start = (): Promise<M> => {
		pending ??= fetchModule().then(
			arrived => {
				module = arrived;
				return arrived;
			},
			(error: unknown) => {
				pending = undefined;
				failure = { error, attempt: (failure?.attempt ?? 0) + 1 };
				throw error;
			},
		);
		return pending;
	};

	return {
		load: start,
		loaded: () => module,
		preload: () => {
			start().catch(() => undefined);
		},
	};
}
