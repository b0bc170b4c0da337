/**
 * Which ZAF `ticket.<prop>.changed` events a change of the ticket form causes: compares two views
 * of the ZAF ticket (plus custom field values). Pure; used by ticketState.ts.
 */
import type { TicketChange } from "./ticketState";
import type { ZafUser } from "./zafShapes";

/** The ticket as ZAF shows it plus custom field values by `custom_field_<id>`. */
export interface DiffView {
	ticket: Record<string, unknown>;
	custom: Record<string, unknown>;
}

const WATCHED: Array<[event: string, read: (t: Record<string, unknown>) => unknown]> = [
	["ticket.subject.changed", t => t["subject"]],
	["ticket.status.changed", t => t["status"]],
	["ticket.priority.changed", t => t["priority"]],
	["ticket.type.changed", t => t["type"]],
	["ticket.tags.changed", t => t["tags"]],
	["ticket.requester.id.changed", t => (t["requester"] as ZafUser | null)?.id ?? null],
	["ticket.assignee.user.id.changed", t => (t["assignee"] as { user: ZafUser | null }).user?.id ?? null],
	["ticket.assignee.group.id.changed", t => (t["assignee"] as { group: { id: number } | null }).group?.id ?? null],
	["ticket.collaborators.changed", t => t["collaborators"]],
	["ticket.comment.text.changed", t => (t["comment"] as { text: string }).text],
];

/** The ZAF change events between two views of the ticket (value = the new value). */
export function diffTickets(before: DiffView, after: DiffView): TicketChange[] {
	const changes: TicketChange[] = [];
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	for (const [event, read] of WATCHED) {
		const value = read(after.ticket);
		if (!same(read(before.ticket), value)) changes.push({ event, value });
	}
	for (const name of new Set([...Object.keys(before.custom), ...Object.keys(after.custom)])) {
		if (!same(before.custom[name], after.custom[name])) {
			changes.push({ event: `ticket.${name}.changed`, value: after.custom[name] });
		}
	}
	return changes;
}
