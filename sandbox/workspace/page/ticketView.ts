/**
 * The ticket view at `/tickets/<id>`: subject, status, people (requester, assignee, CCs,
 * followers), tags, custom fields (title + value), the unsaved form edits with Submit, the
 * conversation with attachments, and the audits with their metadata. Everything is text; links
 * go through `safeHref`. Pure rendering: the page re-renders it on every change.
 */
import type { TicketState } from "../host/ticketState";
import { num, nums, objs, str, type Rest } from "../host/zafShapes";
import type { TicketBundle } from "./workspaceApi";
import { el, when, type Child } from "./dom";
import { audits, conversation, userLabel } from "./ticketHistory";

export interface TicketViewActions {
	submit(): void;
	discard(): void;
}

/** Renders the whole ticket view. */
export function ticketView(bundle: TicketBundle, form: TicketState, actions: TicketViewActions): HTMLElement {
	const { ticket } = bundle;
	const users = new Map(bundle.users.map(u => [num(u, "id") ?? 0, u]));
	const person = (id: number | null): Child =>
		id === null ? "—" : el("span", { class: "person", "data-user-id": id }, userLabel(users.get(id), id));
	const people = (ids: number[], testId: string) =>
		el(
			"ul",
			{ class: "people", "data-testid": testId },
			ids.length === 0 ? el("li", { class: "empty" }, "none") : ids.map(id => el("li", {}, person(id))),
		);
	const group = bundle.groups.find(g => num(g, "id") === num(ticket, "group_id"));
	return el(
		"article",
		{ class: "ticket", "data-testid": "ticket-view", "data-ticket-id": num(ticket, "id") },
		el(
			"header",
			{ class: "ticket-header" },
			el("span", { class: "ticket-id" }, `#${num(ticket, "id")}`),
			el("h1", { "data-testid": "ticket-subject" }, str(ticket, "subject")),
			el(
				"span",
				{ class: `badge status-${str(ticket, "status")}`, "data-testid": "ticket-status" },
				str(ticket, "status"),
			),
		),
		el(
			"dl",
			{ class: "props" },
			prop("Requester", el("span", { "data-testid": "ticket-requester" }, person(num(ticket, "requester_id")))),
			prop("Assignee", el("span", { "data-testid": "ticket-assignee" }, person(num(ticket, "assignee_id")))),
			prop(
				"Group",
				group ? str(group, "name") : num(ticket, "group_id") === null ? "—" : `#${num(ticket, "group_id")}`,
			),
			prop("Priority", el("span", { "data-testid": "ticket-priority" }, str(ticket, "priority") || "—")),
			prop("Type", el("span", { "data-testid": "ticket-type" }, str(ticket, "type") || "—")),
			prop("Tags", tagList(ticket)),
			prop("CCs", people(nums(ticket, "email_cc_ids"), "ticket-ccs")),
			prop("Followers", people(nums(ticket, "follower_ids"), "ticket-followers")),
			prop("Collaborators", people(nums(ticket, "collaborator_ids"), "ticket-collaborators")),
			prop(
				"Follow-ups",
				el(
					"span",
					{ "data-testid": "ticket-followups" },
					nums(ticket, "followup_ids")
						.map(id => `#${id}`)
						.join(", ") || "—",
				),
			),
			prop("Via", viaText(ticket)),
			prop(
				"Updated",
				el(
					"span",
					{ "data-testid": "ticket-updated-at", title: str(ticket, "updated_at") },
					when(ticket["updated_at"]),
				),
			),
		),
		customFields(bundle, ticket),
		formEdits(form, actions),
		conversation(bundle.comments, users),
		audits(bundle.audits, users),
	);
}

function prop(label: string, value: Child): Child[] {
	return [el("dt", {}, label), el("dd", {}, value)];
}

function tagList(ticket: Rest): HTMLElement {
	const tags = Array.isArray(ticket["tags"]) ? (ticket["tags"] as unknown[]).map(String) : [];
	return el(
		"ul",
		{ class: "tags", "data-testid": "ticket-tags" },
		tags.length === 0 ? el("li", { class: "empty" }, "none") : tags.map(t => el("li", { class: "tag" }, t)),
	);
}

function viaText(ticket: Rest): string {
	const via = ticket["via"] as Rest | undefined;
	if (!via) return "—";
	const source = via["source"] as Rest | undefined;
	const from = source?.["from"] as Rest | undefined;
	const rel = source ? str(source, "rel") : "";
	return rel === "follow_up" && from
		? `${str(via, "channel")} (follow-up of #${num(from, "ticket_id")})`
		: str(via, "channel");
}

/** A custom field value as an agent reads it (option names for tags, Yes/No for checkboxes). */
export function fieldValueText(field: Rest | undefined, value: unknown): string {
	if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
	const options = field ? objs(field, "custom_field_options") : [];
	const optionName = (tag: unknown) => {
		const option = options.find(o => o["value"] === tag);
		return option ? str(option, "name") : String(tag);
	};
	switch (field ? str(field, "type") : "") {
		case "checkbox":
			return value === true ? "Yes" : "No";
		case "tagger":
			return optionName(value);
		case "multiselect":
			return (Array.isArray(value) ? value : [value]).map(optionName).join(", ");
		default:
			return typeof value === "object" ? JSON.stringify(value) : String(value);
	}
}

function customFields(bundle: TicketBundle, ticket: Rest): HTMLElement {
	const defs = new Map(bundle.fields.map(f => [num(f, "id") ?? 0, f]));
	const rows = objs(ticket, "custom_fields").map(cf => {
		const id = num(cf, "id") ?? 0;
		const def = defs.get(id);
		return el(
			"tr",
			{ "data-testid": "custom-field", "data-field-id": id },
			el("th", {}, def ? str(def, "title") : `Field ${id}`),
			el("td", { "data-testid": `custom-field-${id}` }, fieldValueText(def, cf["value"])),
		);
	});
	return el(
		"section",
		{ class: "custom-fields" },
		el("h2", {}, "Custom fields"),
		rows.length === 0 ? el("p", { class: "empty" }, "none") : el("table", {}, el("tbody", {}, rows)),
	);
}

function formEdits(form: TicketState, actions: TicketViewActions): HTMLElement {
	const edits = Object.entries(form.edits());
	return el(
		"section",
		{ class: "form-edits", "data-testid": "form-edits" },
		el("h2", {}, "Unsaved changes"),
		edits.length === 0
			? el("p", { class: "empty" }, "The ticket form has no unsaved changes.")
			: el(
					"ul",
					{},
					edits.map(([path, value]) => el("li", { "data-path": path }, `${path}: ${JSON.stringify(value)}`)),
				),
		el(
			"div",
			{ class: "actions" },
			el("button", { type: "button", "data-testid": "submit-ticket", onclick: () => actions.submit() }, "Submit"),
			el(
				"button",
				{ type: "button", class: "secondary", disabled: edits.length === 0, onclick: () => actions.discard() },
				"Discard",
			),
		),
	);
}
