/**
 * Shows where a background create is: queued, being worked on (with Zendesk's progress when it
 * gives one), or waiting out a 429 with a live countdown. Renders nothing when idle.
 */
import { useEffect, useState } from "preact/hooks";
import type { JobOutcome } from "../../shared/jobPolling";
import { useT } from "../../platform/context";
import type { FollowUpStatus } from "./createFollowUpModel";
import { Spinner } from "../../ui/Spinner";

export interface JobProgressProps {
	status: FollowUpStatus;
	job: JobOutcome | null;
	/** When a retry will happen (ms since epoch), or null. */
	waitingUntil: number | null;
	now?: () => number;
}

/** Seconds left until `until`, at least 0, re-rendered every second while positive. */
function useCountdown(until: number | null, now: () => number): number {
	const left = () => (until === null ? 0 : Math.max(0, Math.ceil((until - now()) / 1000)));
	const [seconds, setSeconds] = useState(left);
	useEffect(() => {
		setSeconds(left());
		if (until === null) return;
		const timer = setInterval(() => setSeconds(left()), 1000);
		return () => clearInterval(timer);
	}, [until]);
	return seconds;
}

/** The progress line of a create. */
export function JobProgress({ status, job, waitingUntil, now = Date.now }: JobProgressProps) {
	const t = useT();
	const seconds = useCountdown(waitingUntil, now);
	if (waitingUntil !== null)
		return (
			<p class="zd-followup__progress" role="status">
				{t("followUp.job.waiting", { seconds })}
			</p>
		);
	if (status === "creating") return <Spinner label={t("followUp.job.creating")} showLabel />;
	if (status !== "queued" && status !== "working") return null;
	const running = job !== null && (job.phase === "queued" || job.phase === "working") ? job : null;
	const done = running?.done ?? null;
	const total = running?.total ?? null;
	const label = status === "queued" ? t("followUp.job.queued") : t("followUp.job.working");
	return (
		<div class="zd-followup__progress" role="status" data-status={status}>
			<Spinner label={label} showLabel />
			{total !== null && total > 0 ? (
				<progress max={total} value={done ?? 0} aria-label={t("followUp.job.progress", { done: done ?? 0, total })} />
			) : null}
		</div>
	);
}
