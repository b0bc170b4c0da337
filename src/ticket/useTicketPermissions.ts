/**
 * What the signed-in agent may change on the open ticket, following the snapshot (a ticket closed
 * meanwhile locks the sections at once). The role type comes from ZAF's `currentUser.roleType`,
 * else the agent's sideloaded REST user; unknown means "not a light agent".
 */
import { useEnv } from "../platform/context";
import { LIGHT_AGENT_ROLE_TYPE } from "../shared/peopleTypes";
import { EDITABLE, ticketPermissions, type TicketPermissions } from "../shared/ticketPermissions";
import { useTicket } from "./TicketProvider";

/** The permissions for the open ticket; `EDITABLE` until the first read answered. Re-renders on a new snapshot. */
export function useTicketPermissions(): TicketPermissions {
	const { currentUser } = useEnv();
	const snapshot = useTicket().store.snapshot.value;
	const roleType = useRoleType();
	if (snapshot === undefined) return EDITABLE;
	return ticketPermissions(snapshot.ticket, { id: currentUser.id, role: currentUser.role, roleType });
}

/** True when the signed-in agent is a light agent (as far as ZAF or the ticket's users say). */
export function useIsLightAgent(): boolean {
	const { currentUser } = useEnv();
	return currentUser.role === "agent" && useRoleType() === LIGHT_AGENT_ROLE_TYPE;
}

function useRoleType(): number | null {
	const { currentUser } = useEnv();
	const snapshot = useTicket().store.snapshot.value;
	const rest = snapshot?.users.find(user => user.id === currentUser.id);
	return currentUser.roleType ?? rest?.roleType ?? null;
}
