/** Hooks over the panel's wait clock (`waitClock.ts`) for the places that show a wait, and the reads' wait. */
import { createContext } from "preact";
import { useContext, useLayoutEffect } from "preact/hooks";
import type { ReadonlySignal } from "@preact/signals";
import { TicketCoreCtx } from "./TicketProvider";
import { secondsLeft, type Wait } from "./waitClock";

/** The read waiting to be retried (`withReadRetries`, built in `mount`), for the status line; null outside it. */
export const ReadWaitCtx = createContext<ReadonlySignal<Wait | null> | null>(null);

/**
 * Seconds left of `wait` on the panel's one clock (0 for none), re-rendered as the clock ticks.
 * Outside a ticket core (component tests of a bare panel) it reads the time once and never ticks.
 */
export function useWaitSeconds(wait: Wait | null): number {
	const clock = useContext(TicketCoreCtx)?.clock ?? null;
	const until = wait?.until;
	const reason = wait?.reason;
	// A layout effect: the clock is refreshed before the first frame of a new wait is painted.
	useLayoutEffect(
		() => (clock !== null && until !== undefined && reason !== undefined ? clock.show({ until, reason }) : undefined),
		[clock, until, reason],
	);
	if (wait === null) return 0;
	return secondsLeft(wait.until, clock === null ? Date.now() : clock.now.value);
}

/** The ticket writer's wait (a 429 or a retry) while `active` (the caller's save is running or queued); else null. */
export function useWriterWait(active: boolean): Wait | null {
	const store = useContext(TicketCoreCtx)?.store;
	const status = active ? store?.status.value : undefined;
	return status?.state === "waiting" ? { until: status.until, reason: status.reason } : null;
}
