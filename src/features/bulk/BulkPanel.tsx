/**
 * The related-tickets panel (a chunk loaded on demand): builds the bulk model over the ticket's
 * core, loads the related tickets at once, and renders the list, the change and the run.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "./bulk.css";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useApi, useEnv, useStorage, useT, useZaf } from "../../platform/context";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { issuesFor } from "../../shared/issues";
import { useTicket } from "../../ticket/TicketProvider";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { Field } from "../../ui/Field";
import { Spinner } from "../../ui/Spinner";
import { WaitNotice } from "../../ui/WaitNotice";
import { displayValue } from "../../shared/customFieldsValues";
import { createBulkModel, type BulkModel } from "./createBulkModel";
import type { RelatedTicket } from "./relatedTickets";
import { LIST_KEYS, type BulkTexts } from "./rules/bulkDraft";
import type { BulkOutcome } from "./runBulkUpdate";

/** Related tickets shown at a time; "Show more" adds as many again. */
const PAGE = 20;

/** The panel for the open ticket. */
export function BulkPanel() {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const { local } = useStorage();
	const { store, metadata, definitions } = useTicket();
	const model = useMemo(
		() =>
			createBulkModel({
				api,
				zaf,
				ticket: store,
				metadata,
				definitions,
				drafts: createDraftStore(local, env.currentUser.id, env.ticketId ?? undefined),
			}),
		[api, zaf, env, store, metadata, definitions, local],
	);
	useEffect(() => {
		void model.open();
		return () => model.dispose();
	}, [model]);
	return <RelatedTicketsPanel model={model} />;
}

/** What the section shows for a model. Exported for component tests. */
export function RelatedTicketsPanel({ model }: { model: BulkModel }) {
	const t = useT();
	const [shown, setShown] = useState(PAGE);
	const state = model.loadState.value;
	if (state === "idle" || state === "loading") return <Spinner label={t("bulk.loading")} showLabel />;
	if (state === "failed") {
		const failure = model.error.value;
		return failure ? <ErrorNotice error={failure} onRetry={() => void model.open()} /> : null;
	}
	const related = model.related.value;
	if (related.length === 0) return <p class="zd-muted">{t("bulk.none")}</p>;
	const applyIssue = issuesFor(model.issues.value, "apply")[0];
	const progress = model.progress.value;
	const describe = (fieldId: number, value: unknown) => {
		const field = model.editableFields.value.find(f => f.id === fieldId);
		return `${field?.title ?? String(fieldId)}: “${displayValue(field, value) || "—"}”`;
	};
	return (
		<div class="zd-bulk">
			<div class="zd-bulk__select" role="group" aria-label={t("bulk.selection")}>
				<Button small variant="basic" onClick={model.selectAll}>
					{t("bulk.selectAll", { count: related.length })}
				</Button>
				<Button small variant="basic" onClick={model.selectNone}>
					{t("bulk.selectNone")}
				</Button>
			</div>
			<ul class="zd-bulk__list">
				{related.slice(0, shown).map(entry => (
					<RelatedTicketRow key={entry.ticket.id} entry={entry} model={model} describe={describe} />
				))}
			</ul>
			{related.length > shown ? (
				<Button small variant="basic" onClick={() => setShown(shown + PAGE)}>
					{t("bulk.showMore", { count: Math.min(PAGE, related.length - shown) })}
				</Button>
			) : null}
			<BulkChangeForm model={model} />
			<div class="zd-bulk__apply">
				<Button
					variant="primary"
					disabled={!model.canApply.value}
					busy={model.phase.value === "running"}
					onClick={() => void model.apply()}
				>
					{t("bulk.apply", { count: model.selected.value.size })}
				</Button>
				<BulkProgressLine model={model} />
				{/* A run waiting for a retry (a 429 or a hiccup on `update_many`) counts down beside Apply. */}
				<WaitNotice wait={progress?.phase === "waiting" ? { until: progress.until, reason: progress.reason } : null} />
			</div>
			{applyIssue ? <p class="zd-field__issue">{t(applyIssue.code, applyIssue.vars)}</p> : null}
			{model.error.value ? <ErrorNotice error={model.error.value} /> : null}
		</div>
	);
}

/** The run's progress, beside Apply. */
function BulkProgressLine({ model }: { model: BulkModel }) {
	const t = useT();
	const progress = model.progress.value;
	const done = model.phase.value === "done" && model.outcomes.value.size > 0;
	const text =
		progress === null
			? done
				? t("bulk.progress.finished", { count: model.outcomes.value.size })
				: ""
			: progress.phase === "reading"
				? t("bulk.progress.reading")
				: progress.phase === "waiting"
					? "" // Its countdown is the WaitNotice, outside this live region: one sentence per wait, not per second.
					: t(progress.round > 0 ? "bulk.progress.retrying" : "bulk.progress.running", {
							done: progress.done,
							total: progress.total,
						});
	// Always mounted, so screen readers hear the first message and the end of the run.
	return (
		<span class="zd-muted" role="status" aria-live="polite">
			{text}
		</span>
	);
}

