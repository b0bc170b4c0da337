/**
 * Search-as-you-type for every user picker (follow-up requester, People CCs and followers): the
 * live search (`createLiveSearch`: debounced, at least two characters, stale answers dropped)
 * over Zendesk user search, by name or email, keeping only active users.
 */
import type { User } from "../platform/api/types";
import { createLiveSearch, type LiveSearch, type LiveSearchOptions } from "./createLiveSearch";

export { SEARCH_MIN_LENGTH } from "./createLiveSearch";

/** Dependencies: the search call and timers (injectable for tests). */
export type RequesterSearchOptions = Omit<LiveSearchOptions<User>, "keep">;

/** The search state plus its actions. */
export type RequesterSearch = LiveSearch<User>;

/** Creates a requester search. Deleted users are left out of the results; suspended ones are kept (the UI marks them). */
export function createRequesterSearch(options: RequesterSearchOptions): RequesterSearch {
	return createLiveSearch<User>({ ...options, keep: user => user.active });
}
