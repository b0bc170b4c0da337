/**
 * Related tickets: a glance that reads nothing, then (on demand, as a separate chunk) the related
 * tickets with a checkbox each, the change to apply to the selection, Apply with its progress in
 * the same row, and an outcome per ticket, each ticket a link that opens it in the workspace. A
 * waiting draft (a selection, a change, or a run a reload interrupted) opens it at once.
 */
import { useMemo, useState } from "preact/hooks";
import { useEnv, useStorage, useT } from "../../platform/context";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { Button } from "../../ui/Button";
import { lazyComponent } from "../../ui/lazyComponent";
import { Section } from "../../ui/Section";
import { BULK_DRAFT_SECTION } from "./bulkDraftSection";

const BulkPanel = lazyComponent(
	() => import("./BulkPanel"),
	module => module.BulkPanel,
);

/** The section for the open ticket. */
export function RelatedTicketsSection() {
	const env = useEnv();
	const t = useT();
	const { local } = useStorage();
	const waiting = useMemo(
		() =>
			createDraftStore(local, env.currentUser.id, env.ticketId ?? undefined).load(
				BULK_DRAFT_SECTION,
				(value): value is unknown => value !== undefined,
			) !== undefined,
		[local, env],
	);
	const [open, setOpen] = useState(waiting);
	return (
		<Section title={t("bulk.title")}>
			{open ? (
				<BulkPanel />
			) : (
				<div class="zd-bulk">
					<p class="zd-muted">{t("bulk.intro")}</p>
					<Button onClick={() => setOpen(true)} onPointerEnter={BulkPanel.preload} onFocus={BulkPanel.preload}>
						{t("bulk.show")}
					</Button>
				</div>
			)}
		</Section>
	);
}
