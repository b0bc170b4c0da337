/** The root component (loading, start-up failure, then the ZAF location's component) and the ticket sidebar. */
import type { ComponentType } from "preact";
import { useEnv, useT, EnvCtx } from "../platform/context";
import type { ShellModel } from "../platform/createShellModel";
import { RelatedTicketsSection } from "../features/bulk/RelatedTicketsSection";
import { FieldsSection } from "../features/fields/FieldsSection";
import { FollowUpSection } from "../features/followUp/FollowUpSection";
import { TicketHistory } from "../features/history/TicketHistory";
import { MetadataSection } from "../features/metadata/MetadataSection";
import { PeopleSection } from "../features/people/PeopleSection";
import { TicketProvider } from "../ticket/TicketProvider";
import { useTicketPermissions } from "../ticket/useTicketPermissions";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Spinner } from "../ui/Spinner";
import { UnkeptDraftsNotice, WriterStatus } from "./PanelStatus";
import { ShellErrorBoundary } from "./ShellErrorBoundary";

/** Component per ZAF location. Locations not listed get a short note (the manifest only declares these). */
const LOCATIONS: Record<string, ComponentType> = {
	ticket_sidebar: ShellSidebar,
};

/** Renders the shell state of the model `mount` created. Does not load anything itself: `mount` starts `shell.load()`. */
export function App({ shell }: { shell: ShellModel }) {
	const t = useT();
	const state = shell.state.value;
	if (state.status === "loading") {
		return (
			<div class="zd-loading">
				<Spinner label={t("shell.loading")} showLabel />
			</div>
		);
	}
	if (state.status === "failed") {
		return (
			<div class="zd-startup-failed">
				<p class="zd-muted">{t("shell.startFailed")}</p>
				<ErrorNotice error={state.error} onRetry={() => void shell.load()} />
			</div>
		);
	}
	const Location = LOCATIONS[state.env.location];
	return (
		<EnvCtx.Provider value={state.env}>
			{Location ? (
				<Location />
			) : (
				<p class="zd-muted">{t("shell.unsupportedLocation", { location: state.env.location })}</p>
			)}
		</EnvCtx.Provider>
	);
}

/** The page shown outside Zendesk (`ZAFClient.init()` returned false): where to open the app, not a blank panel. */
export function ShellOutside() {
	const t = useT();
	return (
		<div class="zd-outside" role="alert">
			<h1 class="zd-outside__title">{t("shell.outsideZendesk.title")}</h1>
			<p>{t("shell.outsideZendesk.body")}</p>
		</div>
	);
}

/** The ticket_sidebar panel: the ticket's core around the sections, each behind its own error boundary; a note when no ticket is open. */
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
