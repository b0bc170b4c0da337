/**
 * Search-as-you-type for every picker: `createLiveSearch` (debounced, two characters at least, answers to older
 * queries dropped so a slow reply never overwrites a newer one), and over it the people and organization searches.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../platform/api/client";
import { isApiError } from "../platform/api/errors";
import type { Organization, User } from "../platform/api/types";

/** Where the search is. `idle`: query too short; `searching`: waiting for debounce or answer. */
export type LiveSearchState = "idle" | "searching" | "done" | "failed";

/** Wait after the last keystroke before asking Zendesk; ~typing speed, keeps us far from rate limits. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Shortest query sent; one letter matches half the account and costs a request per keystroke. */
export const SEARCH_MIN_LENGTH = 2;

/** The search call, which results to keep, the debounce and where the text is kept. */
export interface LiveSearchOptions<T> {
	search(text: string): Promise<T[]>;
	/** Keeps a result (default: all). */
	keep?(item: T): boolean;
	debounceMs?: number;
	/** Where the typed text is kept until picked (a draft): `initial` starts the search, `save` hears each change. */
	keepText?: { initial: string; save(text: string): void };
}

/** The search state plus its actions. */
export type LiveSearch<T> = ReturnType<typeof createLiveSearch<T>>;

/** Creates a live search. Failures other than an ApiError are bugs and are rethrown. */
export function createLiveSearch<T>(options: LiveSearchOptions<T>) {
	const keep = options.keep ?? (() => true);
	const query = signal("");
	const results = signal<T[]>([]);
	const state = signal<LiveSearchState>("idle");
	let generation = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
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
			if (mine === generation) state.value = "failed";
		}
	}

	function cancel(): void {
		generation++;
		clearTimeout(timer);
		timer = undefined;
	}

	/** Sets the text and schedules a search. Does not search below `SEARCH_MIN_LENGTH` characters. */
	function setQuery(text: string): void {
		query.value = text;
		options.keepText?.save(text);
		cancel();
		const trimmed = text.trim();
		if (trimmed.length < SEARCH_MIN_LENGTH) {
			results.value = [];
			state.value = "idle";
			running = Promise.resolve();
			return;
		}
		state.value = "searching";
		const mine = generation;
		timer = setTimeout(() => {
			timer = undefined;
			running = run(trimmed, mine);
		}, options.debounceMs ?? SEARCH_DEBOUNCE_MS);
	}

	if (options.keepText && options.keepText.initial !== "") setQuery(options.keepText.initial);

	return {
		query: query as ReadonlySignal<string>,
		results: results as ReadonlySignal<T[]>,
		state: state as ReadonlySignal<LiveSearchState>,
		setQuery,
		/** The text's results: a waiting search goes at once, one on its way is awaited (`[]` if too short, last if failed). */
		async settle(): Promise<T[]> {
			if (timer !== undefined) {
				clearTimeout(timer);
				timer = undefined;
				running = run(query.value.trim(), generation);
			}
			await running;
			return results.value;
		},
		/** Cancels a pending search and ignores any answer still on its way. */
		dispose: cancel,
	};
}

/** The search of a people picker. */
export type PeopleSearch = LiveSearch<User>;

/** The search of an organization picker. */
export type OrganizationSearch = LiveSearch<Organization>;

/** Debounce and the kept text; the endpoint is chosen here. */
export type PickerSearchOptions = Omit<LiveSearchOptions<never>, "search" | "keep">;

/** Text that can only be (the start of) a name: letters, marks, spaces, apostrophes and hyphens. */
const NAME_LIKE = /^[\p{L}\p{M}\s'’-]+$/u;

/** A name goes to `users/autocomplete` (Zendesk's name-prefix typeahead), anything else to `users/search` (emails). */
export function searchPeople(api: Pick<ZendeskApi, "searchUsers" | "autocompleteUsers">, text: string) {
	return NAME_LIKE.test(text) ? api.autocompleteUsers(text) : api.searchUsers(text);
}

/** Creates a people search. Deleted users are left out; suspended ones are kept (the picker marks them). */
export function createPeopleSearch(
	api: Pick<ZendeskApi, "searchUsers" | "autocompleteUsers">,
	options: PickerSearchOptions = {},
): PeopleSearch {
	return createLiveSearch<User>({ ...options, search: text => searchPeople(api, text), keep: user => user.active });
}

/** Creates an organization search over `organizations/autocomplete` (names starting with the text). */
export function createOrganizationSearch(
	api: Pick<ZendeskApi, "autocompleteOrganizations">,
	options: PickerSearchOptions = {},
): OrganizationSearch {
	return createLiveSearch<Organization>({ ...options, search: text => api.autocompleteOrganizations(text) });
}
