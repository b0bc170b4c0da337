/**
 * What the agent may change on the ticket, by Zendesk's rules: a closed ticket takes no update ("Status: closed
 * prevents ticket update"); a light agent edits no properties unless they requested the ticket.
 */
import { LIGHT_AGENT_ROLE_TYPE, type PersonUser } from "./peopleTypes";
import type { Id, TicketStatus } from "./ticketTypes";

/** Why the ticket's properties can't be changed from the sidebar. */
export type TicketLockReason = "closed" | "lightAgent";

/** What the agent may change. `reason` is `null` exactly when `canEditProperties` is true. */
export interface TicketPermissions {
	canEditProperties: boolean;
	reason: TicketLockReason | null;
}

/** The signed-in agent as far as the rule needs it. `roleType` is `null` when unknown. */
export type PermissionUser = Pick<PersonUser, "id" | "roleType"> & { role: string };

/** Everything may be edited (also the answer while nothing is known yet). */
export const EDITABLE: TicketPermissions = { canEditProperties: true, reason: null };

/** The agent's permissions; a closed ticket wins over the role, an unknown role type is left for Zendesk to judge. */
export function ticketPermissions(
	ticket: { status: TicketStatus; requesterId: Id | null },
	user: PermissionUser,
): TicketPermissions {
	if (ticket.status === "closed") return { canEditProperties: false, reason: "closed" };
	const light = user.role === "agent" && user.roleType === LIGHT_AGENT_ROLE_TYPE;
	if (light && ticket.requesterId !== user.id) return { canEditProperties: false, reason: "lightAgent" };
	return EDITABLE;
}
