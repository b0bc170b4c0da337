/**
 * Reads that ride over transient failures: a ZafPort decorator whose `request` sends a GET again
 * after a 429 (its Retry-After plus jitter), a 409 DatabaseConflict, a 5xx, a timeout or a dropped
 * connection, with the shared backoff rules (`domain/backoff.ts`) and at most READ_MAX_ATTEMPTS
 * tries. Writes (POST/PUT/DELETE) pass through untouched: whether a write may be repeated is
 * decided by the ticket writer (re-read first) and the create runner (Idempotency-Key). Every
 * other port method is delegated unchanged.
 */
import { retryDelayMs, shouldRetry } from "./backoff";
import type { ZafPort } from "../platform/zaf/port";
import { isApiError } from "../platform/api/errors";
import { sleep as realSleep } from "../shared/sleep";
import type { Wait } from "./waitClock";

/**
 * Why 3: a read that failed three times in a row is an outage, not a blip; the section then shows
 * the error with its own Retry button instead of spinning for minutes (each try may take the
 * port's 30 s timeout).
 */
export const READ_MAX_ATTEMPTS = 3;

/** Why 60 s: a longer Retry-After on a read is better shown as an error the agent can retry later. */
export const READ_MAX_RETRY_AFTER_SECONDS = 60;

/** A read currently waiting to be retried (the latest one, for the panel's status line). */
export type ReadWait = Wait;

export interface ReadRetryOptions {
	sleep?(ms: number): Promise<void>;
	now?(): number;
	random?(): number;
	maxAttempts?: number;
	/** Told whenever the set of waiting reads changes: the wait ending last, or null when none waits. */
	onWaitChange?(wait: ReadWait | null): void;
}

/** Wraps `port` so its GET requests are retried. @example createZendeskApi(withReadRetries(zaf, { onWaitChange })) */
export function withReadRetries(port: ZafPort, options: ReadRetryOptions = {}): ZafPort {
	const sleep = options.sleep ?? realSleep;
	const now = options.now ?? Date.now;
	const maxAttempts = options.maxAttempts ?? READ_MAX_ATTEMPTS;
	const waiting = new Set<ReadWait>();
	const announce = () => {
		let latest: ReadWait | null = null;
		for (const wait of waiting) if (latest === null || wait.until > latest.until) latest = wait;
		options.onWaitChange?.(latest);
	};

	async function retried<T>(send: () => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await send();
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				const ctx = {
					kind: caught.kind,
					attempt,
					idempotent: true,
					retryAfterSeconds: caught.retryAfterSeconds,
					maxAttempts,
				};
				if (!shouldRetry(ctx)) throw caught;
				if (caught.kind === "rate_limited" && (caught.retryAfterSeconds ?? 0) > READ_MAX_RETRY_AFTER_SECONDS)
					throw caught;
				const wait: ReadWait = {
					until: now() + retryDelayMs(ctx, options.random),
					reason: caught.kind === "rate_limited" ? "rate_limited" : "retry",
				};
				waiting.add(wait);
				announce();
				try {
					await sleep(wait.until - now());
				} finally {
					waiting.delete(wait);
					announce();
				}
			}
		}
	}

	return {
		get: paths => port.get(paths),
		set: values => port.set(values),
		invoke: (name, ...args) => port.invoke(name, ...args),
		on: (event, handler) => port.on(event, handler),
		onHook: (hook, handler) => port.onHook(hook, handler),
		metadata: () => port.metadata(),
		context: () => port.context(),
		request(request, portOptions) {
			const method = (request.type ?? "GET").toUpperCase();
			if (method !== "GET") return port.request(request, portOptions);
			return retried(() => port.request(request, portOptions));
		},
	};
}
