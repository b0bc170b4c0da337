/**
 * The request pipeline and route table: faults → attachment bytes → auth (401) → account rate
 * limit (429) → route (404) → JSON body (400) → per-ticket limit (429) → idempotency → handler.
 * With the route modules it is the only place HTTP statuses are chosen.
 */
import { randomUUID } from "node:crypto";
import { authenticate } from "./auth";
import type { Fault } from "../controls/faults";
import { takeFault } from "../controls/faults";
import { fingerprintOf, lookupKey, rememberKey } from "../services/idempotency";
import { organizationRoutes } from "./organizationRoutes";
import { takeAccountRequest, takeTicketUpdate } from "../controls/rateLimiter";
import { appendLog } from "../controls/requestLog";
import { resourceRoutes } from "./resourceRoutes";
import {
	ACCOUNT_RATE_LIMIT_TEXT,
	faultResponse,
	idempotencyMismatchBody,
	invalidEndpointBody,
	malformedJsonBody,
	notFoundBody,
	respondJson,
	respondText,
	TICKET_UPDATE_RATE_LIMIT_TEXT,
	unauthorizedBody,
} from "./responses";
import { findRoute, splitUrl } from "./router";
import type { ApiRoute, RouteContext } from "./routeTypes";
import type { Runtime } from "../db/runtime";
import { sandboxRoutes } from "./sandboxRoutes";
import { ticketRoutes } from "./ticketRoutes";
import type { EmulatorRequest, EmulatorResponse } from "../types";
import { readAttachmentContent } from "../services/uploadService";
import { photoContent } from "../services/userPhoto";
import { userRoutes } from "./userRoutes";

/** Every `/api/v2` route. */
export const apiRoutes: ApiRoute[] = [...ticketRoutes, ...userRoutes, ...organizationRoutes, ...resourceRoutes];

/** Creates are idempotent with `Idempotency-Key` (§4.1 [V]); `?async=true` included. */
const IDEMPOTENT = new Set(["POST /api/v2/tickets", "POST /api/v2/tickets/create_many"]);

const SANDBOX_CORS = {
	"access-control-allow-origin": "*",
	"access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
	"access-control-allow-headers": "content-type",
};

/** `http://host` of a request (`X-Forwarded-Host`, else its Host header), else the fallback. */
export function baseUrlOf(headers: Record<string, string>, fallback: string): string {
	const host = headers["x-forwarded-host"] ?? headers.host;
	if (!host) return fallback;
	return `${headers["x-forwarded-proto"] ?? "http"}://${host}`;
}

const lowerHeaders = (headers: Record<string, string>) =>
	Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const bodyText = (body: string | Uint8Array | undefined) =>
	body === undefined ? "" : typeof body === "string" ? body : new TextDecoder().decode(body);

function faultAnswer(fault: Fault): EmulatorResponse {
	const headers: Record<string, string> = { ...lowerHeaders(fault.headers ?? {}) };
	if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
	const status = fault.status ?? 500;
	if (fault.body === undefined) return faultResponse(status, headers);
	return typeof fault.body === "string"
		? respondText(status, fault.body, headers)
		: respondJson(status, fault.body, headers);
}

function sandboxAnswer(rt: Runtime, method: string, url: string, raw: string): EmulatorResponse {
	if (method === "OPTIONS") return { status: 204, headers: SANDBOX_CORS, body: "" };
	const found = findRoute(sandboxRoutes, method, url);
	if (!found || found === "method") return respondJson(404, invalidEndpointBody(), SANDBOX_CORS);
	let body: unknown;
	try {
		body = raw.trim() === "" ? undefined : JSON.parse(raw);
	} catch {
		return respondJson(400, malformedJsonBody(), SANDBOX_CORS);
	}
	const response = found.route.handler(rt, body, found.match.query);
	return { ...response, headers: { ...response.headers, ...SANDBOX_CORS } };
}

