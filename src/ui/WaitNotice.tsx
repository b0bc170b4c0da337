/**
 * An automatic wait in words ("… Retrying in 12 seconds.") beside what waits, on the panel's one clock so every
 * place agrees. Not a live region: screen readers hear the wait once, from `app/PanelStatus.tsx`.
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
