import { describe, expect, it } from "vitest";
import {
	BACKOFF_MAX_MS,
	GUESSED_RETRY_AFTER_MAX_SECONDS,
	idempotentRetry,
	MAX_ATTEMPTS,
	RATE_LIMIT_MAX_ATTEMPTS,
} from "./backoff";

/** Zendesk's rate limits count requests per minute (zendesk-ticket-api.md §12). */
const RATE_LIMIT_WINDOW_MS = 60_000;

type Failure = Parameters<typeof idempotentRetry>[0];

describe("idempotentRetry: whether to retry", () => {
	const cases: Array<[string, Failure, number, boolean]> = [
		["retries a 429", { kind: "rate_limited" }, 1, true],
		["retries a 5xx", { kind: "server" }, 1, true],
		["retries a timeout", { kind: "timeout" }, 2, true],
		["retries a DatabaseConflict", { kind: "db_conflict" }, 1, true],
		["never retries an UpdateConflict blindly (it needs a rebase)", { kind: "conflict" }, 1, false],
		["never retries validation errors", { kind: "invalid" }, 1, false],
		["stops after the last attempt", { kind: "server" }, MAX_ATTEMPTS, false],
	];
	it.each(cases)("%s", (_name, failure, attempt, expected) => {
		expect(idempotentRetry(failure, attempt) !== null).toBe(expected);
	});

	it("names the wait's reason", () => {
		expect(idempotentRetry({ kind: "rate_limited" }, 1)?.reason).toBe("rate_limited");
		expect(idempotentRetry({ kind: "network" }, 1)?.reason).toBe("retry");
	});
});

describe("idempotentRetry: how long to wait", () => {
	it("waits for Retry-After plus at most one second of jitter", () => {
		expect(idempotentRetry({ kind: "rate_limited", retryAfterSeconds: 7 }, 1, () => 0)?.ms).toBe(7000);
		expect(idempotentRetry({ kind: "rate_limited", retryAfterSeconds: 7 }, 1, () => 0.999)?.ms).toBe(7999);
	});

	it("grows exponentially and is capped", () => {
		const at = (attempt: number) => idempotentRetry({ kind: "server" }, attempt, () => 1, 20)?.ms;
		expect(at(1)).toBe(500);
		expect(at(2)).toBe(1000);
		expect(at(3)).toBe(2000);
		expect(at(10)).toBe(BACKOFF_MAX_MS);
	});

	it("never waits less than half the step, so retries do not hammer the server", () => {
		expect(idempotentRetry({ kind: "network" }, 3, () => 0)?.ms).toBe(1000);
	});
});

describe("a 429 without Retry-After", () => {
	const guessed: Failure = { kind: "rate_limited", retryAfterSeconds: 10, retryAfterGuessed: true };

	it("waits 10, 20, 40 and 60 s, each step capped at one window", () => {
		const waits = [1, 2, 3, 4, 5].map(n => idempotentRetry(guessed, n, () => 0, 10)?.ms);
		expect(waits).toEqual([10_000, 20_000, 40_000, 60_000, GUESSED_RETRY_AFTER_MAX_SECONDS * 1000]);
	});

	it("keeps retrying past MAX_ATTEMPTS until the waits outlast a one-minute window, then stops", () => {
		let waited = 0;
		let attempt = 1;
		for (
			let retry = idempotentRetry(guessed, attempt, () => 0);
			retry !== null;
			retry = idempotentRetry(guessed, attempt, () => 0)
		) {
			waited += retry.ms;
			attempt++;
		}
		expect(attempt).toBe(RATE_LIMIT_MAX_ATTEMPTS);
		expect(attempt).toBeGreaterThan(MAX_ATTEMPTS);
		expect(waited).toBeGreaterThan(RATE_LIMIT_WINDOW_MS);
	});

	it("leaves a 429 with Retry-After on its own wait and attempt budget", () => {
		const known: Failure = { kind: "rate_limited", retryAfterSeconds: 10 };
		expect(idempotentRetry(known, MAX_ATTEMPTS)).toBeNull();
		expect(idempotentRetry(known, 3, () => 0)?.ms).toBe(10_000);
	});
});
