/** User endpoints: me, show_many, search and autocomplete (zendesk-ticket-api.md §8). */
import type { ZafPort } from "../zaf/port";
import { call, getOne, pick, query, showMany } from "./http";
import { normalizeList, normalizeUser } from "./normalize";
import type { Id, User } from "./types";

const users = (raw: unknown) => normalizeList(raw, normalizeUser);

/** User endpoints over a port. Blank searches return `[]` without a request; nothing is cached. */
export function createUsersApi(zaf: ZafPort) {
	async function list(url: string): Promise<User[]> {
		const { json, status, label } = await call(zaf, { url, type: "GET" });
		return pick(json, "users", users, label, status);
	}

	return {
		/** `GET /api/v2/users/me.json`: the signed-in agent. */
		getMe(): Promise<User> {
			return getOne(zaf, "/api/v2/users/me.json", "user", normalizeUser);
		},

		/** `GET /api/v2/users/show_many.json?ids=…` in chunks of 100; duplicates and invalid ids are dropped. Order is Zendesk's. */
		showManyUsers(ids: readonly Id[]): Promise<User[]> {
			return showMany(zaf, "/api/v2/users/show_many.json", "users", users, ids);
		},

		/** `GET /api/v2/users/search.json?query=…`: first page only (Zendesk search syntax). */
		searchUsers(text: string): Promise<User[]> {
			if (text.trim() === "") return Promise.resolve([]);
			return list(`/api/v2/users/search.json${query({ query: text.trim() })}`);
		},

		/** `GET /api/v2/users/autocomplete.json?name=…`: users whose name starts with `name`. */
		autocompleteUsers(name: string): Promise<User[]> {
			if (name.trim() === "") return Promise.resolve([]);
			return list(`/api/v2/users/autocomplete.json${query({ name: name.trim() })}`);
		},
	};
}
