/**
 * The audit history (a chunk of its own), opened on mount and reloaded whenever the snapshot moves
 * on, whoever moved it: who changed what and when, tags, people, comments, metadata; text only.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "./history.css";
import { effect, untracked } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { useApi, useI18n, useT } from "../../platform/context";
import type { AuditEntry, AuditFieldChange } from "../../shared/auditTypes";
import { useTicket } from "../../ticket/TicketProvider";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { Spinner } from "../../ui/Spinner";
import { createAuditsModel, type AuditsModel } from "./createAuditsModel";

/** The loaded history, kept current. */
export function TicketAudits() {
	const api = useApi();
	const { store, definitions } = useTicket();
	const model = useMemo(
		() => createAuditsModel({ api, ticketId: store.ticketId, definitions }),
		[api, store, definitions],
	);
	useEffect(() => {
		void model.open();
		let shown = store.snapshot.peek()?.updatedAt;
		return effect(() => {
			const at = store.snapshot.value?.updatedAt;
			if (at === shown) return;
			shown = at;
			untracked(() => void model.reload());
		});
	}, [store, model]);
	return <AuditList model={model} />;
}

/** The entries of an opened history, with "load more" and the load state. */
function AuditList({ model }: { model: AuditsModel }) {
	const t = useT();
	const state = model.state.value;
	if (state === "loading" || state === "idle") return <Spinner label={t("audits.loading")} showLabel />;
	if (state === "failed" && model.error.value)
		return <ErrorNotice error={model.error.value} onRetry={() => void model.open()} />;
	const entries = model.entries.value;
	return (
		<div>
			{entries.length === 0 ? <p class="zd-muted">{t("audits.empty")}</p> : null}
			<ol class="zd-list zd-audits__list">
				{entries.map(entry => (
					<AuditItem key={entry.id} entry={entry} />
				))}
			</ol>
			{model.error.value ? <ErrorNotice error={model.error.value} /> : null}
			{model.hasMore.value ? (
				<Button small busy={model.loadingMore.value} onClick={() => void model.loadMore()}>
					{t("audits.more")}
				</Button>
			) : null}
		</div>
	);
}

function AuditItem({ entry }: { entry: AuditEntry }) {
	const t = useT();
	const { locale } = useI18n();
	return (
		<li class="zd-audit" data-audit-id={entry.id}>
			<p class="zd-audit__head">
				<strong>{entry.authorName ?? (entry.authorId > 0 ? `#${entry.authorId}` : t("audits.system"))}</strong>
				{" · "}
				<time dateTime={entry.createdAt}>{formatDate(entry.createdAt, locale)}</time>
			</p>
			<ul class="zd-list">
				{entry.changes.map((change, index) => (
					<li key={index}>{changeText(change, t)}</li>
				))}
				{entry.tags?.added.length ? <li>{t("audits.tagsAdded", { tags: entry.tags.added.join(", ") })}</li> : null}
				{entry.tags?.removed.length ? (
					<li>{t("audits.tagsRemoved", { tags: entry.tags.removed.join(", ") })}</li>
				) : null}
				{entry.people.map((change, index) => (
					<li key={`p${index}`}>
						{t(`audits.${change.list}`, {
							added: change.added.join(", ") || "—",
							removed: change.removed.join(", ") || "—",
						})}
					</li>
				))}
				{entry.comments.map((comment, index) => (
					<li key={`c${index}`}>
						{t(comment.public ? "audits.publicComment" : "audits.internalNote", { excerpt: comment.excerpt })}
					</li>
				))}
			</ul>
			{entry.custom.length > 0 ? (
				<dl class="zd-audit__metadata" aria-label={t("audits.metadata")}>
					{entry.custom.map(({ key, value }) => (
						<div key={key}>
							<dt>{key}</dt>
							<dd>{value}</dd>
						</div>
					))}
				</dl>
			) : null}
		</li>
	);
}

function changeText(
	change: AuditFieldChange,
	t: (key: string, vars?: Record<string, string | number>) => string,
): string {
	const label = change.label;
	// `system` names are formatAudit's KNOWN_SYSTEM_FIELDS, each with its `audits.fieldNames` string.
	const name =
		label.kind === "custom" ? label.title : label.kind === "system" ? t(`audits.fieldNames.${label.name}`) : label.name;
	const value = (text: string) =>
		change.valueKind === "checkbox"
			? t(text === "true" ? "audits.checked" : "audits.unchecked")
			: text || t("audits.emptyValue");
	if (change.valueKind === "text" && change.from === "") return t("audits.set", { field: name, to: change.to });
	if (change.valueKind === "text" && change.to === "") return t("audits.cleared", { field: name, from: change.from });
	return t("audits.change", { field: name, from: value(change.from), to: value(change.to) });
}

function formatDate(iso: string, locale: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	try {
		return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
	} catch {
		return date.toISOString();
	}
}
