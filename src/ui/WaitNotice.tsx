/**
 * One automatic wait, in words, where it is shown: "Zendesk asked the app to slow down. Retrying
 * in 12 seconds." beside the action that waits (People's Apply, Fields' Save, the follow-up's
 * Create, the bulk Apply), or in the panel's status line for a read. Its seconds come from the
 * panel's one clock (`useWaitSeconds`), so every place showing the same wait shows the same
 * number. Not a live region: screen readers hear the wait once, from the status line
 * (`app/WriterStatus.tsx`), not a number per second. Renders nothing without a wait.
 */
import { useT } from "../platform/context";
import { useWaitSeconds } from "../ticket/useWait";
import type { Wait } from "../ticket/waitClock";

const KEYS: Record<Wait["reason"], string> = {
	rate_limited: "conflict.status.rateLimited",
	retry: "conflict.status.retrying",
};

/** The countdown of `wait`, or nothing. */
export function WaitNotice({ wait }: { wait: Wait | null }) {
	const t = useT();
	const seconds = useWaitSeconds(wait);
	if (wait === null) return null;
	return (
		<p class="zd-wait" data-testid="wait-notice" data-reason={wait.reason} data-seconds={seconds}>
			{seconds > 0 ? t(KEYS[wait.reason], { seconds, count: seconds }) : t("conflict.status.now")}
		</p>
	);
}
