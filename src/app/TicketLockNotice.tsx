/**
 * One sentence at the top of the panel when Zendesk accepts no changes to the ticket from this
 * agent (closed, or a light agent's on a ticket they didn't request), so the sections below can
 * show their glances read-only without each repeating the reason.
 */
import { useT } from "../platform/context";
import { useTicketPermissions } from "../ticket/useTicketPermissions";

/** The reason, or nothing on a ticket the agent may change. */
export function TicketLockNotice() {
	const t = useT();
	const { reason } = useTicketPermissions();
	if (reason === null) return null;
	return (
		<p class="zd-notice zd-lock" data-testid="ticket-locked" data-reason={reason}>
			{t(`shell.locked.${reason}`)}
		</p>
	);
}
