/**
 * Reads that ride over transient failures: a ZafPort decorator that sends a GET again after a 429,
 * a 409 DatabaseConflict, a 5xx, a timeout or a dropped connection (`backoff.ts`), at most
 * READ_MAX_ATTEMPTS tries. Writes pass through: the ticket writer (re-read first) and the create
 * runner (Idempotency-Key) decide whether one may be repeated.
 */
import { idempotentRetry } from "./backoff";
import type { ZafPort } from "../platform/zaf/port";
import { isApiError } from "../platform/api/errors";
import { sleep as realSleep } from "../shared/sleep";
import type { Wait } from "./waitClock";

/** Why 3: three failures in a row is an outage; the section shows its Retry button rather than spin for minutes. */
export const READ_MAX_ATTEMPTS = 3;

/** Why 60 s: a longer Retry-After on a read is better shown as an error the agent can retry later. */
const READ_MAX_RETRY_AFTER_SECONDS = 60;

interface ReadRetryOptions {
	sleep?(ms: number): Promise<void>;
	random?(): number;
	/** Told whenever the set of waiting reads changes: the wait ending last, or null when none waits. */
	onWaitChange?(wait: Wait | null): void;
}

/** Wraps `port` so its GET requests are retried. @example createZendeskApi(withReadRetries(zaf, { onWaitChange })) */
export function withReadRetries(port: ZafPort, options: ReadRetryOptions = {}): ZafPort {
	const sleep = options.sleep ?? realSleep;
	const waiting = new Set<Wait>();
	const announce = () => {
		let latest: Wait | null = null;
		for (const wait of waiting) if (latest === null || wait.until > latest.until) latest = wait;
		options.onWaitChange?.(latest);
	};

	async function retried<T>(send: () => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await send();
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				if (caught.kind === "rate_limited" && (caught.retryAfterSeconds ?? 0) > READ_MAX_RETRY_AFTER_SECONDS)
					throw caught;
				// Without `retryAfterGuessed`: a read's guessed 429 waits the default each time, never a window.
				const { kind, retryAfterSeconds } = caught;
				const retry = idempotentRetry({ kind, retryAfterSeconds }, attempt, options.random, READ_MAX_ATTEMPTS);
				if (retry === null) throw caught;
				const wait: Wait = { until: Date.now() + retry.ms, reason: retry.reason };
				waiting.add(wait);
				announce();
				try {
					await sleep(wait.until - Date.now());
				} finally {
					waiting.delete(wait);
					announce();
				}
			}
		}
	}

	return {
		...port,
		request(request, portOptions) {
			const method = (request.type ?? "GET").toUpperCase();
			if (method !== "GET") return port.request(request, portOptions);
			return retried(() => port.request(request, portOptions));
		},
	};
}
