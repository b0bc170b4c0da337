/** The pickers' search: which Zendesk endpoint answers what the agent typed. */
import type { PeopleApi } from "./peopleSnapshot";

/** Text that can only be (the start of) a name: letters, marks, spaces, apostrophes and hyphens. */
const NAME_LIKE = /^[\p{L}\p{M}\s'’-]+$/u;

/**
 * Picker search: a name through `users/autocomplete`, Zendesk's name-prefix endpoint for typeahead;
 * anything else (an email, part of one, digits) through `users/search`, which matches emails too.
 */
export function searchPeople(api: Pick<PeopleApi, "searchUsers" | "autocompleteUsers">, text: string) {
	return NAME_LIKE.test(text) ? api.autocompleteUsers(text) : api.searchUsers(text);
}
