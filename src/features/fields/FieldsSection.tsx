/**
 * The Fields section: the glance (how many fields are filled in, which empty ones solving needs), then the editor chunk
 * on demand (at once with unsaved values; read-only if locked). The glance reads the snapshot and the shared
 * definitions, no request of its own, in layout effects, so cached definitions show in the same frame.
 */
import { useSignal } from "@preact/signals";
import { useLayoutEffect } from "preact/hooks";
import { useDraftWaiting, useI18n, useT } from "../../platform/context";
import { listFormat } from "../../platform/i18n/createTranslator";
import { isEmptyValue } from "../../shared/customFieldsValues";
import { useTicket } from "../../ticket/TicketProvider";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { lazyComponent } from "../../ui/lazyComponent";
import { OnDemand, useGlanceRead } from "../../ui/OnDemand";
import { Section } from "../../ui/Section";
import { formForTicket, orderTicketFields, type ShownField } from "./rules/fieldOrder";

const FieldsEditor = lazyComponent(
	() => import("./FieldsEditor"),
	module => module.FieldsEditor,
);

/** The section for the open ticket. */
export function FieldsSection() {
	const t = useT();
	const unsaved = useSignal(0);
	const { reason } = useTicketPermissions();
	const waiting = useDraftWaiting("fields");
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

/** How many field names the "needed to solve" line spells out before "and N more". */
const GLANCE_NAMES = 3;

/** The glance lines; a short "loading" line until the ticket and the definitions are known (or if they failed). */
export function FieldsGlance() {
	const t = useT();
	const { locale } = useI18n();
	const { store, definitions } = useTicket();
	// The panel's one ticket read (shared by every section; the first to ask starts it).
	useLayoutEffect(() => void store.ready().catch(() => undefined), [store]);
	const ticket = store.snapshot.value?.ticket;
	const formId = ticket?.ticketFormId;
	const defs = useGlanceRead(formId === undefined ? null : () => definitions.forForm(formId), [definitions, formId]);
	if (ticket === undefined || defs === null) return <p class="zd-muted">{t("fields.loading")}</p>;
	const values = new Map(ticket.customFields.map(entry => [entry.id, entry.value] as const));
	const shown = orderTicketFields(defs.fields, formForTicket(defs.forms, ticket.ticketFormId), values);
	if (shown.length === 0) return <p class="zd-muted">{t("fields.noFields")}</p>;
	const empty = (item: ShownField) => isEmptyValue(values.get(item.field.id), item.field.type);
	const filled = shown.filter(item => !empty(item)).length;
	const needed = shown.filter(item => item.requiredOnSolve && empty(item)).map(item => item.field.title);
	const named = needed.slice(0, GLANCE_NAMES);
	const rest = needed.length - named.length;
	return (
		<>
			<p class="zd-glance__line">{t("glance.fields.filled", { count: shown.length, filled })}</p>
			{needed.length > 0 ? (
				<p class="zd-glance__line" data-testid="fields-needed">
					{t("glance.fields.needed", {
						names: listFormat(locale, rest > 0 ? [...named, t("glance.more", { count: rest })] : named),
					})}
				</p>
			) : null}
		</>
	);
}
