/** Organization endpoints (OAS ListOrganizations, ShowOrganization, ShowManyOrganizations, AutocompleteOrganizations [V]). */
import { listPage, wantsCursor } from "./listPage";
import {
	autocompleteOrganizations,
	listOrganizations,
	showManyOrganizations,
	showOrganization,
} from "../services/organizationService";
import type { OrganizationRecord } from "../db/records";
import { answer, idList, idParam, type ApiRoute, type RouteContext } from "./routeTypes";
import { organizationJson } from "./serializers";

/** Offset pagination's page size: 100 at most [V "Returns a maximum of 100 records per page"], 100 by default [U]. */
export const ORGANIZATIONS_PER_PAGE = 100;

/** A positive integer query param, or the fallback. */
function positive(c: RouteContext, name: string, fallback: number): number {
	const raw = c.query.get(name);
	return raw !== null && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : fallback;
}

/** `OrganizationsResponse`: `{organizations, next_page, previous_page, count}` [V OAS]. */
function page(c: RouteContext, all: OrganizationRecord[], path: string, params: Record<string, string>) {
	const perPage = Math.min(positive(c, "per_page", ORGANIZATIONS_PER_PAGE), ORGANIZATIONS_PER_PAGE);
	const current = positive(c, "page", 1);
	const link = (n: number) =>
		`${c.base}${path}?${new URLSearchParams({ ...params, page: String(n), per_page: String(perPage) })}`;
	const start = (current - 1) * perPage;
	return {
		organizations: all.slice(start, start + perPage).map(o => organizationJson(o, c.base)),
		next_page: start + perPage < all.length ? link(current + 1) : null,
		previous_page: current > 1 ? link(current - 1) : null,
		count: all.length,
	};
}

/** The organization routes; literal paths come before `:id`. */
export const organizationRoutes: ApiRoute[] = [
	{
		method: "GET",
		pattern: "/api/v2/organizations",
		handler: c =>
			answer(listOrganizations(c.rt.ctx, c.actor), list =>
				wantsCursor(c.query)
					? listPage(
							c,
							"organizations",
							list.map(o => organizationJson(o, c.base)),
						)
					: page(c, list, "/api/v2/organizations.json", {}),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/organizations/show_many",
		handler: c =>
			answer(
				showManyOrganizations(
					c.rt.ctx,
					c.actor,
					idList(c.query.get("ids")),
					(c.query.get("external_ids") ?? "").split(",").filter(s => s.trim() !== ""),
				),
				list => ({
					organizations: list.map(o => organizationJson(o, c.base)),
					next_page: null,
					previous_page: null,
					count: list.length,
				}),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/organizations/autocomplete",
		handler: c => {
			const name = c.query.get("name");
			return answer(autocompleteOrganizations(c.rt.ctx, c.actor, name), list =>
				page(c, list, "/api/v2/organizations/autocomplete.json", { name: name ?? "" }),
			);
		},
	},
	{
		method: "GET",
		pattern: "/api/v2/organizations/:id",
		handler: c =>
			answer(showOrganization(c.rt.ctx, c.actor, idParam(c)), o => ({ organization: organizationJson(o, c.base) })),
	},
];
