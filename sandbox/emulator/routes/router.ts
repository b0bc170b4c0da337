/**
 * A tiny path router: `GET /api/v2/tickets/:id` patterns, a `.json` suffix accepted on every path
 * (§2 [V]), params as strings. Knows nothing about Zendesk.
 */

/** A matched request's path params and query. */
export interface RouteMatch {
	params: Record<string, string>;
	query: URLSearchParams;
}

/** One route: method + pattern → handler. */
export interface Route<H> {
	method: string;
	pattern: string;
	handler: H;
}

/** Splits a URL (path + query) into a path without `.json` and its query. */
export function splitUrl(url: string): { path: string; query: URLSearchParams } {
	const parsed = new URL(url, "http://emulator.invalid");
	let path = decodeURIComponent(parsed.pathname).replace(/\/+$/, "") || "/";
	if (path.endsWith(".json")) path = path.slice(0, -".json".length);
	return { path, query: parsed.searchParams };
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
	const want = pattern.split("/");
	const got = path.split("/");
	if (want.length !== got.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		const w = want[i] ?? "";
		const g = got[i] ?? "";
		if (w.startsWith(":")) params[w.slice(1)] = g;
		else if (w !== g) return undefined;
	}
	return params;
}

/** Finds the route for a request: `{route, match}`, `"method"` when only the method is wrong, or undefined. */
export function findRoute<H>(
	routes: Array<Route<H>>,
	method: string,
	url: string,
): { route: Route<H>; match: RouteMatch } | "method" | undefined {
	const { path, query } = splitUrl(url);
	let pathMatched = false;
	for (const route of routes) {
		const params = matchPattern(route.pattern, path);
		if (!params) continue;
		pathMatched = true;
		if (route.method === method.toUpperCase()) return { route, match: { params, query } };
	}
	return pathMatched ? "method" : undefined;
}
