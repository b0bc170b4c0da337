/**
 * The Metadata section: the admin's default metadata (read-only), the agent's key/value editor,
 * what happened to the metadata last, and the audit history. Metadata is attached to the next real
 * change any section saves; this section never saves on its own, because Zendesk stores nothing
 * for metadata alone (it says so).
 */
import type { JsonValue } from "../../ticket/metadata/metadata";
import { useT } from "../../platform/context";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useTicket } from "../../ticket/TicketProvider";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { MetadataEditor } from "./MetadataEditor";
import { Section } from "../../ui/Section";

/** The section for the open ticket, over its pending metadata; `history` is the audit history to show under it. */
export function MetadataSection({ history }: { history?: ComponentChildren }) {
	const t = useT();
	const { metadata, store } = useTicket();
	// The one ticket read of the panel (shared): whether the ticket accepts changes at all.
	useEffect(() => void store.ready().catch(() => undefined), [store]);
	// Metadata only travels with a change: where Zendesk accepts none, there is nothing to edit.
	const { reason } = useTicketPermissions();
	const count = reason === null ? metadata.rows.value.filter(row => row.key.trim() !== "").length : 0;
	return (
		<Section title={t("shell.sections.metadata")} badge={count > 0 ? String(count) : undefined}>
			{reason === null ? (
				<MetadataPanel model={metadata} />
			) : (
				<p class="zd-notice" data-testid="metadata-locked">
					{t(`metadata.locked.${reason}`)}
				</p>
			)}
			<h3 class="zd-subheading">{t("audits.title")}</h3>
			{history}
		</Section>
	);
}

/** The metadata part of the section. Exported for component tests. */
export function MetadataPanel({ model }: { model: MetadataModel }) {
	const t = useT();
	const defaults = Object.entries(model.defaults.value);
	const status = model.status.value;
	return (
		<div>
			<p class="zd-muted">{t("metadata.explain")}</p>
			{model.issues.value
				.filter(issue => issue.field === "metadataDefaults")
				.map(issue => (
					<p key={issue.code} class="zd-notice zd-notice--warning">
						{t(issue.code, issue.vars)}
					</p>
				))}
			{defaults.length > 0 ? (
				<div>
					<p class="zd-field__label">{t("metadata.defaultsTitle")}</p>
					<ul class="zd-list">
						{defaults.map(([key, value]) => (
							<li key={key}>{`${key}: ${valueText(value)}`}</li>
						))}
					</ul>
				</div>
			) : null}
			<MetadataEditor model={model} />
			{status.kind === "refused" ? (
				<p class="zd-notice zd-notice--warning" role="alert">
					{t("metadata.issues.metadataOnly")}
				</p>
			) : status.kind === "notStored" ? (
				<p class="zd-notice zd-notice--warning" role="alert">
					{t("metadata.notStored")}
				</p>
			) : status.kind === "attached" && status.keys.length > 0 ? (
				<p class="zd-notice zd-notice--success" role="status">
					{status.auditId === null ? t("metadata.attachedNoId") : t("metadata.attached", { auditId: status.auditId })}
				</p>
			) : null}
		</div>
	);
}

function valueText(value: JsonValue): string {
	return typeof value === "string" ? value : JSON.stringify(value);
}
