import { describe, expect, it } from "vitest";
import {
	BACKOFF_MAX_MS,
	GUESSED_RETRY_AFTER_MAX_SECONDS,
	MAX_ATTEMPTS,
	RATE_LIMIT_MAX_ATTEMPTS,
	retryDelayMs,
	shouldRetry,
	type RetryContext,
} from "./backoff";

/** Zendesk's rate limits count requests per minute (zendesk-ticket-api.md §12). */
const RATE_LIMIT_WINDOW_MS = 60_000;

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

describe("a 429 without Retry-After", () => {
	const guessed = (attempt: number, maxAttempts?: number): RetryContext => ({
		kind: "rate_limited",
		attempt,
		idempotent: true,
		retryAfterSeconds: 10,
		retryAfterGuessed: true,
		...(maxAttempts === undefined ? {} : { maxAttempts }),
	});

	it("waits 10, 20, 40 and 60 s, each step capped at one window", () => {
		const waits = [1, 2, 3, 4, 5].map(n => retryDelayMs(guessed(n), () => 0));
		expect(waits).toEqual([10_000, 20_000, 40_000, 60_000, GUESSED_RETRY_AFTER_MAX_SECONDS * 1000]);
	});

	it("keeps retrying past MAX_ATTEMPTS until the waits outlast a one-minute window, then stops", () => {
		let waited = 0;
		let attempt = 1;
		for (; shouldRetry(guessed(attempt, MAX_ATTEMPTS)); attempt++) waited += retryDelayMs(guessed(attempt), () => 0);
		expect(attempt).toBe(RATE_LIMIT_MAX_ATTEMPTS);
		expect(attempt).toBeGreaterThan(MAX_ATTEMPTS);
		expect(waited).toBeGreaterThan(RATE_LIMIT_WINDOW_MS);
	});

	it("leaves a 429 with Retry-After on its own wait and attempt budget", () => {
		const known: RetryContext = {
			kind: "rate_limited",
			attempt: MAX_ATTEMPTS,
			idempotent: true,
			retryAfterSeconds: 10,
		};
		expect(shouldRetry(known)).toBe(false);
		expect(retryDelayMs({ ...known, attempt: 3 }, () => 0)).toBe(10_000);
	});
});
