/** Whether the sidebar shows a field, and whether the agent may edit it there (from its definition alone). */
import { isCustomFieldType, type TicketFieldDef } from "./customFieldsTypes";

/** Why a field is shown read-only. */
export type ReadOnlyReason = "creditCard" | "lookupTarget" | "unsupportedType";

/** How the sidebar treats a field, and why a field is not editable or not shown. */
export type FieldAccess =
	| { mode: "edit" }
	| { mode: "readOnly"; reason: ReadOnlyReason }
	| { mode: "hidden"; reason: "system" | "inactive" | "agentCannotEdit" };

/** Zendesk's system field types: edited in the ticket form, never in the sidebar, even when marked removable. */
const SYSTEM_FIELD_TYPES: readonly string[] = [
	"subject",
	"description",
	"status",
	"custom_status",
	"tickettype",
	"priority",
	"group",
	"assignee",
	"brand",
];

/** Lookup targets the sidebar can search; custom objects stay read-only. */
const SEARCHABLE_LOOKUP_TARGETS: readonly string[] = ["zen:user", "zen:organization", "zen:ticket"];

/** Classifies a field as editable, read-only (credit card, unsupported lookup/type) or hidden. Never throws. */
export function fieldAccess(field: TicketFieldDef): FieldAccess {
	if (!field.removable || SYSTEM_FIELD_TYPES.includes(field.type)) return { mode: "hidden", reason: "system" };
	if (!field.active) return { mode: "hidden", reason: "inactive" };
	if (!field.agentCanEdit) return { mode: "hidden", reason: "agentCannotEdit" };
	if (!isCustomFieldType(field.type)) return { mode: "readOnly", reason: "unsupportedType" };
	if (field.type === "partialcreditcard") return { mode: "readOnly", reason: "creditCard" };
	if (field.type === "lookup" && !SEARCHABLE_LOOKUP_TARGETS.includes(field.relationshipTargetType ?? "")) {
		return { mode: "readOnly", reason: "lookupTarget" };
	}
	return { mode: "edit" };
}
