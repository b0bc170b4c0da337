/**
 * Search-as-you-type, whatever is searched (users, organizations): debounced, at least two
 * characters, and answers to older queries are dropped so a slow reply never overwrites a newer
 * one. Knows nothing about the records or the endpoint; holds no DOM state (the listbox's
 * highlight is the component's).
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import { isApiError, type ApiError } from "../platform/api/errors";

/** Where the search is. `idle`: query too short; `searching`: waiting for debounce or answer. */
export type LiveSearchState = "idle" | "searching" | "done" | "failed";

/** Wait after the last keystroke before asking Zendesk; ~typing speed, keeps us far from rate limits. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Shortest query sent; one letter matches half the account and costs a request per keystroke. */
export const SEARCH_MIN_LENGTH = 2;

/** Dependencies: the search call, which results to keep, and timers (injectable for tests). */
export interface LiveSearchOptions<T> {
	search(text: string): Promise<T[]>;
	/** Keeps a result (default: all). */
	keep?(item: T): boolean;
	debounceMs?: number;
	setTimer?(fn: () => void, ms: number): unknown;
	clearTimer?(handle: unknown): void;
	/**
	 * Where the typed text is kept while it is not picked (a draft): `initial` starts the search
	 * (after a reload), `save` is told every change. Without it the text lives only in memory.
	 */
	keepText?: { initial: string; save(text: string): void };
}

/** The search state plus its actions. */
export interface LiveSearch<T> {
	readonly query: ReadonlySignal<string>;
	readonly results: ReadonlySignal<T[]>;
	readonly state: ReadonlySignal<LiveSearchState>;
	readonly error: ReadonlySignal<ApiError | null>;
	/** Sets the text and schedules a search. Does not search below `SEARCH_MIN_LENGTH` characters. */
	setQuery(text: string): void;
	/**
	 * The results for the current text: a search still waiting for the pause is sent at once, and
	 * one on its way is awaited. `[]` below `SEARCH_MIN_LENGTH`; the last results when it failed.
	 */
	settle(): Promise<T[]>;
	/** Cancels a pending search and ignores any answer still on its way. */
	dispose(): void;
}

/** Creates a live search. Failures other than an ApiError are bugs and are rethrown. */
export function createLiveSearch<T>(options: LiveSearchOptions<T>): LiveSearch<T> {
	const setTimer = options.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
	const clearTimer =
		options.clearTimer ?? (handle => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
	const keep = options.keep ?? (() => true);
	const query = signal("");
	const results = signal<T[]>([]);
	const state = signal<LiveSearchState>("idle");
	const error = signal<ApiError | null>(null);
	let generation = 0;
	let timer: unknown;
	/** The running (or last) search; `settle` waits for it. */
	let running: Promise<void> = Promise.resolve();

	async function run(text: string, mine: number): Promise<void> {
		try {
			const found = await options.search(text);
			if (mine !== generation) return;
			results.value = found.filter(keep);
			state.value = "done";
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (mine !== generation) return;
			error.value = caught;
			state.value = "failed";
		}
	}

	function cancel(): void {
		generation++;
		if (timer !== undefined) clearTimer(timer);
		timer = undefined;
	}

	function setQuery(text: string): void {
		query.value = text;
		options.keepText?.save(text);
		cancel();
		error.value = null;
		const trimmed = text.trim();
		if (trimmed.length < SEARCH_MIN_LENGTH) {
			results.value = [];
			state.value = "idle";
			running = Promise.resolve();
			return;
		}
		state.value = "searching";
		const mine = generation;
		timer = setTimer(() => {
			timer = undefined;
			running = run(trimmed, mine);
		}, options.debounceMs ?? SEARCH_DEBOUNCE_MS);
	}

	if (options.keepText && options.keepText.initial !== "") setQuery(options.keepText.initial);

	return {
		query,
		results,
		state,
		error,
		setQuery,
		async settle() {
			if (timer !== undefined) {
				clearTimer(timer);
				timer = undefined;
				running = run(query.value.trim(), generation);
			}
			await running;
			return results.value;
		},
		dispose: cancel,
	};
}
