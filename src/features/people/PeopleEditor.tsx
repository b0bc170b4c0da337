/**
 * The People editor (a chunk): the lists, pickers, remove buttons, CC counter, staged summary, Apply (with the pending
 * audit metadata) and Discard. All logic is the model's and the rules'.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "../../ui/picker.css";
import "./people.css";
import type { Signal } from "@preact/signals";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { issuesFor } from "../../shared/issues";
import { summarizePeople, type PeopleRow, type PeopleSummary } from "./rules/peopleSave";
import { EMPTY_STAGED } from "./rules/stagedPeople";
import type { CurrentPeople, PeopleList } from "../../shared/peopleTypes";
import type { TicketLockReason } from "../../shared/ticketPermissions";
import { useApi, useEnv, useStorage, useT } from "../../platform/context";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import { createPeopleModel, type PeopleModel } from "./createPeopleModel";
import { useTicket } from "../../ticket/TicketProvider";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { EMPTY_KEYS, listsOf, LOCKED_KEYS, TITLE_KEYS } from "./rules/peopleMode";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { PeopleNotices } from "./PeopleNotices";
import { PersonChip } from "./PersonChip";
import { PersonPicker } from "./PersonPicker";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { WaitNotice } from "../../ui/WaitNotice";
import { useWriterWait } from "../../ticket/useWait";

/** The editor: one model per ticket and agent, loaded on mount; `pending` gets how many changes can be applied. */
export function PeopleEditor({ pending }: { pending: Signal<number> }) {
	const env = useEnv();
	const api = useApi();
	const ticketId = env.ticketId;
	const { store, metadata } = useTicket();
	const { local } = useStorage();
	const model = useMemo(
		() =>
			createPeopleModel({
				ticket: store,
				api,
				drafts: createDraftStore(local, env.currentUser.id, ticketId ?? undefined),
			}),
		[api, store, ticketId, env.currentUser.id, local],
	);
	useEffect(() => {
		void model.load();
		return () => model.dispose();
	}, [model]);
	const { reason } = useTicketPermissions();
	// Staged changes that can't be applied are not counted either (they stay stored).
	const count = reason === null ? (model.summary.value?.pending ?? 0) : 0;
	useEffect(() => {
		pending.value = count;
	}, [count, pending]);
	return <PeoplePanel model={model} metadata={metadata} locked={reason} />;
}

/** What the section shows for a model, with the metadata Apply carries and why it is `locked`. Exported for tests. */
export function PeoplePanel({
	model,
	metadata = null,
	locked = null,
}: {
	model: PeopleModel;
	metadata?: MetadataModel | null;
	locked?: TicketLockReason | null;
}) {
	const t = useT();
	// While Apply runs (or waits its turn behind another section's save), the writer's wait is its own.
	const wait = useWriterWait(model.applying.value);
	const current = model.current.value;
	const summary = model.summary.value;
	const error = model.error.value;
	if (current === undefined || summary === undefined) {
		if (model.state.value === "failed" && error !== null) {
			return (
				<div class="zd-people">
					<p>{t("people.loadFailed")}</p>
					<ErrorNotice error={error} onRetry={() => void model.load()} />
				</div>
			);
		}
		return <Spinner label={t("shell.loading")} showLabel />;
	}
	if (locked !== null) return <PeopleReadOnly current={current} reason={locked} />;
	const { mode } = current;
	const busy = model.applying.value;
	const issues = model.issues.value;
	const formIssues = issuesFor(issues, "form");
	return (
		<div class="zd-people" aria-busy={busy || undefined}>
			{mode !== "ccsAndFollowers" ? (
				<p class="zd-notice" data-mode={mode}>
					{t(mode === "collaborators" ? "people.mode.collaborators" : "people.mode.disabled")}
				</p>
			) : null}
			{listsOf(mode).map(list => (
				<div key={list} class="zd-people__group" data-list={list}>
					<h3 class="zd-people__title">
						<span>{t(TITLE_KEYS[mode][list])}</span>
						{list === "ccs" ? <CcCounter summary={summary} /> : null}
					</h3>
					<PeopleRows
						rows={summary[list]}
						list={list}
						title={t(TITLE_KEYS[mode][list])}
						model={model}
						disabled={busy || mode === "disabled"}
					/>
					{mode !== "disabled" ? (
						<PersonPicker
							list={list}
							mode={mode}
							search={model.searches[list]}
							issues={issuesFor(issues, list)}
							disabled={busy}
							onPick={person => model.add(list, person)}
							onType={() => model.clearCandidateIssues()}
						/>
					) : null}
				</div>
			))}
			{/* The rule in one line beside the lists, the reason behind it a click away. */}
			{mode === "ccsAndFollowers" ? (
				<details class="zd-info zd-people__rule">
					<summary class="zd-muted">{t("people.noteRuleShort")}</summary>
					<p class="zd-muted">{t("people.noteRule")}</p>
				</details>
			) : null}
			{summary.pending > 0 ? (
				<div class="zd-people__summary">
					<h3 class="zd-people__title">{t("people.summary.title")}</h3>
					<ul class="zd-list">
						{summary.lines.map(line => (
							<li key={`${line.code}:${line.vars.email}:${line.vars.name}`}>{t(line.code, line.vars)}</li>
						))}
					</ul>
				</div>
			) : null}
			{formIssues.length > 0 ? (
				<div class="zd-field__issue" role="alert">
					{formIssues.map(issue => (
						<p key={issue.code}>{t(issue.code, issue.vars)}</p>
					))}
				</div>
			) : null}
			{summary.pending > 0 && metadata?.hasAgentMetadata.value ? (
				<p class="zd-muted" data-testid="people-metadata">
					{t("people.metadataAttached")}
				</p>
			) : null}
			{mode !== "disabled" ? (
				<div class="zd-actions">
					<Button variant="primary" busy={busy} disabled={!model.canApply.value} onClick={() => void model.apply()}>
						{busy ? t("people.applying") : t("people.apply")}
					</Button>
					<Button
						variant="basic"
						disabled={busy || model.staged.value.changes.length === 0}
						onClick={() => model.discard()}
					>
						{t("people.discard")}
					</Button>
					<WaitNotice wait={wait} />
				</div>
			) : null}
			{/* Below the buttons: a notice that arrives on its own (another agent's change) never moves Apply. */}
			<PeopleNotices model={model} />
		</div>
	);
}

