import { describe, expect, it } from "vitest";
import { ApiError, toApiError, type ApiErrorKind } from "./errors";

const REQ = "PUT /api/v2/tickets/7.json";

/** An XHR-like rejection exactly as the ZAF host sends it (zaf-protocol.md §2.7). */
function xhr(status: number, body: unknown, headers?: Record<string, string> | string) {
	const responseText = typeof body === "string" ? body : JSON.stringify(body);
	return {
		status,
		statusText: "error",
		responseText,
		...(typeof body === "string" ? {} : { responseJSON: body }),
		...(headers === undefined ? {} : { headers }),
	};
}

interface Case {
	name: string;
	rejection: unknown;
	kind: ApiErrorKind;
	status?: number;
	code?: string;
	description?: string;
	retryAfterSeconds?: number;
	message?: string;
	detailsField?: string;
}

const cases: Case[] = [
	{
		name: "401 Couldn't authenticate you",
		rejection: xhr(401, { error: "Couldn't authenticate you" }),
		kind: "unauthorized",
		status: 401,
		code: "Couldn't authenticate you",
		message: `[zd-sidebar] ${REQ} failed: 401 Couldn't authenticate you`,
	},
	{
		name: "403 with the nested {error:{title,message}} shape",
		rejection: xhr(403, {
			error: { title: "Forbidden", message: "You do not have access to this page." },
		}),
		kind: "forbidden",
		status: 403,
		code: "Forbidden",
		description: "You do not have access to this page.",
		message: `[zd-sidebar] ${REQ} failed: 403 Forbidden: You do not have access to this page.`,
	},
	{
		name: "404 RecordNotFound",
		rejection: xhr(404, { error: "RecordNotFound", description: "Not found" }),
		kind: "not_found",
		status: 404,
		code: "RecordNotFound",
		description: "Not found",
		message: `[zd-sidebar] ${REQ} failed: 404 RecordNotFound: Not found`,
	},
	{
		name: "422 RecordInvalid with details",
		rejection: xhr(422, {
			error: "RecordInvalid",
			description: "Record validation errors",
			details: { requester: [{ description: "Requester: Email is invalid", error: "InvalidValue" }] },
		}),
		kind: "invalid",
		status: 422,
		code: "RecordInvalid",
		description: "Record validation errors",
		detailsField: "requester",
	},
	{
		name: "422 closed ticket (details.status)",
		rejection: xhr(422, {
			error: "RecordInvalid",
			description: "Record validation errors",
			details: { status: [{ description: "Status: closed prevents ticket update" }] },
		}),
		kind: "closed_ticket",
		status: 422,
		code: "RecordInvalid",
		detailsField: "status",
	},
	{
		name: "422 closed ticket (details.base variant)",
		rejection: xhr(422, {
			error: "RecordInvalid",
			description: "Record validation errors",
			details: { base: [{ description: "Status: closed prevents ticket update", error: "ClosedTicket" }] },
		}),
		kind: "closed_ticket",
		status: 422,
		detailsField: "base",
	},
	{
		name: "409 UpdateConflict",
		rejection: xhr(409, {
			error: "UpdateConflict",
			description: "Safe Update prevented the update due to outdated ticket data.",
		}),
		kind: "conflict",
		status: 409,
		code: "UpdateConflict",
	},
	{
		name: "409 DatabaseConflict",
		rejection: xhr(409, { error: "DatabaseConflict", description: "Database collision" }),
		kind: "db_conflict",
		status: 409,
		code: "DatabaseConflict",
	},
	{
		name: "413 with an empty body",
		rejection: { status: 413, statusText: "Payload Too Large", responseText: "" },
		kind: "too_large",
		status: 413,
		message: `[zd-sidebar] ${REQ} failed: 413 Payload Too Large`,
	},
	{
		name: "429 text/html with Retry-After (object headers, any case)",
		rejection: xhr(
			429,
			"<html><body>Rate limit for ticket updates exceeded, please wait before updating this ticket again</body></html>",
			{ "Content-Type": "text/html; charset=utf-8", "Retry-After": "93" },
		),
		kind: "rate_limited",
		status: 429,
		retryAfterSeconds: 93,
		description: "Rate limit for ticket updates exceeded, please wait before updating this ticket again",
		message: `[zd-sidebar] ${REQ} failed: 429 Rate limit for ticket updates exceeded, please wait before updating this ticket again`,
	},
	{
		name: "429 with a raw header string",
		rejection: xhr(429, "Too Many Requests", "content-type: text/plain\r\nretry-after: 7\r\n"),
		kind: "rate_limited",
		status: 429,
		retryAfterSeconds: 7,
	},
	{
		name: "429 without Retry-After falls back to 10 s",
		rejection: xhr(429, "slow down"),
		kind: "rate_limited",
		retryAfterSeconds: 10,
	},
	{
		name: "500 with an HTML page",
		rejection: xhr(500, "<h1>Internal Server Error</h1>"),
		kind: "server",
		status: 500,
		description: "Internal Server Error",
	},
	{
		name: "503 maintenance keeps Retry-After",
		rejection: xhr(503, "Maintenance", { "retry-after": "30" }),
		kind: "server",
		status: 503,
		retryAfterSeconds: 30,
	},
	{
		name: "400 newer {errors:[{code,detail}]} shape",
		rejection: xhr(400, { errors: [{ code: "InvalidParameter", title: "Bad", detail: "page[size] is too big" }] }),
		kind: "invalid",
		code: "InvalidParameter",
		description: "page[size] is too big",
	},
	{
		name: "status 0: connection dropped",
		rejection: { status: 0, statusText: "error", responseText: "" },
		kind: "network",
		status: 0,
		message: `[zd-sidebar] ${REQ} failed: 0 network error`,
	},
	{
		name: "npm SDK fork TimeoutError (not an Error)",
		rejection: { name: "TimeoutError", message: 'Timeout when invoking "get"' },
		kind: "timeout",
		message: `[zd-sidebar] ${REQ} failed: timeout`,
	},
	{
		name: "official SDK Error('Invocation request timeout')",
		rejection: new Error("Invocation request timeout"),
		kind: "timeout",
	},
	{
		name: "single-path get Error with the path in quotes",
		rejection: Object.assign(new Error('"ticket.nope" Could not find API for ticket.nope'), { name: "APIUnavailable" }),
		kind: "not_found",
		code: "APIUnavailable",
	},
	{
		name: "a 2xx status object handed over as a failure",
		rejection: { status: 200, responseText: "<html>login</html>" },
		kind: "unexpected_response",
		status: 200,
	},
	{ name: "undefined", rejection: undefined, kind: "unexpected_response" },
	{ name: "a bare string", rejection: "boom", kind: "unexpected_response" },
	{ name: "an array", rejection: [1, 2], kind: "unexpected_response" },
	{
		name: "malformed JSON text on a 422",
		rejection: { status: 422, responseText: "{not json" },
		kind: "invalid",
		status: 422,
	},
];

