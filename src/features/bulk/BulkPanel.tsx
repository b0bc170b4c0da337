/**
 * The related-tickets panel (a chunk loaded on demand): builds the bulk model over the ticket's
 * core, loads the related tickets at once, and renders the list, the change and the run.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "./bulk.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useApi, useEnv, useStorage, useT, useZaf } from "../../platform/context";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { issuesFor, type Issue } from "../../shared/issues";
import { useTicket } from "../../ticket/TicketProvider";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { Spinner } from "../../ui/Spinner";
import { displayValue } from "../../shared/customFieldsValues";
import { BulkChangeForm } from "./BulkChangeForm";
import { createBulkModel, type BulkModel } from "./createBulkModel";
import { RelatedTicketRow } from "./RelatedTicketRow";
import { WaitNotice } from "../../ui/WaitNotice";

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
	const issueText = (issues: readonly Issue[]) => (issues[0] ? t(issues[0].code, issues[0].vars) : null);
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
					<RelatedTicketRow
						key={entry.ticket.id}
						entry={entry}
						assignee={entry.ticket.assigneeId ? model.names.value.get(entry.ticket.assigneeId) : undefined}
						checked={model.selected.value.has(entry.ticket.id)}
						outcome={model.outcomes.value.get(entry.ticket.id)}
						onToggle={() => model.toggle(entry.ticket.id)}
						onOpen={() => void model.openTicket(entry.ticket.id)}
						onKeepMine={() => void model.keepMine(entry.ticket.id)}
						describe={(fieldId, value) => {
							const field = model.editableFields.value.find(f => f.id === fieldId);
							return { title: field?.title ?? String(fieldId), value: displayValue(field, value) || "—" };
						}}
					/>
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
				<BulkWait model={model} />
			</div>
			{issueText(issuesFor(model.issues.value, "apply")) ? (
				<p class="zd-field__issue">{issueText(issuesFor(model.issues.value, "apply"))}</p>
			) : null}
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
					? "" // Its countdown is `BulkWait`, outside this live region: one sentence per wait, not per second.
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

/** The countdown of a run waiting for a retry (a 429 or a hiccup on `update_many`), beside Apply. */
function BulkWait({ model }: { model: BulkModel }) {
	const progress = model.progress.value;
	return (
		<WaitNotice wait={progress?.phase === "waiting" ? { until: progress.until, reason: progress.reason } : null} />
	);
}
