/**
 * The Metadata section: a glance at what the next change will carry, `MetadataPanel` on demand (at
 * once when the agent has typed metadata), what happened to it last, and the audit history. It
 * never saves on its own: Zendesk stores nothing for metadata alone.
 */
import { useT } from "../../platform/context";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useTicket } from "../../ticket/TicketProvider";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { lazyComponent } from "../../ui/lazyComponent";
import { OnDemand } from "../../ui/OnDemand";
import { Section } from "../../ui/Section";

const MetadataPanel = lazyComponent(
	() => import("./MetadataPanel"),
	module => module.MetadataPanel,
);

/** The section for the open ticket, over its pending metadata; `history` is the audit history to show under it. */
export function MetadataSection({ history }: { history?: ComponentChildren }) {
	const t = useT();
	const { metadata, store } = useTicket();
	// The one ticket read of the panel (shared): whether the ticket accepts changes at all.
	useEffect(() => void store.ready().catch(() => undefined), [store]);
	// Metadata only travels with a change: where Zendesk accepts none, there is nothing to edit.
	const { reason } = useTicketPermissions();
	const keys = Object.keys(metadata.pending.value);
	const count = reason === null ? metadata.rows.value.filter(row => row.key.trim() !== "").length : 0;
	return (
		<Section title={t("shell.sections.metadata")} badge={count > 0 ? String(count) : undefined}>
			<OnDemand
				name="metadata"
				editor={MetadataPanel}
				props={{ model: metadata }}
				waiting={metadata.hasAgentMetadata.value}
				label={reason === null ? t("glance.metadata.edit") : null}
				glance={
					reason === null ? (
						<p class="zd-glance__line">
							{keys.length === 0 ? t("glance.metadata.none") : t("glance.metadata.pending", { keys: keys.join(", ") })}
						</p>
					) : (
						<p class="zd-glance__line zd-muted" data-testid="metadata-locked">
							{t(`metadata.locked.${reason}`)}
						</p>
					)
				}
			/>
			{reason === null ? <MetadataStatus model={metadata} /> : null}
			{history}
		</Section>
	);
}

/** What happened to the metadata last: shown with or without the editor open. */
function MetadataStatus({ model }: { model: MetadataModel }) {
	const t = useT();
	const status = model.status.value;
	return status.kind === "refused" ? (
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
	) : null;
}
