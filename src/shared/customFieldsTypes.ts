/** Domain types for ticket custom fields (camelCase); the wire shapes are `platform/api/wire.ts`'s. */
import type { Id } from "./ticketTypes";

/** A ticket field's id (a Zendesk `Id`). */
export type FieldId = Id;

/** Every custom field type the sidebar knows how to show, in the order the docs list them (zendesk-ticket-api.md §7.1). */
export const CUSTOM_FIELD_TYPES = [
	"text",
	"textarea",
	"integer",
	"decimal",
	"date",
	"checkbox",
	"regexp",
	"tagger",
	"multiselect",
	"lookup",
	"partialcreditcard",
] as const;

/** One of `CUSTOM_FIELD_TYPES`. */
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** True for a type the sidebar knows; system types (`subject`, `status`, ...) and future types are not. */
export function isCustomFieldType(type: string): type is CustomFieldType {
	return (CUSTOM_FIELD_TYPES as readonly string[]).includes(type);
}

/** One option of a dropdown (`tagger`) or multi-select: agents see `name`, Zendesk stores `value` (the tag). */
export interface FieldOption {
	id: FieldId | null;
	name: string;
	value: string;
	isDefault: boolean;
}

/** A ticket field definition as the sidebar needs it (not every key Zendesk sends). */
export interface TicketFieldDef {
	id: FieldId;
	/** Zendesk's `type`: a `CustomFieldType`, or a system type such as `subject`. */
	type: string;
	title: string;
	/** Zendesk's `description` ("" when none). */
	description: string;
	/** Zendesk's agent-only `agent_description`; preferred over `description` when set. */
	agentDescription?: string;
	position: number;
	active: boolean;
	/** Zendesk's `required`: needed to set the ticket to solved; it blocks no other save. */
	required: boolean;
	/** `false` for system fields that exist on every ticket. */
	removable: boolean;
	/** Zendesk's read-only `agent_can_edit`; `true` when Zendesk omitted it. */
	agentCanEdit: boolean;
	/** For `regexp` fields: the (Ruby-flavoured) validation pattern; `null` when none. */
	regexpForValidation: string | null;
	/** For `checkbox` fields: the tag added to the ticket when checked. */
	tag: string | null;
	/** For `tagger` and `multiselect` fields; empty otherwise. */
	options: readonly FieldOption[];
	/** For `lookup` fields: `zen:user`, `zen:organization`, `zen:ticket` or `zen:custom_object:{key}`. */
	relationshipTargetType: string | null;
}

/** A value as Zendesk sends or accepts it in `custom_fields: [{id, value}]`. */
export type FieldValue = string | number | boolean | readonly string[] | null;

/** One entry of a ticket's `custom_fields`. */
export interface CustomFieldValue {
	id: FieldId;
	value: FieldValue;
}

/** An input's value before coercion: text (numbers, lookup ids), a boolean, a tag, a tag list; `null` = empty. */
export type FieldDraftValue = string | boolean | readonly string[] | null;

/** A ticket form as the sidebar needs it. */
export interface TicketFormDef {
	id: FieldId;
	active: boolean;
	/** Zendesk's `default`: the form of tickets that have no `ticket_form_id`. */
	isDefault: boolean;
	/** Field ids in display order (system fields included; the sidebar skips them). */
	ticketFieldIds: readonly FieldId[];
	agentConditions: readonly FormCondition[];
}

/** One agent condition of a form: when `parentFieldId` has `value`, the children appear (and may be required). */
export interface FormCondition {
	parentFieldId: FieldId;
	value: FieldValue;
	/** `requiredOnStatuses`: Zendesk's `required_on_statuses` (`SOME_STATUSES` lists them; `ALL_`, `NO_STATUSES`). */
	childFields: ReadonlyArray<{
		id: FieldId;
		isRequired: boolean;
		requiredOnStatuses: readonly string[] | "all" | "none";
	}>;
}

/** The key of a field in `Issue.field` and in per-field notices: `field.<id>`. */
export function fieldKey(id: FieldId): string {
	return `field.${id}`;
}
