/**
 * The panel's status line for automatic waits. Visible only for a wait no action on screen stands
 * for: a read being retried (`withReadRetries`: the ticket, a job's status, users). A save's wait
 * (the writer's, a follow-up's create, a bulk run) shows beside its button instead (`WaitNotice`).
 * It is also the panel's one polite live region for every wait: screen readers hear one sentence
 * per wait (the seconds when it began, from the clock's `announced`), not every tick, however
 * many places show it. Renders text only and never starts or cancels anything.
 */
import { useContext } from "preact/hooks";
import { useT } from "../platform/context";
import { TicketCoreCtx } from "../ticket/TicketProvider";
import { ReadWaitCtx } from "../ticket/useWait";
import type { Wait } from "../ticket/waitClock";
import { WaitNotice } from "../ui/WaitNotice";

const ANNOUNCE_KEYS: Record<Wait["reason"], string> = {
	rate_limited: "conflict.status.announceRateLimited",
	retry: "conflict.status.announceRetrying",
};

/** The status line. Always renders its live region, so the first announcement is not missed. */
export function WriterStatus() {
	const t = useT();
	const announced = useContext(TicketCoreCtx)?.clock.announced.value ?? null;
	const read = useContext(ReadWaitCtx)?.value ?? null;
	return (
		<div
			class={read ? "zd-writer-status zd-notice zd-notice--warning" : "zd-writer-status"}
			role="status"
			aria-live="polite"
			data-testid="writer-status"
			data-reason={read?.reason}
		>
			{announced ? (
				<span class="zd-visually-hidden">
					{t(ANNOUNCE_KEYS[announced.wait.reason], { seconds: announced.seconds, count: announced.seconds })}
				</span>
			) : null}
			{/* The ticking number is hidden from screen readers: they heard the sentence above. */}
			{read ? (
				<div aria-hidden="true">
					<WaitNotice wait={read} />
				</div>
			) : null}
		</div>
	);
}
