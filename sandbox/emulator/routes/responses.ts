/**
 * The ONLY place Zendesk-shaped bodies are built (house-style §6). Shapes and confidence tags from
 * zendesk-ticket-api.md §11. Status codes are chosen by the routes, not here.
 */
import type { Issue } from "../services/serviceTypes";
import type { EmulatorResponse } from "../types";

/** A JSON response with Zendesk's content type. */
export function respondJson(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
	return {
		status,
		headers: { "content-type": "application/json; charset=utf-8", ...headers },
		body: JSON.stringify(body),
	};
}

/** A text response (429s and 5xx are not JSON at Zendesk, §11 [V BP-RL]). */
export function respondText(status: number, text: string, headers: Record<string, string> = {}): EmulatorResponse {
	return { status, headers: { "content-type": "text/html; charset=utf-8", ...headers }, body: text };
}

/** An empty response (204). */
export function respondEmpty(status: number, headers: Record<string, string> = {}): EmulatorResponse {
	return { status, headers, body: "" };
}

/** 422 body: `{error:"RecordInvalid", description:"Record validation errors", details:{<field>:[{description, error, ...}]}}` [V/F]. */
export function recordInvalidBody(issues: Issue[]): Record<string, unknown> {
	const details: Record<string, Array<Record<string, unknown>>> = {};
	for (const issue of issues) {
		const entry: Record<string, unknown> = { description: issue.description };
		if (issue.error !== undefined) entry.error = issue.error;
		Object.assign(entry, issue.extra ?? {});
		(details[issue.field] ??= []).push(entry);
	}
	return { error: "RecordInvalid", description: "Record validation errors", details };
}

/** 404 body `{error:"RecordNotFound", description:"Not found"}` [V OAS; F]. */
export const notFoundBody = () => ({ error: "RecordNotFound", description: "Not found" });

/** Unknown path: `{error:"InvalidEndpoint", description:"Not found"}` [F]. */
export const invalidEndpointBody = () => ({ error: "InvalidEndpoint", description: "Not found" });

/** 401 body `{error:"Couldn't authenticate you"}` [F many fixtures]. */
export const unauthorizedBody = () => ({ error: "Couldn't authenticate you" });

/** 403 body, the nested shape [F captured real response]. */
export const forbiddenBody = () => ({
	error: {
		title: "Forbidden",
		message:
			"You do not have access to this page. Please contact the account owner of this help desk for further help.",
	},
});

/** 409 safe-update body [V GUIDE]. */
export const updateConflictBody = (description: string) => ({ error: "UpdateConflict", description });

/** 409 transient collision body [F zendesk_api_client_php#314]. */
export const databaseConflictBody = () => ({ error: "DatabaseConflict", description: "Database collision" });

/** A 400/413 body in Zendesk's `{error, description}` shape. */
export const errorBody = (error: string, description: string) => ({ error, description });

/**
 * 400 body of a search Zendesk cannot run, in the OAS `Errors` shape its autocomplete endpoints
 * document (`{"errors":[{"code":"QueryError","title":"Invalid type:sample_type"}]}` [V shape]; titles [U]).
 */
export const queryErrorBody = (title: string) => ({ errors: [{ code: "QueryError", title }] });

/** Malformed JSON (sandbox wording; Zendesk's exact body is [U]). */
export const malformedJsonBody = () => errorBody("InvalidJSON", "The request body is not valid JSON");

/** Idempotency key reused with another body: `IdempotentRequestError` [F, code only]. */
export const idempotencyMismatchBody = () =>
	errorBody(
		"IdempotentRequestError",
		"The request body does not match the original request made with this Idempotency-Key",
	);

/** 429 text for the account limit (sandbox wording). */
export const ACCOUNT_RATE_LIMIT_TEXT =
	"You have exceeded the rate limit for this account. Please wait before making more requests.";

/** 429 text for per-ticket updates, verbatim from BP-RL [V]. */
export const TICKET_UPDATE_RATE_LIMIT_TEXT =
	"Rate limit for ticket updates exceeded, please wait before updating this ticket again";

/** Default 503 text for injected faults. */
export const SERVICE_UNAVAILABLE_TEXT =
	"Service Unavailable: Zendesk is temporarily unavailable. Please try again later.";

/** Default body for an injected fault status: 409 DatabaseConflict, 429/503 text, else a generic JSON error. */
export function faultResponse(status: number, headers: Record<string, string>): EmulatorResponse {
	if (status === 409) return respondJson(status, databaseConflictBody(), headers);
	if (status === 429) return respondText(status, ACCOUNT_RATE_LIMIT_TEXT, headers);
	if (status === 503 || status === 502 || status === 500) return respondText(status, SERVICE_UNAVAILABLE_TEXT, headers);
	if (status === 401) return respondJson(status, unauthorizedBody(), headers);
	if (status === 403) return respondJson(status, forbiddenBody(), headers);
	if (status === 404) return respondJson(status, notFoundBody(), headers);
	if (status === 422)
		return respondJson(
			status,
			recordInvalidBody([{ field: "base", description: "Injected validation error", error: "InvalidValue" }]),
			headers,
		);
	return respondJson(status, errorBody("InjectedFault", `Injected fault with status ${status}`), headers);
}
