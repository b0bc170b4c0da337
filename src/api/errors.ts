/**
 * One error class for every remote failure (house-style §6). Created only by `toApiError` and
 * the ZAF port; models catch ApiError and nothing else.
 */

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

export interface ApiErrorInit {
	kind: ApiErrorKind;
	message: string;
	status?: number;
	/** Zendesk's `error` code, e.g. `RecordInvalid`, `UpdateConflict`. */
	code?: string;
	/** Zendesk's `description`. */
	description?: string;
	details?: ErrorDetails;
	/** Seconds from `Retry-After` (429, 503). */
	retryAfterSeconds?: number;
	/** The request that failed, e.g. `PUT /api/v2/tickets/1.json`. */
	request?: string;
}

/** A failure of a remote call (Zendesk REST through ZAF, or a ZAF get/set/invoke). */
export class ApiError extends Error {
	readonly kind: ApiErrorKind;
	readonly status: number | undefined;
	readonly code: string | undefined;
	readonly description: string | undefined;
	readonly details: ErrorDetails | undefined;
	readonly retryAfterSeconds: number | undefined;
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
		this.request = init.request;
	}
}

/** True for an ApiError (use instead of instanceof across bundles). */
export function isApiError(value: unknown): value is ApiError {
	return value instanceof ApiError;
}
