/**
 * The tickets related to the open one: a problem's incidents, a follow-up's source and follow-ups,
 * the requester's and the organization's open tickets; each once, with every reason it is listed.
 */
import type { ZendeskApi } from "../../platform/api/client";
import type { Id, Ticket } from "../../platform/api/types";

/** Why a ticket is listed. */
type RelatedReason = "incident" | "problem" | "followUp" | "source" | "requester" | "organization";

/** One related ticket. */
export interface RelatedTicket {
	ticket: Ticket;
	reasons: RelatedReason[];
}

/** Statuses that count as "open" for the requester's and the organization's tickets. */
const OPEN: ReadonlySet<string> = new Set(["new", "open", "pending", "hold"]);

/** The API calls the list needs. */
export type RelatedApi = Pick<
	ZendeskApi,
	"listIncidents" | "listRequestedTickets" | "listOrganizationTickets" | "showManyTickets"
>;

/** Reads every source the open ticket has (in parallel), merged by id, the open ticket left out. */
export async function loadRelatedTickets(api: RelatedApi, current: Ticket): Promise<RelatedTicket[]> {
	const linkedIds = [...current.followupIds, ...(current.via?.followUpSourceId ? [current.via.followUpSourceId] : [])];
	const problemIds = current.problemId ? [current.problemId] : [];
	const [incidents, linked, requested, organization] = await Promise.all([
		current.type === "problem" ? api.listIncidents(current.id) : Promise.resolve([]),
		linkedIds.length + problemIds.length > 0 ? api.showManyTickets([...linkedIds, ...problemIds]) : Promise.resolve([]),
		current.requesterId ? api.listRequestedTickets(current.requesterId) : Promise.resolve([]),
		current.organizationId ? api.listOrganizationTickets(current.organizationId) : Promise.resolve([]),
	]);
	const byId = new Map<Id, RelatedTicket>();
	const add = (ticket: Ticket, reason: RelatedReason) => {
		if (ticket.id === current.id) return;
		const entry = byId.get(ticket.id) ?? { ticket, reasons: [] };
		if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
		byId.set(ticket.id, entry);
	};
	incidents.forEach(ticket => add(ticket, "incident"));
	for (const ticket of linked) {
		if (current.followupIds.includes(ticket.id)) add(ticket, "followUp");
		if (ticket.id === current.via?.followUpSourceId) add(ticket, "source");
		if (ticket.id === current.problemId) add(ticket, "problem");
	}
	requested.filter(ticket => OPEN.has(ticket.status)).forEach(ticket => add(ticket, "requester"));
	organization.filter(ticket => OPEN.has(ticket.status)).forEach(ticket => add(ticket, "organization"));
	return [...byId.values()].sort((a, b) => a.ticket.id - b.ticket.id);
}
