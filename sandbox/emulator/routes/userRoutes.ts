/** User endpoints (zendesk-ticket-api.md §8 [V]). */
import { errorBody, respondJson } from "./responses";
import { answer, idList, idParam, type ApiRoute, type RouteContext } from "./routeTypes";
import { userJson } from "./serializers";
import { fail, isObject, isStaff, ok } from "../services/serviceTypes";
import { autocompleteUsers, createUser, searchUsers, showManyUsers, showUser } from "../services/userService";
import type { UserRecord } from "../db/records";

const users = (c: RouteContext) => (list: UserRecord[]) => ({ users: list.map(u => userJson(u, c.base)) });
const page = (c: RouteContext) => (list: UserRecord[]) => ({
	...users(c)(list),
	next_page: null,
	previous_page: null,
	count: list.length,
});

function list(c: RouteContext) {
	if (!isStaff(c.actor)) return answer(fail({ kind: "forbidden" }), () => ({}));
	const role = c.query.get("role");
	const roles = c.query.getAll("role[]");
	const wanted = role ? [role] : roles;
	return answer(ok(c.rt.ctx.db.users.filter(u => wanted.length === 0 || wanted.includes(u.role))), page(c));
}

function create(c: RouteContext) {
	if (!isObject(c.body) || !isObject(c.body.user))
		return respondJson(400, errorBody("ParameterMissing", "param is missing or the value is empty: user"));
	return answer(createUser(c.rt.ctx, c.actor, c.body.user), u => ({ user: userJson(u, c.base) }), 201);
}

/** The user routes; literal paths come before `:id`. */
export const userRoutes: ApiRoute[] = [
	{ method: "GET", pattern: "/api/v2/users", handler: list },
	{ method: "POST", pattern: "/api/v2/users", handler: create },
	// "Allowed for: anonymous users" [V OAS ShowCurrentUser]; here the caller is always authenticated.
	{
		method: "GET",
		pattern: "/api/v2/users/me",
		handler: c =>
			respondJson(200, { user: { ...userJson(c.actor, c.base), authenticity_token: "sandbox-csrf-token" } }),
	},
	{
		method: "GET",
		pattern: "/api/v2/users/show_many",
		handler: c =>
			answer(
				showManyUsers(
					c.rt.ctx,
					c.actor,
					idList(c.query.get("ids")),
					(c.query.get("external_ids") ?? "").split(",").filter(Boolean),
				),
				users(c),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/users/search",
		handler: c =>
			answer(
				searchUsers(c.rt.ctx, c.actor, c.query.get("query") ?? "", c.query.get("external_id") ?? undefined),
				page(c),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/users/autocomplete",
		handler: c => answer(autocompleteUsers(c.rt.ctx, c.actor, c.query.get("name") ?? ""), users(c)),
	},
	// Older apps POST to autocomplete (OLD-DOCS [V]).
	{
		method: "POST",
		pattern: "/api/v2/users/autocomplete",
		handler: c =>
			answer(
				autocompleteUsers(
					c.rt.ctx,
					c.actor,
					c.query.get("name") ?? (isObject(c.body) && typeof c.body.name === "string" ? c.body.name : ""),
				),
				users(c),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/users/:id",
		handler: c => answer(showUser(c.rt.ctx, c.actor, idParam(c)), u => ({ user: userJson(u, c.base) })),
	},
];