/** The lists of a ticket that can't be changed: the people as they are and why; staged changes stay stored, unshown. */
function PeopleReadOnly({ current, reason }: { current: CurrentPeople; reason: TicketLockReason }) {
	const t = useT();
	const reasonId = useId();
	const summary = summarizePeople(current, EMPTY_STAGED);
	return (
		<div class="zd-people" data-locked={reason}>
			<p class="zd-notice" id={reasonId} data-testid="people-locked">
				{t(LOCKED_KEYS[reason])}
			</p>
			{listsOf(current.mode).map(list => {
				const title = t(TITLE_KEYS[current.mode][list]);
				return (
					<div key={list} class="zd-people__group" data-list={list}>
						<h3 class="zd-people__title">
							<span>{title}</span>
						</h3>
						<PeopleRows rows={summary[list]} list={list} title={title} describedBy={reasonId} />
					</div>
				);
			})}
		</div>
	);
}

function CcCounter({ summary }: { summary: PeopleSummary }) {
	const t = useT();
	const { final, max } = summary.counts;
	return (
		<span
			class={final > max ? "zd-people__counter is-over" : "zd-people__counter"}
			aria-label={t("people.ccs.counterLabel", { count: final, max })}
			data-count={final}
		>
			{t("people.counter", { count: final, max })}
		</span>
	);
}

interface PeopleRowsProps {
	rows: readonly PeopleRow[];
	list: PeopleList;
	title: string;
	/** Without a model the rows are read-only, all shown. */
	model?: PeopleModel;
	disabled?: boolean;
	describedBy?: string;
}

function PeopleRows({ rows, list, title, model, disabled = false, describedBy }: PeopleRowsProps) {
	const t = useT();
	const [all, setAll] = useState(model === undefined);
	if (rows.length === 0) return <p class="zd-muted">{t(EMPTY_KEYS[list])}</p>;
	// A long list shows its first rows and every staged one; the rest one click away.
	const shown =
		all || rows.length <= LONG_LIST ? rows : rows.filter((row, i) => i < SHORT_LIST || row.state !== "current");
	const hidden = rows.length - shown.length;
	return (
		<>
			<ul class="zd-list zd-people__list" aria-label={title} aria-describedby={describedBy}>
				{shown.map(row => (
					<PersonChip
						key={row.key}
						row={row}
						disabled={disabled}
						readOnly={model === undefined}
						onRemove={() => model?.remove(list, row.person)}
						onUndo={() => model?.undo(list, row.person)}
					/>
				))}
			</ul>
			{hidden > 0 ? (
				<Button variant="basic" small onClick={() => setAll(true)}>
					{t("people.showMore", { count: hidden })}
				</Button>
			) : null}
		</>
	);
}

/** Lists longer than this show only their first SHORT_LIST rows (and the staged ones) at first. */
const LONG_LIST = 10;
const SHORT_LIST = 8;
