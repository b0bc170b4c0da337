/**
 * Ticket fields and forms: reads (agents; end users see portal-visible ones) and admin-only
 * field creation (OAS CreateTicketField "Allowed for: Admins" [V]). Knows no HTTP.
 */
import { isoSecond } from "../db/clock";
import { CUSTOM_FIELD_TYPES } from "./customFieldRules";
import { findField, nextId } from "../db/db";
import type { TicketFieldRecord, TicketFormRecord, UserRecord } from "../db/records";
import { fail, invalid, isObject, isStaff, ok, type Result, type ServiceContext } from "./serviceTypes";

/** `GET /ticket_fields`: "Anyone"; end users get only `visible_in_portal` fields [V]. Ordered by position. */
export function listFields(ctx: ServiceContext, actor: UserRecord): TicketFieldRecord[] {
	const visible = isStaff(actor) ? ctx.db.ticketFields : ctx.db.ticketFields.filter(f => f.visible_in_portal);
	return [...visible].sort((a, b) => a.position - b.position || a.id - b.id);
}

/** `GET /ticket_fields/{id}`: agents [V]. */
export function showField(ctx: ServiceContext, actor: UserRecord, id: number): Result<TicketFieldRecord> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const field = findField(ctx.db, id);
	return field ? ok(field) : fail({ kind: "not_found" });
}

/** `GET /ticket_forms`: "Anyone"; end users only see `end_user_visible` forms [V]. `active` filters when given. */
export function listForms(ctx: ServiceContext, actor: UserRecord, active?: boolean): TicketFormRecord[] {
	return ctx.db.ticketForms
		.filter(f => isStaff(actor) || f.end_user_visible)
		.filter(f => active === undefined || f.active === active)
		.sort((a, b) => a.position - b.position || a.id - b.id);
}

/** `GET /ticket_forms/{id}`. */
export function showForm(ctx: ServiceContext, actor: UserRecord, id: number): Result<TicketFormRecord> {
	const form = listForms(ctx, actor).find(f => f.id === id);
	return form ? ok(form) : fail({ kind: "not_found" });
}

/**
 * `GET /ticket_forms/show_many?ids=`: "Anyone", "up to 100" ids [V OAS ShowManyTicketForms]. The
 * caller's visible forms in request order, unknown ids skipped, each once (order and duplicates
 * [U]: as `tickets/show_many` here). `active` filters when given.
 */
export function showManyForms(
	ctx: ServiceContext,
	actor: UserRecord,
	ids: readonly number[],
	active?: boolean,
): TicketFormRecord[] {
	const visible = new Map(listForms(ctx, actor, active).map(f => [f.id, f] as const));
	const unique = [...new Set(ids.slice(0, 100))];
	return unique.flatMap(id => visible.get(id) ?? []);
}

/**
 * The `include=ticket_fields` sideload of a forms answer [F: Zendesk's Web Widget asks
 * `ticket_forms/show_many?ids=…&include=ticket_fields`; not in the OAS]: every field the forms list
 * in `ticket_field_ids`, each once, exactly as `GET /ticket_fields` shows them to `actor` (end
 * users only portal-visible ones; inactive ones kept; by position). Ids of unknown fields are skipped.
 */
export function fieldsOfForms(
	ctx: ServiceContext,
	actor: UserRecord,
	forms: readonly TicketFormRecord[],
): TicketFieldRecord[] {
	const listed = new Set(forms.flatMap(f => f.ticket_field_ids));
	return listFields(ctx, actor).filter(f => listed.has(f.id));
}

/** `POST /ticket_fields` (admins): a custom field; tagger/multiselect need `custom_field_options` with name + value. */
export function createField(ctx: ServiceContext, actor: UserRecord, input: unknown): Result<TicketFieldRecord> {
	if (actor.role !== "admin") return fail({ kind: "forbidden" });
	if (!isObject(input))
		return invalid({ field: "base", description: "Ticket field: is invalid", error: "InvalidValue" });
	const type = input.type ?? "text";
	if (typeof type !== "string" || !(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) {
		return invalid({ field: "type", description: "Type: is invalid", error: "InvalidValue" });
	}
	const title = typeof input.title === "string" ? input.title.trim() : "";
	if (title === "") return invalid({ field: "title", description: "Title: cannot be blank", error: "BlankValue" });
	const rawOptions = Array.isArray(input.custom_field_options) ? input.custom_field_options : [];
	if ((type === "tagger" || type === "multiselect") && rawOptions.length === 0) {
		return invalid({
			field: "custom_field_options",
			description: "Field options: cannot be blank",
			error: "BlankValue",
		});
	}
	const stamp = isoSecond(ctx.clock.now());
	const field: TicketFieldRecord = {
		id: nextId(ctx.db, "field"),
		type,
		title,
		raw_title: title,
		description: typeof input.description === "string" ? input.description : "",
		raw_description: typeof input.description === "string" ? input.description : "",
		agent_description: typeof input.agent_description === "string" ? input.agent_description : null,
		position: typeof input.position === "number" ? input.position : 9999,
		active: input.active !== false,
		required: input.required === true,
		required_in_portal: input.required_in_portal === true,
		visible_in_portal: input.visible_in_portal === true,
		editable_in_portal: input.editable_in_portal === true,
		title_in_portal: title,
		raw_title_in_portal: title,
		collapsed_for_agents: false,
		regexp_for_validation:
			type === "regexp" && typeof input.regexp_for_validation === "string" ? input.regexp_for_validation : null,
		tag: type === "checkbox" && typeof input.tag === "string" ? input.tag : null,
		removable: true,
		agent_can_edit: true,
		created_at: stamp,
		updated_at: stamp,
	};
	if (type === "tagger" || type === "multiselect") {
		field.custom_field_options = rawOptions.filter(isObject).map((o, i) => ({
			id: nextId(ctx.db, "option"),
			name: String(o.name ?? o.value),
			raw_name: String(o.name ?? o.value),
			value: String(o.value ?? o.name),
			position: i,
			default: o.default === true,
		}));
	}
	if (type === "lookup")
		field.relationship_target_type =
			typeof input.relationship_target_type === "string" ? input.relationship_target_type : "zen:user";
	ctx.db.ticketFields.push(field);
	return ok(field);
}
