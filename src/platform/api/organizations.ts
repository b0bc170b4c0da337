/** Organization endpoints: show_many and autocomplete (OAS ShowManyOrganizations, AutocompleteOrganizations). */
import type { ZafPort } from "../zaf/port";
import { call, pick, query, showMany } from "./http";
import { normalizeList, normalizeOrganization } from "./normalize";
import type { Id, Organization } from "./types";

const organizations = (raw: unknown) => normalizeList(raw, normalizeOrganization);

/** Organization endpoints over a port. Read-only; a blank autocomplete returns `[]` without a request; nothing is cached. */
export function createOrganizationsApi(zaf: ZafPort) {
	return {
		/**
		 * `GET /api/v2/organizations/show_many.json?ids=…` in chunks of 100; duplicates and invalid ids
		 * are dropped, unknown ones are simply missing from the answer. Order is Zendesk's.
		 */
		showManyOrganizations(ids: readonly Id[]): Promise<Organization[]> {
			return showMany(zaf, "/api/v2/organizations/show_many.json", "organizations", organizations, ids);
		},

		/** `GET /api/v2/organizations/autocomplete.json?name=…`: the first page of organizations whose name starts with `name`. */
		async autocompleteOrganizations(name: string): Promise<Organization[]> {
			if (name.trim() === "") return [];
			const url = `/api/v2/organizations/autocomplete.json${query({ name: name.trim() })}`;
			const { json, status, label } = await call(zaf, { url, type: "GET" });
			return pick(json, "organizations", organizations, label, status);
		},
	};
}
