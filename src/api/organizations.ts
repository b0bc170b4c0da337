/** Organization endpoints: show_many and autocomplete (OAS ShowManyOrganizations, AutocompleteOrganizations). */
import type { ZafPort } from "../zaf/port";
import { call, pick, query } from "./http";
import { normalizeList, normalizeOrganization } from "./normalize";
import type { Id, Organization } from "./types";

/** Zendesk's `show_many` limit per request ("up to 100 organization ids"). */
export const SHOW_MANY_ORGANIZATIONS_LIMIT = 100;

const organizations = (raw: unknown) => normalizeList(raw, normalizeOrganization);

/** Organization endpoints over a port. Read-only; a blank autocomplete returns `[]` without a request; nothing is cached. */
export function createOrganizationsApi(zaf: ZafPort) {
	async function list(url: string): Promise<Organization[]> {
		const { json, status, label } = await call(zaf, { url, type: "GET" });
		return pick(json, "organizations", organizations, label, status);
	}

	return {
		/**
		 * `GET /api/v2/organizations/show_many.json?ids=…` in chunks of 100; duplicates and invalid ids
		 * are dropped, unknown ones are simply missing from the answer. Order is Zendesk's.
		 */
		async showManyOrganizations(ids: readonly Id[]): Promise<Organization[]> {
			const unique = [...new Set(ids.filter(id => Number.isSafeInteger(id) && id > 0))];
			const out: Organization[] = [];
			for (let i = 0; i < unique.length; i += SHOW_MANY_ORGANIZATIONS_LIMIT) {
				const chunk = unique.slice(i, i + SHOW_MANY_ORGANIZATIONS_LIMIT);
				out.push(...(await list(`/api/v2/organizations/show_many.json${query({ ids: chunk.join(",") })}`)));
			}
			return out;
		},

		/** `GET /api/v2/organizations/autocomplete.json?name=…`: the first page of organizations whose name starts with `name`. */
		autocompleteOrganizations(name: string): Promise<Organization[]> {
			if (name.trim() === "") return Promise.resolve([]);
			return list(`/api/v2/organizations/autocomplete.json${query({ name: name.trim() })}`);
		},
	};
}
