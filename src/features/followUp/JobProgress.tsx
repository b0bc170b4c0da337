/**
 * Shows where a background create is: queued, or being worked on (with Zendesk's progress when it
 * gives one). Renders nothing when idle, and nothing while the create waits for a retry: that
 * wait's countdown is beside the create button (`WaitNotice` in the form's actions).
 */
import type { JobOutcome } from "../../shared/jobPolling";
import { useT } from "../../platform/context";
import type { FollowUpStatus } from "./followUpCreate";
import { Spinner } from "../../ui/Spinner";

export interface JobProgressProps {
	status: FollowUpStatus;
	job: JobOutcome | null;
	/** True while a retry is awaited (its countdown is shown beside the button). */
	waiting: boolean;
}

/** The progress line of a create. */
export function JobProgress({ status, job, waiting }: JobProgressProps) {
	const t = useT();
	if (waiting) return null;
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
