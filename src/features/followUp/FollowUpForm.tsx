/**
 * The follow-up form: subject, requester, first comment (public or internal), options,
 * attachments, "create in the background", and the create button with its progress. Every
 * problem shows next to its field; anything without a field shows above the buttons.
 */
import { useRef } from "preact/hooks";
import type { Id } from "../../shared/ticketTypes";
import { userLabel } from "../../shared/userLabel";
import { useT } from "../../platform/context";
import type { FollowUpModel } from "./createFollowUpModel";
import { AttachmentList } from "./AttachmentList";
import { FollowUpOptions } from "./FollowUpOptions";
import { formIssueTexts, issueText } from "./followUpIssues";
import { JobProgress } from "./JobProgress";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFocusOnMount } from "../../ui/focus";
import { RequesterPicker } from "./RequesterPicker";
import { WaitNotice } from "../../ui/WaitNotice";

/** Fields that render their own issues; the rest are listed at the bottom of the form. */
const SHOWN_FIELDS = [
	"subject",
	"comment",
	"requester",
	"requester.name",
	"requester.email",
	"requester.locale",
	"tags",
	"emailCcs",
	"attachments",
];

export interface FollowUpFormProps {
	model: FollowUpModel;
}

/** The form itself. Renders nothing before the draft is loaded. */
export function FollowUpForm({ model }: FollowUpFormProps) {
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
	const original = source.requesterId === null ? undefined : model.users.value.get(source.requesterId as Id);
	const modeChanged = issues.some(
		i => i.code === "followUp.issues.sourceClosedMeanwhile" || i.code === "followUp.issues.sourceReopenedMeanwhile",
	);
	const formTexts = formIssueTexts(t, issues, SHOWN_FIELDS);
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
					<label class="zd-radio">
						<input
							type="radio"
							name="zd-followup-privacy"
							checked={draft.isPublic}
							onChange={() => model.edit(d => ({ ...d, isPublic: true }))}
						/>{" "}
						{t("followUp.form.public")}
					</label>
					<label class="zd-radio">
						<input
							type="radio"
							name="zd-followup-privacy"
							checked={!draft.isPublic}
							onChange={() => model.edit(d => ({ ...d, isPublic: false }))}
						/>{" "}
						{t("followUp.form.internal")}
					</label>
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
			{modeChanged ? (
				<div class="zd-notice zd-notice--warning" role="alert">
					{formTexts.map(text => (
						<p key={text} class="zd-notice__text">
							{text}
						</p>
					))}
					<Button small onClick={model.acceptMode}>
						{t("followUp.form.acceptMode")}
					</Button>
				</div>
			) : formTexts.length > 0 ? (
				<div class="zd-notice zd-notice--error" role="alert">
					{formTexts.map(text => (
						<p key={text} class="zd-notice__text">
							{text}
						</p>
					))}
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
