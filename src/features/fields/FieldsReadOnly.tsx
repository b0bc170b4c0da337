/**
 * The Fields section when the ticket can't be changed (closed, or a light agent on a ticket they
 * didn't request): each shown field's title and stored value as text, with one sentence saying why,
 * and no input, Save or Discard. Drafts stay in the draft store untouched; they are not offered.
 */
import { useId } from "preact/hooks";
import type { FieldValue } from "../../shared/customFieldsTypes";
import { displayValue } from "../../shared/customFieldsValues";
import type { TicketLockReason } from "../../shared/ticketPermissions";
import { useT } from "../../platform/context";
import type { FieldsModel } from "./FieldsModel";
import type { ShownField } from "./rules/fieldOrder";

/** The reason, then the fields as a description list. */
export function FieldsReadOnly({ model, reason }: { model: FieldsModel; reason: TicketLockReason }) {
	const t = useT();
	const reasonId = useId();
	const shown = model.shown.value;
	return (
		<div class="zd-fields" data-locked={reason}>
			<p class="zd-notice" id={reasonId} data-testid="fields-locked">
				{t(`fields.locked.${reason}`)}
			</p>
			{shown.length === 0 ? (
				<p class="zd-muted">{t("fields.noFields")}</p>
			) : (
				<dl class="zd-fields__values" aria-describedby={reasonId}>
					{shown.map(item => (
						<div key={item.field.id} class="zd-field" data-field-id={item.field.id}>
							{/* No "required to solve" marker: nothing can be entered here anyway. */}
							<dt class="zd-field__label">{item.field.title}</dt>
							<dd class="zd-field__readonly">{valueText(item, model.ticketValueOf(item.field.id), t)}</dd>
						</div>
					))}
				</dl>
			)}
		</div>
	);
}

function valueText(item: ShownField, value: FieldValue, t: (key: string) => string): string {
	if (item.field.type === "checkbox") return t(value === true ? "fields.locked.checked" : "fields.locked.unchecked");
	return displayValue(item.field, value) || t("fields.empty");
}