/** Builds `handle(request)` for a runtime. Never throws: a bug becomes a logged 500. */
export function createRequestHandler(rt: Runtime): (request: EmulatorRequest) => Promise<EmulatorResponse> {
	return async request => {
		const method = request.method.toUpperCase();
		const headers = lowerHeaders(request.headers);
		const { path, query } = splitUrl(request.url);
		if (path === "/__sandbox" || path.startsWith("/__sandbox/"))
			return sandboxAnswer(rt, method, request.url, bodyText(request.body));
		const started = Date.now();
		let actorEmail: string | null = null;
		let actorId: number | null = null;
		let faulted = false;
		const finish = (response: EmulatorResponse) => {
			appendLog(
				rt.log,
				{
					at: new Date(rt.clock.now()).toISOString(),
					method,
					url: request.url,
					user: actorEmail,
					userId: actorId,
					status: response.dropped ? 0 : response.status,
					fault: faulted,
					client: headers["x-sandbox-client"] ?? "app",
					durationMs: Date.now() - started,
				},
				++rt.logSeq,
			);
			return response;
		};
		const fault = takeFault(rt.faults, method, request.url);
		if (fault) {
			faulted = true;
			if (fault.delayMs) await new Promise(resolve => setTimeout(resolve, fault.delayMs));
			if (fault.drop) return finish({ status: 0, headers: {}, body: "", dropped: true });
			if (fault.status !== undefined) return finish(faultAnswer(fault));
		}
		try {
			return finish(answerApi(rt, request, method, path, query, headers));
		} catch (error) {
			console.error("[emulator] bug while handling", method, request.url, error);
			return finish(respondText(500, "Internal Server Error"));
		}

		function answerApi(
			rt: Runtime,
			request: EmulatorRequest,
			method: string,
			path: string,
			query: URLSearchParams,
			headers: Record<string, string>,
		): EmulatorResponse {
			const base = baseUrlOf(headers, rt.fallbackBaseUrl);
			if (method === "GET" && path.startsWith("/attachments/token/")) {
				// Served without credentials: the sandbox has no session cookie (decision, docs/emulator.md).
				const content = readAttachmentContent(rt.ctx, path.split("/")[3] ?? "");
				if (!content) return respondJson(404, notFoundBody());
				return {
					status: 200,
					headers: {
						"content-type": content.attachment.content_type,
						"content-length": String(content.bytes.byteLength),
					},
					body: content.bytes,
				};
			}
			if (method === "GET" && path.startsWith("/system/photos/"))
				return photoContent(rt.ctx.db, path) ?? respondJson(404, notFoundBody());
			if (!path.startsWith("/api/v2/") && path !== "/api/v2") return respondJson(404, invalidEndpointBody());
			const actor = authenticate(rt.ctx.db, headers.authorization);
			if (!actor) return respondJson(401, unauthorizedBody(), { "www-authenticate": 'Basic realm="Web Password"' });
			actorEmail = actor.email;
			actorId = actor.id;
			const now = rt.clock.now();
			const rate = takeAccountRequest(rt.rate, now, rt.settings.accountRateLimit, rt.settings.rateLimits);
			const rateHeaders: Record<string, string> = {
				"x-rate-limit": String(rate.limit),
				"x-rate-limit-remaining": String(rate.remaining),
				"ratelimit-limit": String(rate.limit),
				"ratelimit-remaining": String(rate.remaining),
				"ratelimit-reset": String(rate.resetSeconds),
				"x-zendesk-request-id": randomUUID(),
			};
			if (!rate.allowed)
				return respondText(429, ACCOUNT_RATE_LIMIT_TEXT, {
					...rateHeaders,
					"retry-after": String(rate.retryAfterSeconds),
				});
			const found = findRoute(apiRoutes, method, request.url);
			if (!found || found === "method") return respondJson(404, invalidEndpointBody(), rateHeaders);
			const routeKey = `${method} ${found.route.pattern}`;
			let body: unknown;
			const raw = request.body;
			if (routeKey !== "POST /api/v2/uploads" && bodyText(raw).trim() !== "") {
				try {
					body = JSON.parse(bodyText(raw));
				} catch {
					return respondJson(400, malformedJsonBody(), rateHeaders);
				}
			}
			if (routeKey === "PUT /api/v2/tickets/:id") {
				const check = takeTicketUpdate(
					rt.rate,
					actor.id,
					Number(found.match.params.id),
					now,
					rt.settings.ticketUpdateRateLimit,
					rt.settings.rateLimits,
				);
				// "Rate limit for ticket updates exceeded" as text/html with Retry-After (§5.1 [V BP-RL]).
				if (!check.allowed)
					return respondText(429, TICKET_UPDATE_RATE_LIMIT_TEXT, {
						...rateHeaders,
						"retry-after": String(check.retryAfterSeconds),
					});
			}
			const context: RouteContext = {
				rt,
				actor,
				params: found.match.params,
				query,
				body,
				raw,
				headers,
				method,
				url: request.url,
				base,
				request: { userAgent: headers["user-agent"], ipAddress: "127.0.0.1" },
			};
			const key = headers["idempotency-key"];
			if (key && IDEMPOTENT.has(routeKey)) {
				const fingerprint = fingerprintOf(method, request.url, bodyText(raw));
				const lookup = lookupKey(rt.idempotency, actor.id, key, fingerprint, now);
				if (lookup.kind === "hit")
					return {
						...lookup.response,
						headers: { ...lookup.response.headers, ...rateHeaders, "x-idempotency-lookup": "hit" },
					};
				if (lookup.kind === "mismatch") return respondJson(400, idempotencyMismatchBody(), rateHeaders);
				const response = found.route.handler(context);
				const withMiss = { ...response, headers: { ...response.headers, "x-idempotency-lookup": "miss" } };
				if (response.status < 500) rememberKey(rt.idempotency, actor.id, key, fingerprint, withMiss, now);
				return { ...withMiss, headers: { ...withMiss.headers, ...rateHeaders } };
			}
			const response = found.route.handler(context);
			return { ...response, headers: { ...response.headers, ...rateHeaders } };
		}
	};
}
