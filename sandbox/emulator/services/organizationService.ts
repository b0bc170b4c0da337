/**
 * Organizations: list, show, show many and autocomplete (OAS ListOrganizations, ShowOrganization,
 * ShowManyOrganizations, AutocompleteOrganizations [V]). Read-only: the app never writes organizations, so the emulator
 * has no create/update/delete. Knows no HTTP.
 */
import { findOrganization } from "../db/db";
import type { OrganizationRecord, UserRecord } from "../db/records";
import { fail, isStaff, ok, type Result, type ServiceContext } from "./serviceTypes";

/** "Accepts a comma-separated list of up to 100 organization ids or external ids" [V OAS ShowManyOrganizations]. */
export const SHOW_MANY_ORGANIZATIONS_LIMIT = 100;

/** `GET /organizations/{id}`: "Allowed For: Admins, Agents" [V]; end users → 403. */
export function showOrganization(ctx: ServiceContext, actor: UserRecord, id: number): Result<OrganizationRecord> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const organization = findOrganization(ctx.db, id);
	return organization ? ok(organization) : fail({ kind: "not_found" });
}

/**
 * `GET /organizations/show_many?ids=` or `?external_ids=` (admins and agents [V]): the known ones
 * in request order, each once, unknown ids skipped (order, duplicates and unknown ids [U]: as
 * `ticket_forms/show_many` here). External ids compare case-insensitively ("The id is
 * case-insensitive" [V OrganizationObject]). At most 100 of each are read.
 */
export function showManyOrganizations(
	ctx: ServiceContext,
	actor: UserRecord,
	ids: readonly number[],
	externalIds: readonly string[] = [],
): Result<OrganizationRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const byId = ids.slice(0, SHOW_MANY_ORGANIZATIONS_LIMIT).flatMap(id => findOrganization(ctx.db, id) ?? []);
	const wanted = externalIds.slice(0, SHOW_MANY_ORGANIZATIONS_LIMIT).map(id => id.trim().toLowerCase());
	const byExternal = wanted.flatMap(
		external => ctx.db.organizations.find(o => o.external_id?.toLowerCase() === external) ?? [],
	);
	return ok([...new Set([...byId, ...byExternal])]);
}

/**
 * `GET /organizations/autocomplete?name=`: "organizations whose name starts with the value" [V],
 * case-insensitive, agents only [V]. `name` is required [V]: missing or blank → 400 QueryError
 * (the OAS documents a 400 with that code, not when [U]). The OAS states no minimum length (only
 * tags autocomplete asks for "at least 2 characters"), so one character is a valid prefix [U].
 * Sorted by name [U]; paging is the route's.
 */
export function autocompleteOrganizations(
	ctx: ServiceContext,
	actor: UserRecord,
	name: string | null,
): Result<OrganizationRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const prefix = (name ?? "").trim().toLowerCase();
	if (prefix === "") return fail({ kind: "query_error", title: "Missing required parameter: name" });
	const matches = ctx.db.organizations.filter(o => o.name.toLowerCase().startsWith(prefix));
	return ok(matches.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id - b.id));
}

/** `GET /organizations` (agents [V OAS ListOrganizations]; end users → 403): every organization, by id. */
export function listOrganizations(ctx: ServiceContext, actor: UserRecord): Result<OrganizationRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	return ok([...ctx.db.organizations].sort((a, b) => a.id - b.id));
}
