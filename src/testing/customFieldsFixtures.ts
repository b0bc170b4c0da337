/**
 * Field-definition builders for the custom-field domain tests (`aField({...})`). Test support only:
 * nothing in the shipped app imports it.
 */
import type { FieldOption, TicketFieldDef } from "../shared/customFieldsTypes";

/** A dropdown/multi-select option with a tag derived from the name unless given. */
export function anOption(name: string, value = name.toLowerCase().replace(/[^a-z0-9]+/g, "_")): FieldOption {
	return { id: null, name, value, isDefault: false };
}

/** An active, agent-editable custom text field unless overridden. */
export function aField(overrides: Partial<TicketFieldDef> = {}): TicketFieldDef {
	return {
		id: 1,
		type: "text",
		title: "Field",
		description: "",
		position: 0,
		active: true,
		required: false,
		removable: true,
		agentCanEdit: true,
		regexpForValidation: null,
		tag: null,
		options: [],
		relationshipTargetType: null,
		...overrides,
	};
}