type Describe = (fieldId: number, value: unknown) => string;

/** One related ticket: checkbox, a link that opens it, status, why it is listed, the last run's outcome. Text only. */
function RelatedTicketRow({ entry, model, describe }: { entry: RelatedTicket; model: BulkModel; describe: Describe }) {
	const t = useT();
	const id = useId();
	const { ticket } = entry;
	const assignee = ticket.assigneeId ? model.names.value.get(ticket.assigneeId) : undefined;
	const outcome = model.outcomes.value.get(ticket.id);
	return (
		<li class="zd-bulk__row">
			<input
				id={id}
				type="checkbox"
				checked={model.selected.value.has(ticket.id)}
				onChange={() => model.toggle(ticket.id)}
			/>
			<div class="zd-bulk__ticket">
				<label for={id} class="zd-bulk__subject">
					{ticket.subject || t("bulk.noSubject")}
				</label>
				<span class="zd-muted">
					<button type="button" class="zd-link" onClick={() => void model.openTicket(ticket.id)}>
						{t("bulk.ticketLink", { id: ticket.id })}
					</button>
					{" · "}
					{t(`bulk.status.${ticket.status}`)}
					{" · "}
					{assignee ? t("bulk.assignee", { name: assignee }) : t("bulk.unassigned")}
					{" · "}
					{entry.reasons.map(reason => t(`bulk.reason.${reason}`)).join(", ")}
				</span>
				{outcome ? <OutcomeLine outcome={outcome} describe={describe} /> : null}
				{/* Sends the agent's values to this ticket despite another agent's. */}
				{outcome?.kind === "conflict" ? (
					<Button
						small
						variant="basic"
						onClick={() => void model.keepMine(ticket.id)}
						aria-label={t("bulk.keepMineOn", { id: ticket.id })}
					>
						{t("bulk.keepMine")}
					</Button>
				) : null}
			</div>
		</li>
	);
}

function OutcomeLine({ outcome, describe }: { outcome: BulkOutcome; describe: Describe }) {
	const t = useT();
	const text =
		outcome.kind === "updated"
			? t(outcome.retried ? "bulk.outcome.resolved" : "bulk.outcome.updated")
			: outcome.kind === "unchanged"
				? t("bulk.outcome.unchanged")
				: outcome.kind === "conflict"
					? t("bulk.outcome.conflict", { fields: outcome.fields.map(f => describe(f.id, f.theirs)).join(", ") })
					: t(`bulk.outcome.refused.${outcome.reason}`, { details: outcome.details ?? "" });
	const good = outcome.kind === "updated" || outcome.kind === "unchanged";
	return <p class={good ? "zd-bulk__outcome" : "zd-bulk__outcome zd-bulk__outcome--bad"}>{text}</p>;
}

/** The change to apply to every selected ticket, each problem next to its input; the model parses as they are typed. */
function BulkChangeForm({ model }: { model: BulkModel }) {
	const t = useT();
	const texts = model.texts.value;
	const issueOf = (field: string) => {
		const issue = issuesFor(model.issues.value, field)[0];
		return issue ? t(issue.code, issue.vars) : null;
	};
	const textInput = (key: Exclude<keyof BulkTexts, "fieldId">) => (
		<Field key={key} label={t(`bulk.change.${key}`)} issue={issueOf(key)}>
			{control => (
				<input
					{...control}
					type="text"
					value={texts[key]}
					onInput={event => model.edit({ [key]: (event.target as HTMLInputElement).value })}
				/>
			)}
		</Field>
	);
	return (
		<fieldset class="zd-bulk__change" disabled={model.phase.value === "running"}>
			<legend>{t("bulk.change.title")}</legend>
			{LIST_KEYS.map(key => textInput(key))}
			<Field label={t("bulk.change.field")}>
				{control => (
					<select
						{...control}
						value={texts.fieldId === null ? "" : String(texts.fieldId)}
						onChange={event => {
							const value = (event.target as HTMLSelectElement).value;
							model.edit({ fieldId: value === "" ? null : Number(value) });
						}}
					>
						<option value="">{t("bulk.change.noField")}</option>
						{model.editableFields.value.map(field => (
							<option key={field.id} value={String(field.id)}>
								{field.title}
							</option>
						))}
					</select>
				)}
			</Field>
			{texts.fieldId !== null ? textInput("fieldValue") : null}
		</fieldset>
	);
}
