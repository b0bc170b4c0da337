/**
 * The searches of every picker: people (People CCs and followers, the follow-up's CCs and
 * requester, user lookup fields) and organizations (organization lookup fields), each the live
 * search (`createLiveSearch`: debounced, at least two characters, stale answers dropped) over the
 * Zendesk endpoint that fits what was typed.
 */
import type { ZendeskApi } from "../platform/api/client";
import type { Organization, User } from "../platform/api/types";
import { createLiveSearch, type LiveSearch, type LiveSearchOptions } from "./createLiveSearch";

/** The search of a people picker. */
export type PeopleSearch = LiveSearch<User>;

/** The search of an organization picker. */
export type OrganizationSearch = LiveSearch<Organization>;

/** Debounce, timers and the kept text; the endpoint is chosen here. */
export type PickerSearchOptions = Omit<LiveSearchOptions<never>, "search" | "keep">;

/** Text that can only be (the start of) a name: letters, marks, spaces, apostrophes and hyphens. */
const NAME_LIKE = /^[\p{L}\p{M}\s'’-]+$/u;

/**
 * Which endpoint answers what was typed: a name through `users/autocomplete`, Zendesk's
 * name-prefix endpoint for typeahead; anything else (an email, part of one, digits) through
 * `users/search`, which matches emails too.
 */
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
