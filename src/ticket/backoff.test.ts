import { describe, expect, it } from "vitest";
import { BACKOFF_MAX_MS, MAX_ATTEMPTS, retryDelayMs, shouldRetry, type RetryContext } from "./backoff";

describe("shouldRetry", () => {
	const cases: Array<[string, RetryContext, boolean]> = [
		["retries a 429 even for a create", { kind: "rate_limited", attempt: 1, idempotent: false }, true],
		["retries a 5xx on an idempotent request", { kind: "server", attempt: 1, idempotent: true }, true],
		[
			"does not retry a 5xx on a create without an idempotency key",
			{ kind: "server", attempt: 1, idempotent: false },
			false,
		],
		[
			"retries a timeout on a create that carries an idempotency key",
			{ kind: "timeout", attempt: 2, idempotent: false, hasIdempotencyKey: true },
			true,
		],
		["retries a DatabaseConflict on an update", { kind: "db_conflict", attempt: 1, idempotent: true }, true],
		[
			"never retries an UpdateConflict blindly (it needs a rebase)",
			{ kind: "conflict", attempt: 1, idempotent: true },
			false,
		],
		["never retries validation errors", { kind: "invalid", attempt: 1, idempotent: true }, false],
		["stops after the last attempt", { kind: "server", attempt: MAX_ATTEMPTS, idempotent: true }, false],
	];
	it.each(cases)("%s", (_name, ctx, expected) => {
		expect(shouldRetry(ctx)).toBe(expected);
	});
});

describe("retryDelayMs", () => {
	it("waits for Retry-After plus at most one second of jitter", () => {
		expect(retryDelayMs({ kind: "rate_limited", attempt: 1, idempotent: true, retryAfterSeconds: 7 }, () => 0)).toBe(
			7000,
		);
		expect(
			retryDelayMs({ kind: "rate_limited", attempt: 1, idempotent: true, retryAfterSeconds: 7 }, () => 0.999),
		).toBe(7999);
	});

	it("grows exponentially and is capped", () => {
		const at = (attempt: number) => retryDelayMs({ kind: "server", attempt, idempotent: true }, () => 1);
		expect(at(1)).toBe(500);
		expect(at(2)).toBe(1000);
		expect(at(3)).toBe(2000);
		expect(at(10)).toBe(BACKOFF_MAX_MS);
	});

	it("never waits less than half the step, so retries do not hammer the server", () => {
		expect(retryDelayMs({ kind: "network", attempt: 3, idempotent: true }, () => 0)).toBe(1000);
	});
});
