/**
 * A lookup field's control. Users and organizations: the chosen record as a chip with its NAME (× clears it), else
 * the picker over users or organizations. Tickets: an id input, the subject under it. Names and searches: the model's.
 */
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import type { Organization, User } from "../../platform/api/types";
import { useT } from "../../platform/context";
import type { TicketFieldDef } from "../../shared/customFieldsTypes";
import { userLabel } from "../../shared/userLabel";
import { Chip } from "../../ui/Chip";
import { PeoplePicker, UserOption, type PickerTexts } from "../../ui/PeoplePicker";
import type { LookupModel } from "./createLookupModel";

/** The id, label and description wiring of a field's control (`FieldInput`'s). */
export interface Wiring {
	id: string;
	disabled: boolean | undefined;
	"aria-describedby": string | undefined;
	"aria-invalid": true | undefined;
	onBlur(): void;
}

export interface LookupControlProps {
	field: TicketFieldDef;
	/** The id as stored (draft or ticket value). */
	value: string;
	/** `value` is the agent's edit: its name is asked for after the typing pause. */
	typed: boolean;
	lookup: LookupModel;
	common: Wiring;
	/** The text input a ticket lookup is typed in. */
	idInput: ComponentChildren;
	onChange(id: string): void;
}

/** Why an id shows no name, when there is no such record, per target. */
const MISSING_TEXTS: Record<string, string> = {
	"zen:user": "fields.lookup.missingUser",
	"zen:organization": "fields.lookup.missingOrganization",
	"zen:ticket": "fields.lookup.missingTicket",
};

/** The control of one lookup field. */
export function LookupControl({ field, value, typed, lookup, common, idInput, onChange }: LookupControlProps) {
	const t = useT();
	const target = field.relationshipTargetType;
	const id = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
	useEffect(() => lookup.resolve(target, id, typed), [lookup, target, id]);
	const label = lookup.labelOf(target, id);
	const problem = lookup.problemOf(target, id);
	const why = problem && t((problem === "missing" && MISSING_TEXTS[target ?? ""]) || "fields.lookup.nameFailed");
	const picker = lookup.searchOf(field);

	if (!picker) {
		return (
			<>
				{idInput}
				{label ? <p class="zd-field__hint">{label}</p> : null}
				{why ? <p class="zd-muted">{why}</p> : null}
			</>
		);
	}
	if (value.trim() !== "") {
		// The name once known; the id until then (or when the record can't be named).
		const name = label ?? `#${value.trim()}`;
		return (
			<ul class="zd-list zd-people__list zd-lookup">
				<Chip
					name={name}
					issue={why}
					removeLabel={t("fields.lookup.clear", { name, title: field.title })}
					disabled={common.disabled}
					onRemove={() => onChange("")}
				/>
			</ul>
		);
	}
	const remember = (id: number, name: string) => {
		lookup.remember(picker.target, id, name);
		onChange(String(id));
		return true;
	};
	const texts = (placeholder: string, noResults: string): PickerTexts => ({
		label: "",
		placeholder: t(placeholder),
		results: t("fields.lookup.results", { title: field.title }),
		searching: t("fields.lookup.searching"),
		failed: t("fields.lookup.failed"),
		noResults: t(noResults),
		typeMore: min => t("fields.lookup.typeMore", { min }),
	});
	const wiring = {
		inputId: common.id,
		describedBy: common["aria-describedby"],
		disabled: common.disabled ?? false,
		onBlur: common.onBlur,
	};
	// No onTyped: Enter with nothing highlighted does nothing, so a search never saves the Fields form.
	return picker.target === "zen:user" ? (
		<PeoplePicker<User>
			{...wiring}
			search={picker.search}
			texts={texts("fields.lookup.placeholder", "fields.lookup.noMatch")}
			optionKey={user => user.id}
			option={user => <UserOption user={user} />}
			emailOf={user => user.email}
			onPick={user => remember(user.id, userLabel(user))}
		/>
	) : (
		<PeoplePicker<Organization>
			{...wiring}
			search={picker.search}
			texts={texts("fields.lookup.organizationPlaceholder", "fields.lookup.noOrganizationMatch")}
			optionKey={org => org.id}
			option={org => org.name}
			onPick={org => remember(org.id, org.name)}
		/>
	);
}
