/**
 * The follow-up form: subject, requester, comment (public or internal), options, attachments, async,
 * and the create button with its progress. Problems show by their field; the form's above the buttons.
 */
import { useRef } from "preact/hooks";
import { useT } from "../../platform/context";
import type { JobOutcome } from "../../shared/jobPolling";
import { userLabel } from "../../shared/userLabel";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFocusOnMount } from "../../ui/focus";
import { Spinner } from "../../ui/Spinner";
import { WaitNotice } from "../../ui/WaitNotice";
import { AttachmentList } from "./AttachmentList";
import type { FollowUpModel } from "./createFollowUpModel";
import type { FollowUpStatus } from "./followUpCreate";
import { issueText } from "./followUpIssues";
import { FollowUpOptions } from "./FollowUpOptions";
import { RequesterPicker } from "./RequesterPicker";

/** Fields whose controls show their own issues; any other issue (`form`, a new field) is listed at the bottom. */
const SHOWN_BY_A_CONTROL = /^(subject|comment|requester(\.(name|email|locale))?|tags|emailCcs(\.\d+)?|attachments)$/;

/** The form itself. Renders nothing before the draft is loaded. */
export function FollowUpForm({ model }: { model: FollowUpModel }) {
	const t = useT();
	// Opened with the start button (which it replaces): the focus goes to the first field.
	const subjectRef = useRef<HTMLInputElement>(null);
	const draft = model.draft.value;
	const source = model.source.value;
	useFocusOnMount(subjectRef, draft !== null && source !== null);
	if (draft === null || source === null) return null;
	const issues = model.issues.value;
	const status = model.status.value;
	const wait = model.waiting.value;
	const busy = status === "creating" || status === "queued" || status === "working";
	const original = source.requesterId === null ? undefined : model.users.value.get(source.requesterId);
	const modeChanged = issues.some(
		i => i.code === "followUp.issues.sourceClosedMeanwhile" || i.code === "followUp.issues.sourceReopenedMeanwhile",
	);
	const formTexts = issues.filter(i => !SHOWN_BY_A_CONTROL.test(i.field)).map(i => t(i.code, i.vars));
	return (
		<form
			class="zd-followup__form"
			noValidate
			aria-label={t(draft.mode === "followUp" ? "followUp.form.titleFollowUp" : "followUp.form.titleLinked")}
			onSubmit={event => {
				event.preventDefault();
				void model.submit();
			}}
		>
			<fieldset class="zd-followup__fieldset" disabled={busy}>
				<Field label={t("followUp.form.subject")} issue={issueText(t, issues, "subject")}>
					{control => (
						<input
							{...control}
							ref={subjectRef}
							class="zd-input"
							type="text"
							value={draft.subject}
							onInput={e => model.edit(d => ({ ...d, subject: e.currentTarget.value }))}
						/>
					)}
				</Field>
				<RequesterPicker
					choice={draft.requester}
					originalLabel={original ? userLabel(original) : null}
					search={model.requesterSearch}
					locales={model.locales.value}
					issues={issues}
					onChange={requester => model.edit(d => ({ ...d, requester }))}
				/>
				<Field label={t("followUp.form.comment")} required issue={issueText(t, issues, "comment")}>
					{control => (
						<textarea
							{...control}
							class="zd-textarea"
							rows={5}
							value={draft.comment}
							onInput={e => model.edit(d => ({ ...d, comment: e.currentTarget.value }))}
						/>
					)}
				</Field>
				<div class="zd-followup__privacy" role="radiogroup" aria-label={t("followUp.form.privacy")}>
					{[true, false].map(isPublic => (
						<label key={String(isPublic)} class="zd-radio">
							<input
								type="radio"
								name="zd-followup-privacy"
								checked={draft.isPublic === isPublic}
								onChange={() => model.edit(d => ({ ...d, isPublic }))}
							/>{" "}
							{t(isPublic ? "followUp.form.public" : "followUp.form.internal")}
						</label>
					))}
				</div>
				<FollowUpOptions
					draft={draft}
					issues={issues}
					fields={model.fields.value}
					hasGroupOrAssignee={source.groupId !== null || source.assigneeId !== null}
					ccSearch={model.ccSearch}
					onEdit={model.edit}
				/>
				<AttachmentList
					uploads={model.uploads}
					issue={issueText(t, issues, "attachments")}
					expired={issues.some(i => i.code === "followUp.issues.uploadsExpired")}
					disabled={busy}
				/>
				<label class="zd-checkbox">
					<input
						type="checkbox"
						checked={draft.createAsync}
						onChange={e => model.edit(d => ({ ...d, createAsync: e.currentTarget.checked }))}
					/>{" "}
					{t("followUp.form.async")}
				</label>
				<p class="zd-field__hint">{t("followUp.form.asyncHint")}</p>
			</fieldset>
			{modeChanged || formTexts.length > 0 ? (
				<div class={`zd-notice zd-notice--${modeChanged ? "warning" : "error"}`} role="alert">
					{formTexts.map(text => (
						<p key={text} class="zd-notice__text">
							{text}
						</p>
					))}
					{modeChanged ? (
						<Button small onClick={model.acceptMode}>
							{t("followUp.form.acceptMode")}
						</Button>
					) : null}
				</div>
			) : null}
			<JobProgress status={status} job={model.job.value} waiting={wait !== null} />
			<div class="zd-actions zd-followup__actions">
				<Button type="submit" variant="primary" busy={busy} disabled={status === "uploading"}>
					{t(draft.mode === "followUp" ? "followUp.form.createFollowUp" : "followUp.form.createLinked")}
				</Button>
				<Button variant="basic" disabled={busy} onClick={() => void model.discard()}>
					{t("followUp.form.discard")}
				</Button>
				<WaitNotice wait={wait} />
			</div>
		</form>
	);
}

/** Where a create is (with a job's progress when Zendesk gives one); nothing while it waits for a retry (`WaitNotice`). */
function JobProgress({ status, job, waiting }: { status: FollowUpStatus; job: JobOutcome | null; waiting: boolean }) {
	const t = useT();
	if (waiting) return null;
	if (status === "creating") return <Spinner label={t("followUp.job.creating")} showLabel />;
	if (status !== "queued" && status !== "working") return null;
	const running = job?.phase === "queued" || job?.phase === "working" ? job : null;
	const done = running?.done ?? 0;
	const total = running?.total ?? 0;
	return (
		<div class="zd-followup__progress" role="status" data-status={status}>
			<Spinner label={t(status === "queued" ? "followUp.job.queued" : "followUp.job.working")} showLabel />
			{total > 0 ? (
				<progress max={total} value={done} aria-label={t("followUp.job.progress", { done, total })} />
			) : null}
		</div>
	);
}
