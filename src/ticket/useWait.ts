/** Hooks over the panel's wait clock (`waitClock.ts`) for the places that show a wait, and the reads' wait. */
import { createContext } from "preact";
import { useContext, useLayoutEffect } from "preact/hooks";
import type { ReadonlySignal } from "@preact/signals";
import { TicketCoreCtx } from "./TicketProvider";
import { secondsLeft, writerWait, type Wait } from "./waitClock";

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

/** The ticket writer's wait while `active` (the caller's save is running or queued); else null. */
export function useWriterWait(active: boolean): Wait | null {
	const store = useContext(TicketCoreCtx)?.store;
	return active ? writerWait(store?.status.value) : null;
}
