/**
 * Rate limits (zendesk-ticket-api.md §5.1, §12 [V REF-RL]): an account bucket per minute, and
 * ticket updates per user per ticket per 10 minutes. Pure bookkeeping; the routes answer the 429.
 */

/** Counters of one emulator. */
export interface RateLimiterState {
	windowStartMs: number;
	count: number;
	ticketUpdates: Map<string, number[]>;
}

/** "30 updates per 10 minutes per (user + ticket)" [V]. */
export const TICKET_UPDATE_WINDOW_MS = 10 * 60 * 1000;

/** Fresh counters. */
export function createRateLimiter(): RateLimiterState {
	return { windowStartMs: 0, count: 0, ticketUpdates: new Map() };
}

/** The answer of a limit check. `retryAfterSeconds` is set when refused. */
export interface RateCheck {
	allowed: boolean;
	limit: number;
	remaining: number;
	resetSeconds: number;
	retryAfterSeconds?: number;
}

/** Counts one account request in the current minute window (fixed windows on the minute). */
export function takeAccountRequest(state: RateLimiterState, nowMs: number, limit: number, enforce: boolean): RateCheck {
	const windowStart = Math.floor(nowMs / 60_000) * 60_000;
	if (windowStart !== state.windowStartMs) {
		state.windowStartMs = windowStart;
		state.count = 0;
	}
	const resetSeconds = Math.max(1, Math.ceil((windowStart + 60_000 - nowMs) / 1000));
	if (enforce && state.count >= limit)
		return { allowed: false, limit, remaining: 0, resetSeconds, retryAfterSeconds: resetSeconds };
	state.count += 1;
	return { allowed: true, limit, remaining: Math.max(0, limit - state.count), resetSeconds };
}

/** Counts one ticket update by a user (sliding 10-minute window). */
export function takeTicketUpdate(
	state: RateLimiterState,
	userId: number,
	ticketId: number,
	nowMs: number,
	limit: number,
	enforce: boolean,
): RateCheck {
	const key = `${userId}:${ticketId}`;
	const recent = (state.ticketUpdates.get(key) ?? []).filter(t => nowMs - t < TICKET_UPDATE_WINDOW_MS);
	const oldest = recent[0] ?? nowMs;
	const resetSeconds = Math.max(1, Math.ceil((oldest + TICKET_UPDATE_WINDOW_MS - nowMs) / 1000));
	if (enforce && recent.length >= limit) {
		state.ticketUpdates.set(key, recent);
		return { allowed: false, limit, remaining: 0, resetSeconds, retryAfterSeconds: resetSeconds };
	}
	recent.push(nowMs);
	state.ticketUpdates.set(key, recent);
	return { allowed: true, limit, remaining: Math.max(0, limit - recent.length), resetSeconds };
}