describe("toApiError", () => {
	it.each(cases)("maps $name to kind $kind", c => {
		const error = toApiError(c.rejection, REQ);
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toBeInstanceOf(Error);
		expect(error.kind).toBe(c.kind);
		expect(error.request).toBe(REQ);
		expect(error.message.startsWith(`[zd-sidebar] ${REQ} failed: `)).toBe(true);
		if (c.status !== undefined) expect(error.status).toBe(c.status);
		if (c.code !== undefined) expect(error.code).toBe(c.code);
		if (c.description !== undefined) expect(error.description).toBe(c.description);
		if (c.retryAfterSeconds !== undefined) expect(error.retryAfterSeconds).toBe(c.retryAfterSeconds);
		if (c.message !== undefined) expect(error.message).toBe(c.message);
		if (c.detailsField !== undefined) expect(error.details?.[c.detailsField]?.length).toBe(1);
	});

	it("returns an existing ApiError unchanged when it already names its request", () => {
		const original = new ApiError({ kind: "conflict", message: "x", request: "GET /a" });
		expect(toApiError(original, REQ)).toBe(original);
	});

	it("fills in the request of an ApiError that has none", () => {
		const original = new ApiError({ kind: "server", message: "x", status: 502 });
		const error = toApiError(original, REQ);
		expect(error.request).toBe(REQ);
		expect(error.status).toBe(502);
	});

	it("labels the call generically when no request is given", () => {
		expect(toApiError(undefined).message).toBe("[zd-sidebar] request failed: unexpected response undefined");
	});

	it("keeps the details entries of a 422 for field-level messages", () => {
		const error = toApiError(
			xhr(422, {
				error: "RecordInvalid",
				description: "Record validation errors",
				details: {
					base: [
						{
							description: "Date Field is not valid",
							error: "InvalidValue",
							ticket_field_id: 111,
							ticket_field_type: "FieldDate",
						},
					],
					junk: "not a list",
				},
			}),
			REQ,
		);
		expect(error.details).toEqual({
			base: [
				{
					description: "Date Field is not valid",
					error: "InvalidValue",
					ticket_field_id: 111,
					ticket_field_type: "FieldDate",
				},
			],
		});
	});
});

describe("retryAfterGuessed", () => {
	const rateLimited = (headers: string) => ({
		status: 429,
		statusText: "Too Many Requests",
		responseText: "slow down",
		headers,
	});

	it("marks a 429 without Retry-After as guessed and one with it as Zendesk's", () => {
		expect(toApiError(rateLimited("content-type: text/plain\r\n"))).toMatchObject({
			retryAfterSeconds: 10,
			retryAfterGuessed: true,
		});
		expect(toApiError(rateLimited("retry-after: 27\r\n"))).toMatchObject({
			retryAfterSeconds: 27,
			retryAfterGuessed: false,
		});
	});

	it("keeps the mark when the error is relabelled", () => {
		const relabelled = toApiError(
			new ApiError({ kind: "rate_limited", message: "x", retryAfterGuessed: true }),
			"PUT /x",
		);
		expect(relabelled).toMatchObject({ request: "PUT /x", retryAfterGuessed: true });
	});
});
