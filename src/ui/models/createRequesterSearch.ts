/**
 * Search-as-you-type for every user picker (follow-up requester, People CCs and followers, user
 * lookup fields): debounced, at least two characters, and answers to older queries are dropped so
 * a slow reply never overwrites a newer one. Searches by name or email through Zendesk user search.
 * Holds no DOM state (the listbox's highlight is the component's).
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import { isApiError, type ApiError } from "../../api/errors";
import type { User } from "../../api/types";

/** Where the search is. `idle`: query too short; `searching`: waiting for debounce or answer. */
export type RequesterSearchState = "idle" | "searching" | "done" | "failed";

/** Wait after the last keystroke before asking Zendesk; ~typing speed, keeps us far from rate limits. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Shortest query sent; one letter matches half the account and costs a request per keystroke. */
export const SEARCH_MIN_LENGTH = 2;

/** Dependencies: the search call and timers (injectable for tests). */
export interface RequesterSearchOptions {
	search(text: string): Promise<User[]>;
	debounceMs?: number;
	setTimer?(fn: () => void, ms: number): unknown;
	clearTimer?(handle: unknown): void;
}

/** The search state plus its actions. */
export interface RequesterSearch {
	readonly query: ReadonlySignal<string>;
	readonly results: ReadonlySignal<User[]>;
	readonly state: ReadonlySignal<RequesterSearchState>;
	readonly error: ReadonlySignal<ApiError | null>;
	/** Sets the text and schedules a search. Does not search below `SEARCH_MIN_LENGTH` characters. */
	setQuery(text: string): void;
	/** Cancels a pending search and ignores any answer still on its way. */
	dispose(): void;
}

/** Creates a requester search. Deleted users are left out of the results; suspended ones are kept (the UI marks them). */
export function createRequesterSearch(options: RequesterSearchOptions): RequesterSearch {
	const setTimer = options.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
	const clearTimer =
		options.clearTimer ?? (handle => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
	const query = signal("");
	const results = signal<User[]>([]);
	const state = signal<RequesterSearchState>("idle");
	const error = signal<ApiError | null>(null);
	let generation = 0;
	let timer: unknown;

	async function run(text: string, mine: number): Promise<void> {
		try {
			const users = await options.search(text);
			if (mine !== generation) return;
			results.value = users.filter(user => user.active);
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

	return {
		query,
		results,
		state,
		error,
		setQuery(text) {
			query.value = text;
			cancel();
			error.value = null;
			const trimmed = text.trim();
			if (trimmed.length < SEARCH_MIN_LENGTH) {
				results.value = [];
				state.value = "idle";
				return;
			}
			state.value = "searching";
			const mine = generation;
			timer = setTimer(() => {
				timer = undefined;
				void run(trimmed, mine);
			}, options.debounceMs ?? SEARCH_DEBOUNCE_MS);
		},
		dispose: cancel,
	};
}
