/**
 * The ticket list at `/`: id, subject, status, requester and last update, each row linking to the
 * ticket view. Data is rendered as text.
 */
import { num, str, type Rest } from "../host/zafShapes";
import { el, when } from "./dom";

/** Renders the list; `open(id)` navigates. */
export function ticketList(tickets: Rest[], users: Map<number, Rest>, open: (id: number) => void): HTMLElement {
	const rows = [...tickets]
		.sort((a, b) => (num(b, "id") ?? 0) - (num(a, "id") ?? 0))
		.map(t => {
			const id = num(t, "id") ?? 0;
			const requester = users.get(num(t, "requester_id") ?? -1);
			const link = el(
				"a",
				{
					href: `/tickets/${id}`,
					onclick: (e: Event) => {
						e.preventDefault();
						open(id);
					},
				},
				str(t, "subject") || "(no subject)",
			);
			return el(
				"tr",
				{ "data-testid": "ticket-row", "data-ticket-id": id },
				el("td", {}, `#${id}`),
				el("td", {}, link),
				el("td", {}, el("span", { class: `badge status-${str(t, "status")}` }, str(t, "status"))),
				el("td", {}, requester ? str(requester, "name") : ""),
				el("td", {}, when(t["updated_at"])),
			);
		});
	return el(
		"section",
		{ class: "ticket-list", "data-testid": "ticket-list" },
		el("h1", {}, "Tickets"),
		el(
			"table",
			{},
			el(
				"thead",
				{},
				el(
					"tr",
					{},
					["ID", "Subject", "Status", "Requester", "Updated"].map(h => el("th", {}, h)),
				),
			),
			el("tbody", {}, rows),
		),
	);
}
