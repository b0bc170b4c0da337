/** The ticket_sidebar panel: the ticket's core around the sections, each behind its own error boundary. */
import { useEnv, useT } from "../platform/context";
import { TicketProvider } from "../ticket/TicketProvider";
import { useTicketPermissions } from "../ticket/useTicketPermissions";
import { RelatedTicketsSection } from "../features/bulk/RelatedTicketsSection";
import { FieldsSection } from "../features/fields/FieldsSection";
import { FollowUpSection } from "../features/followUp/FollowUpSection";
import { TicketHistory } from "../features/history/TicketHistory";
import { MetadataSection } from "../features/metadata/MetadataSection";
import { PeopleSection } from "../features/people/PeopleSection";
import { ShellErrorBoundary } from "./ShellErrorBoundary";
import { UnkeptDraftsNotice, WriterStatus } from "./PanelStatus";

/** The sidebar for one ticket. Shows a note instead when no ticket is open (e.g. a new ticket). */
export function ShellSidebar() {
	const env = useEnv();
	const t = useT();
	if (env.ticketId === null) return <p class="zd-muted">{t("shell.noTicket")}</p>;
	return (
		<TicketProvider>
			{/* When the browser refuses storage: said once the agent has a draft, before it can be lost. */}
			<UnkeptDraftsNotice />
			{/* One status line for automatic waits (429 countdown, retries) of every section. */}
			<WriterStatus />
			<TicketLockNotice />
			<div class="zd-sections">
				<ShellErrorBoundary name="followUp">
					<FollowUpSection />
				</ShellErrorBoundary>
				<ShellErrorBoundary name="people">
					<PeopleSection />
				</ShellErrorBoundary>
				<ShellErrorBoundary name="fields">
					<FieldsSection />
				</ShellErrorBoundary>
				<ShellErrorBoundary name="bulk">
					<RelatedTicketsSection />
				</ShellErrorBoundary>
				<ShellErrorBoundary name="metadata">
					<MetadataSection history={<TicketHistory />} />
				</ShellErrorBoundary>
			</div>
		</TicketProvider>
	);
}

/**
 * Why Zendesk accepts no changes to the ticket from this agent (closed, or a light agent's on a
 * ticket they didn't request), said once so the glances below show read-only without repeating it.
 */
function TicketLockNotice() {
	const t = useT();
	const { reason } = useTicketPermissions();
	if (reason === null) return null;
	return (
		<p class="zd-notice zd-lock" data-testid="ticket-locked" data-reason={reason}>
			{t(`shell.locked.${reason}`)}
		</p>
	);
}
