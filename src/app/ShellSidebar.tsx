/**
 * The ticket_sidebar panel: the ticket's core (`TicketProvider`: one snapshot, one subscription,
 * one writer) around the feature sections, each behind its own error boundary so a bug in one
 * leaves the others usable.
 */
import { useEnv, useT } from "../platform/context";
import { TicketProvider } from "../ticket/TicketProvider";
import { RelatedTicketsSection } from "../features/bulk/RelatedTicketsSection";
import { FieldsSection } from "../features/fields/FieldsSection";
import { FollowUpSection } from "../features/followUp/FollowUpSection";
import { TicketHistory } from "../features/history/TicketHistory";
import { MetadataSection } from "../features/metadata/MetadataSection";
import { PeopleSection } from "../features/people/PeopleSection";
import { ShellErrorBoundary } from "./ShellErrorBoundary";
import { TicketLockNotice } from "./TicketLockNotice";
import { UnkeptDraftsNotice } from "./UnkeptDraftsNotice";
import { WriterStatus } from "./WriterStatus";

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
