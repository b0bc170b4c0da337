/**
 * The Fields glance: how many fields are filled in, which empty ones solving needs. From the snapshot and the shared
 * definitions, no request of its own; reads start in layout effects, so cached definitions show in the same frame.
 */
import { useLayoutEffect, useState } from "preact/hooks";
import { useI18n, useT } from "../../platform/context";
import { isEmptyValue } from "../../shared/customFieldsValues";
import type { FieldDefinitions } from "../../ticket/createFieldDefinitionsCache";
import { useTicket } from "../../ticket/TicketProvider";
import { formForTicket, orderTicketFields, type ShownField } from "./rules/fieldOrder";
import { listFormat } from "../../platform/i18n/createTranslator";

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
	const [defs, setDefs] = useState<FieldDefinitions | null>(null);
	useLayoutEffect(() => {
		if (formId === undefined) return;
		let live = true;
		definitions.forForm(formId).then(
			loaded => live && setDefs(loaded),
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, [definitions, formId]);
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
