/**
 * Retry rules for remote calls, as pure functions (the caller sleeps). README "Reliability": 429
 * after Retry-After; 409 DatabaseConflict, 5xx, timeouts and dropped connections with exponential
 * backoff plus jitter, a non-idempotent request only with an Idempotency-Key (the follow-up create
 * sends one). At most `maxAttempts` in all, except a 429 without Retry-After, which waits in growing
 * steps to outlast a rate-limit window.
 */
import { DEFAULT_RETRY_AFTER_SECONDS } from "../platform/api/errors";
import type { Wait } from "./waitClock";

/** Base delay for the first backoff step; doubles each attempt. */
const BACKOFF_BASE_MS = 500;
/** Upper bound for one backoff step, so an agent never waits long without feedback. */
export const BACKOFF_MAX_MS = 8000;
/** Total attempts (first try included) for one logical request. */
export const MAX_ATTEMPTS = 4;
/**
 * Longest single wait for a 429 without Retry-After: one window, as Zendesk's rate limits count requests
 * per minute (zendesk-ticket-api.md §12). Whether ZAF's proxy ever drops the header is unverified.
 */
export const GUESSED_RETRY_AFTER_MAX_SECONDS = 60;
/** Attempts for a 429 without Retry-After: waits of 10, 20, 40 and 60 s, more than two windows. */
export const RATE_LIMIT_MAX_ATTEMPTS = 5;

const RETRYABLE: ReadonlySet<string> = new Set(["rate_limited", "db_conflict", "server", "network", "timeout"]);

/** What the caller knows about the request that failed (an ApiError fits). */
interface Failure {
	kind: string;
	retryAfterSeconds?: number | undefined;
	/** True when `retryAfterSeconds` is our default, not Zendesk's header (ApiError.retryAfterGuessed). */
	retryAfterGuessed?: boolean | undefined;
}

/**
 * The wait before retrying an idempotent request after its `attempt`th failure, or null when it
 * must not be retried. Draws `random` only when it retries.
 */
export function idempotentRetry(
	failure: Failure,
	attempt: number,
	random: () => number = Math.random,
	maxAttempts = MAX_ATTEMPTS,
): { ms: number; reason: Wait["reason"] } | null {
	const guessed = failure.kind === "rate_limited" && failure.retryAfterGuessed === true;
	if (attempt >= (guessed ? Math.max(maxAttempts, RATE_LIMIT_MAX_ATTEMPTS) : maxAttempts)) return null;
	if (!RETRYABLE.has(failure.kind)) return null;
	return {
		ms: retryDelayMs(failure, attempt, guessed, random),
		reason: failure.kind === "rate_limited" ? "rate_limited" : "retry",
	};
}

/**
 * Milliseconds to wait before the next attempt: Retry-After plus up to 1 s of jitter (so many
 * sidebars do not return at once), else full-jitter exponential backoff.
 */
function retryDelayMs(failure: Failure, attempt: number, guessed: boolean, random: () => number): number {
	if (failure.kind === "rate_limited") {
		// No Retry-After: double from the default up to one window (10, 20, 40, 60, 60 s ...).
		const seconds = guessed
			? Math.min(GUESSED_RETRY_AFTER_MAX_SECONDS, DEFAULT_RETRY_AFTER_SECONDS * 2 ** (attempt - 1))
			: (failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
		return Math.round(seconds * 1000 + random() * 1000);
	}
	const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
