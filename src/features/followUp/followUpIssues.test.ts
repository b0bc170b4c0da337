import { describe, expect, it } from "vitest";
import { ApiError, type ApiErrorInit } from "../../platform/api/errors";
import type { FollowUpDraft } from "./rules/followUpDraft";
import { aDraft, aSource } from "../../testing/followUpTestData";
import type { Issue } from "../../shared/issues";
import { followUpErrorIssues } from "./followUpIssues";

const error = (init: Partial<ApiErrorInit> & Pick<ApiErrorInit, "kind">) => new ApiError({ message: "x", ...init });
const newRequester: Partial<FollowUpDraft> = { requester: { kind: "new", name: "P", email: "p@x.io", localeId: null } };
const upload = { localId: "u", name: "a.txt", size: 1, contentType: "text/plain", attachmentId: null, uploadedAt: 0 };

describe("followUpErrorIssues", () => {
	const cases: Array<[name: string, err: ApiError, draft: Partial<FollowUpDraft>, expected: Issue[]]> = [
		[
			"a requester 422 for a new requester, on the email field",
			error({
				kind: "invalid",
				details: { requester: [{ description: "Requester: Email is invalid", error: "InvalidValue" }] },
			}),
			newRequester,
			[
				{
					field: "requester.email",
					code: "followUp.errors.rejected",
					vars: { description: "Requester: Email is invalid" },
				},
			],
		],
		[
			"a requester 422 for a picked user, on the requester",
			error({ kind: "invalid", details: { requester_id: [{ description: "Requester is invalid" }] } }),
			{},
			[{ field: "requester", code: "followUp.errors.rejected", vars: { description: "Requester is invalid" } }],
		],
		[
			"a base 422 on the form",
			error({
				kind: "invalid",
				details: { base: [{ description: "Something", error: "X" }], email_ccs: [{ error: "TooMany" }] },
			}),
			{},
			[
				{ field: "form", code: "followUp.errors.rejected", vars: { description: "Something" } },
				{ field: "emailCcs", code: "followUp.errors.rejected", vars: { description: "TooMany" } },
			],
		],
		[
			"a 400 without details",
			error({ kind: "invalid", description: "Too many email CCs" }),
			{},
			[{ field: "form", code: "followUp.errors.rejected", vars: { description: "Too many email CCs" } }],
		],
		[
			"a reused key with another body",
			error({ kind: "invalid", code: "IdempotentRequestError" }),
			{},
			[{ field: "form", code: "followUp.errors.idempotencyMismatch" }],
		],
		[
			"a 404 with uploads (the token is gone)",
			error({ kind: "not_found" }),
			{ uploadToken: "t", uploads: [upload] },
			[{ field: "attachments", code: "followUp.issues.uploadsExpired" }],
		],
		["a 404 without uploads", error({ kind: "not_found" }), {}, [{ field: "form", code: "followUp.errors.notFound" }]],
		["a 413", error({ kind: "too_large" }), {}, [{ field: "attachments", code: "followUp.errors.tooLarge" }]],
		[
			"a 429",
			error({ kind: "rate_limited", retryAfterSeconds: 30 }),
			{},
			[{ field: "form", code: "errors.rate_limited", vars: { seconds: 30 } }],
		],
		[
			"a 429 without Retry-After",
			error({ kind: "rate_limited" }),
			{},
			[{ field: "form", code: "errors.rate_limited", vars: { seconds: 10 } }],
		],
		["a timeout", error({ kind: "timeout" }), {}, [{ field: "form", code: "followUp.errors.timeout" }]],
		["a 5xx", error({ kind: "server", status: 503 }), {}, [{ field: "form", code: "errors.server" }]],
	];
	it.each(cases)("maps %s", (_name, err, draft, expected) => {
		expect(followUpErrorIssues(err, aDraft(aSource(), draft))).toEqual(expected);
	});
});
