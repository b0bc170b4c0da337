/** One error class for every remote failure (house-style §6): models catch ApiError and nothing else. */
import { normalizeHeaders, parseRetryAfter } from "../zaf/headers";
import { isRecord } from "../../shared/isRecord";

/** What went wrong, from the app's point of view. The UI maps each kind to a translation. */
export type ApiErrorKind =
	| "unauthorized" // 401
	| "forbidden" // 403
	| "not_found" // 404 RecordNotFound, or a ZAF path that does not exist
	| "conflict" // 409 UpdateConflict (safe update lost the race)
	| "db_conflict" // 409 DatabaseConflict (transient; retry)
	| "closed_ticket" // 422 "Status: closed prevents ticket update"
	| "invalid" // 400/422 RecordInvalid and friends, with details
	| "too_large" // 413, or a request body Zendesk refuses for its size
	| "rate_limited" // 429, with retryAfterSeconds
	| "server" // 5xx
	| "timeout" // our own timeout, or the SDK's invocation timeout
	| "network" // status 0: connection dropped or refused
	| "unexpected_response"; // a 2xx whose body is not what the endpoint promises

/** Zendesk's `details` map: field (or `base`) → list of problems. */
export type ErrorDetails = Record<string, Array<{ description?: string; error?: string; [k: string]: unknown }>>;

/** What an ApiError is built from: its kind and message, and any of its other fields. */
export type ApiErrorInit = Pick<ApiError, "kind" | "message"> &
	Partial<Omit<ApiError, "kind" | "message" | "name" | "stack" | "cause">>;

/** A failure of a remote call (Zendesk REST through ZAF, or a ZAF get/set/invoke). */
export class ApiError extends Error {
	readonly kind: ApiErrorKind;
	readonly status: number | undefined;
	/** Zendesk's `error` code, e.g. `RecordInvalid`, `UpdateConflict`. */
	readonly code: string | undefined;
	/** Zendesk's `description`. */
	readonly description: string | undefined;
	readonly details: ErrorDetails | undefined;
	/** Seconds from `Retry-After` (429, 503). */
	readonly retryAfterSeconds: number | undefined;
	/** True when a 429 carried no usable `Retry-After` and `retryAfterSeconds` is our default. */
	readonly retryAfterGuessed: boolean;
	/** The request that failed, e.g. `PUT /api/v2/tickets/1.json`. */
	readonly request: string | undefined;

	constructor(init: ApiErrorInit) {
		super(init.message);
		this.name = "ApiError";
		this.kind = init.kind;
		this.status = init.status;
		this.code = init.code;
		this.description = init.description;
		this.details = init.details;
		this.retryAfterSeconds = init.retryAfterSeconds;
		this.retryAfterGuessed = init.retryAfterGuessed === true;
		this.request = init.request;
	}
}

/** True for an ApiError (use instead of instanceof across bundles). */
export function isApiError(value: unknown): value is ApiError {
	return value instanceof ApiError;
}

/** Prefix of every message we create, so our failures are easy to find in the console. */
export const MESSAGE_PREFIX = "[zd-sidebar]";

/** Wait used when a 429 carries no usable `Retry-After`: the official Ruby client's default (§16). */
export const DEFAULT_RETRY_AFTER_SECONDS = 10;

/**
 * Turns any rejection into an ApiError labelled `request`: `client.request`'s XHR-like object, SDK errors
 * (`Error('"path" msg')`, `Error('Invocation request timeout')`, the npm fork's `{name: 'TimeoutError'}`), an
 * ApiError (as is, `request` filled in) or garbage (`unexpected_response`). Never throws, never retries.
 */
export function toApiError(rejection: unknown, request?: string): ApiError {
	if (rejection instanceof ApiError) {
		if (rejection.request !== undefined || request === undefined) return rejection;
		return new ApiError({ ...rejection, message: rejection.message, request });
	}
	const label = request ?? "request";
	if (isTimeout(rejection)) {
		return new ApiError({ kind: "timeout", message: `${MESSAGE_PREFIX} ${label} failed: timeout`, request });
	}
	if (isRecord(rejection) && typeof rejection.status === "number") return fromHttp(rejection, label, request);
	if (rejection instanceof Error || (isRecord(rejection) && typeof rejection.message === "string")) {
		return fromSdkError(rejection as { name?: unknown; message: string }, label, request);
	}
	const what =
		rejection === undefined || rejection === null
			? String(rejection)
			: typeof rejection === "string"
				? JSON.stringify(rejection.slice(0, 80))
				: typeof rejection;
	return new ApiError({
		kind: "unexpected_response",
		message: `${MESSAGE_PREFIX} ${label} failed: unexpected response ${what}`,
		request,
	});
}

/** Maps an HTTP status (plus Zendesk's error code and texts) to a kind. */
function kindForStatus(status: number, code: string | undefined, texts: string[]): ApiErrorKind {
	if (status === 0) return "network";
	if (status === 401) return "unauthorized";
	if (status === 403) return "forbidden";
	if (status === 404) return "not_found";
	if (status === 409) return code === "DatabaseConflict" ? "db_conflict" : "conflict";
	if (status === 413) return "too_large";
	if (status === 429) return "rate_limited";
	if (status === 422 && texts.some(t => /closed prevents ticket update|ClosedTicket/i.test(t))) return "closed_ticket";
	if (status >= 500 && status <= 599) return "server";
	if (status >= 400 && status <= 499) return "invalid";
	// 1xx/2xx/3xx reaching here means a "success" the caller could not use.
	return "unexpected_response";
}

