/**
 * What the signed-in agent may change on the open ticket, following the store's snapshot (a ticket
 * closed meanwhile locks the sections at once). The agent's role type comes from ZAF's
 * `currentUser.roleType` when it has one, else from the agent's REST user when the ticket's
 * sideloaded users include them (`role_type`); unknown means "not a light agent".
 */
import { useEnv } from "../platform/context";
import { EDITABLE, ticketPermissions, type TicketPermissions } from "../shared/ticketPermissions";
import { useTicket } from "./TicketProvider";

/** The permissions for the open ticket; `EDITABLE` until the first read answered. Re-renders on a new snapshot. */
export function useTicketPermissions(): TicketPermissions {
	const { currentUser } = useEnv();
	const snapshot = useTicket().store.snapshot.value;
	if (snapshot === undefined) return EDITABLE;
	const rest = snapshot.users.find(user => user.id === currentUser.id);
	const roleType = currentUser.roleType ?? rest?.roleType ?? null;
	return ticketPermissions(snapshot.ticket, { id: currentUser.id, role: currentUser.role, roleType });
}
