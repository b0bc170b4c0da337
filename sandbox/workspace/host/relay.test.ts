import { describe, expect, it } from "vitest";
import type { EmulatorResponse } from "../../emulator/types";
import { isRelayAnswer, toEmulatorRequest, toRelayAnswer } from "./relay";

const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse => ({
	status,
	headers: { "content-type": "application/json; charset=utf-8", ...headers },
	body: JSON.stringify(body),
});

describe("toEmulatorRequest", () => {
	it("authenticates as the signed-in agent with the sandbox API token", () => {
		const req = toEmulatorRequest({ url: "/api/v2/tickets/1.json" }, { email: "agent@example.com" });
		if (isRelayAnswer(req)) throw new Error("refused");
		expect(req.method).toBe("GET");
		expect(atob(req.headers.authorization!.replace("Basic ", ""))).toBe("agent@example.com/token:sandbox");
	});

	it("sends string data with the given content type and lower-cased custom headers", () => {
		const req = toEmulatorRequest(
			{
				url: "/api/v2/tickets.json",
				type: "POST",
				data: '{"ticket":{}}',
				contentType: "application/json",
				headers: { "Idempotency-Key": "k1" },
			},
			{ email: "a@example.com" },
		);
		if (isRelayAnswer(req)) throw new Error("refused");
		expect(req).toMatchObject({
			method: "POST",
			body: '{"ticket":{}}',
			headers: { "content-type": "application/json", "idempotency-key": "k1" },
		});
	});

	it("uses jQuery's form content type when none is given", () => {
		const req = toEmulatorRequest({ url: "/x", type: "PUT", data: "a=1" }, { email: "a@example.com" });
		if (isRelayAnswer(req)) throw new Error("refused");
		expect(req.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
	});

	it("appends GET data to the query string like jQuery", () => {
		const req = toEmulatorRequest(
			{ url: "/api/v2/users/search.json?x=1", data: "query=ann" },
			{ email: "a@example.com" },
		);
		if (isRelayAnswer(req)) throw new Error("refused");
		expect(req.url).toBe("/api/v2/users/search.json?x=1&query=ann");
		expect(req.body).toBeUndefined();
	});

	it("refuses header names with underscores, as the Zendesk proxy does", () => {
		const answer = toEmulatorRequest({ url: "/x", headers: { idempotency_key: "k" } }, { email: "a@example.com" });
		expect(isRelayAnswer(answer) && answer.outcome).toBe("fail");
	});
});

describe("toRelayAnswer", () => {
	const cases: Array<
		[name: string, opts: { httpCompleteResponse?: boolean }, res: EmulatorResponse, outcome: string, first: unknown]
	> = [
		["resolves with the parsed body by default", {}, json(200, { ticket: { id: 1 } }), "done", { ticket: { id: 1 } }],
		[
			"resolves with the complete response when asked",
			{ httpCompleteResponse: true },
			json(201, { ticket: { id: 2 } }, { location: "/api/v2/tickets/2.json" }),
			"done",
			expect.objectContaining({
				status: 201,
				responseJSON: { ticket: { id: 2 } },
				headers: expect.objectContaining({ location: "/api/v2/tickets/2.json" }),
			}),
		],
		[
			"rejects 422 with an XHR-like object carrying responseJSON",
			{},
			json(422, { error: "RecordInvalid" }),
			"fail",
			expect.objectContaining({
				status: 422,
				statusText: "Unprocessable Entity",
				responseJSON: { error: "RecordInvalid" },
			}),
		],
		[
			"rejects a text/html 429 without responseJSON but with Retry-After",
			{ httpCompleteResponse: true },
			{ status: 429, headers: { "content-type": "text/html", "retry-after": "7" }, body: "Too Many Requests" },
			"fail",
			expect.objectContaining({
				status: 429,
				responseText: "Too Many Requests",
				headers: expect.objectContaining({ "retry-after": "7" }),
			}),
		],
		[
			"reports a dropped connection as status 0",
			{},
			{ status: 0, headers: {}, body: "", dropped: true },
			"fail",
			expect.objectContaining({ status: 0, statusText: "error" }),
		],
	];

	it.each(cases)("%s", (_name, opts, res, outcome, first) => {
		const answer = toRelayAnswer({ url: "/x", ...opts }, res);
		expect(answer.outcome).toBe(outcome);
		expect(answer.responseArgs[0]).toEqual(first);
	});

	it("omits responseJSON when a JSON content type carries an unparsable body", () => {
		const answer = toRelayAnswer(
			{ url: "/x" },
			{ status: 500, headers: { "content-type": "application/json" }, body: "<html>" },
		);
		expect(answer.responseArgs[0]).not.toHaveProperty("responseJSON");
	});
});