function fromHttp(xhr: Record<string, unknown>, label: string, request: string | undefined): ApiError {
	const status = xhr.status as number;
	const body = parseErrorBody(xhr.responseJSON, typeof xhr.responseText === "string" ? xhr.responseText : undefined);
	const detailTexts = Object.values(body.details ?? {}).flatMap(list => list.flatMap(i => [i.description, i.error]));
	const texts = [body.code, body.description, body.text, ...detailTexts].filter(s => typeof s === "string");
	// jQuery reports its own `timeout` option firing as status 0 with statusText "timeout".
	const kind = status === 0 && xhr.statusText === "timeout" ? "timeout" : kindForStatus(status, body.code, texts);
	const statusText = typeof xhr.statusText === "string" && xhr.statusText !== "error" ? xhr.statusText : "";
	const reason =
		status === 0
			? "network error"
			: [body.code, body.description ?? body.text].filter(Boolean).join(": ") || statusText || kind;
	const retryAfterSeconds = parseRetryAfter(normalizeHeaders(xhr.headers));
	return new ApiError({
		kind,
		message: `${MESSAGE_PREFIX} ${label} failed: ${status} ${reason}`,
		status,
		code: body.code,
		description: body.description ?? body.text,
		details: body.details,
		retryAfterSeconds: kind === "rate_limited" ? (retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) : retryAfterSeconds,
		...(kind === "rate_limited" && retryAfterSeconds === undefined ? { retryAfterGuessed: true } : {}),
		request,
	});
}

function fromSdkError(error: { name?: unknown; message: string }, label: string, request: string | undefined) {
	// The SDK formats path errors as `"ticket.nope" Could not find API for ticket.nope` (zaf-protocol.md §2.6).
	const notFound = error.name === "APIUnavailable" || /could not find|not found|unknown/i.test(error.message);
	return new ApiError({
		kind: notFound ? "not_found" : "invalid",
		message: `${MESSAGE_PREFIX} ${label} failed: ${error.message}`,
		code: typeof error.name === "string" && error.name !== "Error" ? error.name : undefined,
		description: error.message,
		request,
	});
}

function isTimeout(value: unknown): boolean {
	if (!isRecord(value) && !(value instanceof Error)) return false;
	const { name, message } = value as { name?: unknown; message?: unknown };
	return name === "TimeoutError" || (typeof message === "string" && /^Invocation request timeout/.test(message));
}

/** What the app keeps of an error body; `text` is a non-JSON body as one line of at most 300 characters. */
interface ParsedErrorBody {
	code?: string;
	description?: string;
	details?: ErrorDetails;
	text?: string;
}

/**
 * Reads a Zendesk error body in every shape (zendesk-ticket-api.md §11): `{error: "Code", description,
 * details}`, the 403 `{error: {title, message}}`, `{errors: [{code, title, detail}]}`, and text or HTML
 * (429, 5xx). Never throws; unknown shapes yield `{}`.
 */
export function parseErrorBody(json: unknown, text: string | undefined): ParsedErrorBody {
	const body = json !== undefined ? json : parseJson(text);
	if (isRecord(body)) {
		const out: ParsedErrorBody = {};
		if (typeof body.error === "string") {
			out.code = body.error;
			if (typeof body.description === "string") out.description = body.description;
		} else if (isRecord(body.error)) {
			if (typeof body.error.title === "string") out.code = body.error.title;
			if (typeof body.error.message === "string") out.description = body.error.message;
		} else if (Array.isArray(body.errors) && isRecord(body.errors[0])) {
			const first = body.errors[0];
			if (typeof first.code === "string") out.code = first.code;
			const detail = typeof first.detail === "string" ? first.detail : first.title;
			if (typeof detail === "string") out.description = detail;
		} else if (typeof body.description === "string") {
			out.description = body.description;
		}
		const details = parseDetails(body.details);
		if (details) out.details = details;
		return out;
	}
	if (typeof text !== "string" || text.trim() === "") return {};
	// Tags stripped and whitespace collapsed, so an HTML error page reads as one line.
	const flat = text
		.replace(/<[^>]*>/g, " ")
		.replace(/\s+/g, " ")
		.trim();
	return { text: flat.length > 300 ? `${flat.slice(0, 300)}…` : flat };
}

/** Keeps only `field → [{...}]` entries of a Zendesk `details` map. Returns undefined when nothing is left. */
function parseDetails(raw: unknown): ErrorDetails | undefined {
	if (!isRecord(raw)) return undefined;
	const out: ErrorDetails = {};
	for (const [field, list] of Object.entries(raw)) {
		if (!Array.isArray(list)) continue;
		const items = list.filter(isRecord).map(item => ({
			...item,
			description: typeof item.description === "string" ? item.description : undefined,
			error: typeof item.error === "string" ? item.error : undefined,
		}));
		if (items.length > 0) out[field] = items;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** `text` as JSON, or undefined when it is absent, blank or not JSON. Never throws. */
export function parseJson(text: string | undefined): unknown {
	if (text === undefined || text.trim() === "") return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
