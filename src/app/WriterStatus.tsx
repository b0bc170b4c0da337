/**
 * The panel's one status line for automatic waits: a 429 being waited out (Retry-After) or a
 * failed request about to be tried again, with a live countdown. It follows the ticket's write
 * ticket's writer (every section's saves) and, when no write waits, the panel's retried reads. Screen readers
 * hear one sentence per wait (not every tick). Shown once, above the sections; renders text only
 * and never starts or cancels anything.
 */
import { useEffect, useState } from "preact/hooks";
import type { ReadWait } from "../ticket/withReadRetries";
import { useT } from "../platform/context";
import type { WriterStatus as WriterState } from "../ticket/createTicketWriter";
import { useReadWait } from "../ticket/readWait";
import { useContext } from "preact/hooks";
import { TicketCoreCtx } from "../ticket/TicketProvider";

const VISIBLE_KEYS: Record<ReadWait["reason"], string> = {
	rate_limited: "conflict.status.rateLimited",
	retry: "conflict.status.retrying",
};
const ANNOUNCE_KEYS: Record<ReadWait["reason"], string> = {
	rate_limited: "conflict.status.announceRateLimited",
	retry: "conflict.status.announceRetrying",
};

/** The wait to show: the writer's first (it is what the agent is waiting for), else a read's. Pure. */
export function currentWait(writer: WriterState | undefined, read: ReadWait | null): ReadWait | null {
	if (writer?.state === "waiting") return { until: writer.until, reason: writer.reason };
	return read;
}

/** Whole seconds left until `until` (never negative). Pure. */
export function secondsLeft(until: number, now: number): number {
	return Math.max(0, Math.ceil((until - now) / 1000));
}

/** The status line. Always renders its live region, so the first announcement is not missed. */
export function WriterStatus() {
	const t = useT();
	const store = useContext(TicketCoreCtx)?.store;
	const read = useReadWait();
	const wait = currentWait(store?.status.value, read?.value ?? null);
	const [, setTick] = useState(0);
	const [announced, setAnnounced] = useState<{ until: number; seconds: number } | null>(null);
	useEffect(() => {
		if (wait === null) return setAnnounced(null);
		setAnnounced({ until: wait.until, seconds: secondsLeft(wait.until, Date.now()) });
		const timer = setInterval(() => setTick(tick => tick + 1), 250);
		return () => clearInterval(timer);
	}, [wait?.until, wait?.reason]);
	const seconds = wait ? secondsLeft(wait.until, Date.now()) : 0;
	return (
		<div
			class={wait ? "zd-writer-status zd-notice zd-notice--warning" : "zd-writer-status"}
			role="status"
			aria-live="polite"
			data-testid="writer-status"
			data-reason={wait?.reason}
		>
			{wait ? (
				<>
					<span class="zd-visually-hidden">
						{t(ANNOUNCE_KEYS[wait.reason], {
							seconds: announced?.seconds ?? seconds,
							count: announced?.seconds ?? seconds,
						})}
					</span>
					<span aria-hidden="true" data-seconds={seconds}>
						{seconds > 0 ? t(VISIBLE_KEYS[wait.reason], { seconds }) : t("conflict.status.now")}
					</span>
				</>
			) : null}
		</div>
	);
}
