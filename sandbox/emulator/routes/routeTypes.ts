/**
 * Shared route-layer pieces: the per-request context handed to handlers and the one mapping from
 * service failures to HTTP statuses (house-style §4.9: routes choose statuses, responses.ts builds bodies).
 */
import type { UserRecord } from "../db/records";
import {
	errorBody,
	forbiddenBody,
	notFoundBody,
	queryErrorBody,
	recordInvalidBody,
	respondJson,
	updateConflictBody,
} from "./responses";
import type { Route } from "./router";
import type { Runtime } from "../db/runtime";
import type { Failure, RequestInfo, Result } from "../services/serviceTypes";
import { UPDATE_CONFLICT_DESCRIPTION } from "../services/ticketService";
import type { EmulatorResponse } from "../types";

/** What a handler gets for one request. */
export interface RouteContext {
	rt: Runtime;
	/** The authenticated user (API routes only). */
	actor: UserRecord;
	params: Record<string, string>;
	query: URLSearchParams;
	/** The parsed JSON body (undefined when none). */
	body: unknown;
	/** The raw body (uploads read bytes from it). */
	raw: string | Uint8Array | undefined;
	headers: Record<string, string>;
	method: string;
	url: string;
	/** `http://host:port` of this request (from its Host header). */
	base: string;
	request: RequestInfo;
}

/** A route handler. Synchronous: every Zendesk rule runs in memory. */
export type Handler = (c: RouteContext) => EmulatorResponse;

/** An API route. */
export type ApiRoute = Route<Handler>;

/** Maps a service failure to Zendesk's status and body. */
export function failureResponse(failure: Failure): EmulatorResponse {
	switch (failure.kind) {
		case "invalid":
			return respondJson(422, recordInvalidBody(failure.issues));
		case "not_found":
			return respondJson(404, notFoundBody());
		case "forbidden":
			return respondJson(403, forbiddenBody());
		case "update_conflict":
			return respondJson(409, updateConflictBody(UPDATE_CONFLICT_DESCRIPTION));
		case "bad_request":
			// More than 30 jobs in flight: status [U]; the sandbox answers 429 like other limits.
			return respondJson(failure.error === "TooManyJobs" ? 429 : 400, errorBody(failure.error, failure.description));
		case "query_error":
			return respondJson(400, queryErrorBody(failure.title));
		case "too_large":
			// Oversize upload: 413 is the sandbox choice (§9 [U]; the Ruby client maps 413 to RecordInvalid).
			return respondJson(413, errorBody("RecordInvalid", failure.description));
	}
}

/** 200 with `render(value)` on success, the failure's response otherwise. */
export function answer<T>(
	result: Result<T>,
	render: (value: T) => unknown,
	status = 200,
	headers?: Record<string, string>,
): EmulatorResponse {
	return result.ok ? respondJson(status, render(result.value), headers) : failureResponse(result.failure);
}

/** Reads a numeric path param; NaN when not numeric (services then answer not found). */
export function idParam(c: RouteContext, name = "id"): number {
	const raw = c.params[name] ?? "";
	return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Comma-separated ids from a query param. */
export function idList(value: string | null): number[] {
	return (value ?? "")
		.split(",")
		.map(s => s.trim())
		.filter(s => /^\d+$/.test(s))
		.map(Number);
}

/** The `include=` sideloads asked for. */
export function includes(c: RouteContext): string[] {
	return (c.query.get("include") ?? "")
		.split(",")
		.map(s => s.trim())
		.filter(Boolean);
}
