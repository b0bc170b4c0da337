/** The Fields section: the glance, then the editor chunk on demand (at once with unsaved values; read-only if locked). */
import { useSignal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { useEnv, useStorage, useT } from "../../platform/context";
import { hasDraft } from "../../platform/storage/createDraftStore";
import { FIELDS_DRAFT_SECTION } from "../../shared/draftSections";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { lazyComponent } from "../../ui/lazyComponent";
import { OnDemand } from "../../ui/OnDemand";
import { Section } from "../../ui/Section";
import { FieldsGlance } from "./FieldsGlance";

const FieldsEditor = lazyComponent(
	() => import("./FieldsEditor"),
	module => module.FieldsEditor,
);

/** The section for the open ticket. */
export function FieldsSection() {
	const env = useEnv();
	const t = useT();
	const { local } = useStorage();
	const unsaved = useSignal(0);
	const { reason } = useTicketPermissions();
	const waiting = useMemo(() => hasDraft(local, env.currentUser.id, env.ticketId, FIELDS_DRAFT_SECTION), [local, env]);
	const count = reason === null ? unsaved.value : 0;
	return (
		<Section title={t("shell.sections.fields")} badge={count > 0 ? t("fields.unsavedCount", { count }) : undefined}>
			<OnDemand
				name="fields"
				editor={FieldsEditor}
				props={{ unsaved }}
				waiting={waiting}
				label={t(reason === null ? "glance.fields.edit" : "glance.fields.show")}
				glance={<FieldsGlance />}
			/>
		</Section>
	);
}
