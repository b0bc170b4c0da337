import { describe, expect, it } from "vitest";
import en from "../../translations/en.json";
import { ApiError, type ApiErrorKind } from "../platform/api/errors";
import { createTranslator } from "../platform/i18n/createTranslator";
import { ERROR_KEYS, errorMessages } from "./ErrorNotice";

const { t } = createTranslator("en", { en });

describe("errorMessages", () => {
	const kinds = Object.keys(ERROR_KEYS) as ApiErrorKind[];

	it.each(kinds)("has its own English message for kind %s", kind => {
		const [main] = errorMessages(t, new ApiError({ kind, message: "x", retryAfterSeconds: 5 }));
		expect(main).toBeTruthy();
		const others = kinds.filter(k => k !== kind).map(k => errorMessages(t, new ApiError({ kind: k, message: "x" }))[0]);
		expect(others).not.toContain(main);
	});

	it("puts the Retry-After seconds into the rate-limit message", () => {
		expect(errorMessages(t, new ApiError({ kind: "rate_limited", message: "x", retryAfterSeconds: 93 }))[0]).toBe(
			"Zendesk asked us to slow down. Try again in 93 s.",
		);
	});

	it("adds Zendesk's first detail to an invalid request", () => {
		const error = new ApiError({
			kind: "invalid",
			message: "x",
			description: "Record validation errors",
			details: { base: [{ description: "Date Field is not valid", error: "InvalidValue" }] },
		});
		expect(errorMessages(t, error)).toEqual([
			"Zendesk did not accept the change.",
			"Zendesk says: Date Field is not valid",
		]);
	});

	it("does not show Zendesk's words for kinds where they do not help", () => {
		expect(errorMessages(t, new ApiError({ kind: "server", message: "x", description: "<html>" }))).toHaveLength(1);
	});
});
