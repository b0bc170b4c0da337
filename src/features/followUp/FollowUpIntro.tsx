/**
 * The top of the Follow-up section, the same before and after the feature's code has loaded: what
 * the agent can create for this ticket (a follow-up for a closed ticket; otherwise, said plainly,
 * a linked ticket), the ticket just created and those already made from it (`followup_ids`, each
 * opening in the agent workspace), and the button that opens the form, or the form in its place.
 * Text only; no model, no API.
 */
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import { useT } from "../../platform/context";
import type { Id, TicketStatus } from "../../shared/ticketTypes";
import { Button } from "../../ui/Button";
import { useFocusOnMount } from "../../ui/focus";
import type { CreatedFollowUp } from "./createFollowUpModel";

/** Status names (total), for the "not closed" explanation. */
const STATUS_KEYS: Record<TicketStatus, string> = {
	new: "followUp.status.new",
	open: "followUp.status.open",
	pending: "followUp.status.pending",
	hold: "followUp.status.hold",
	solved: "followUp.status.solved",
	closed: "followUp.status.closed",
};

/** Props of `FollowUpIntro`. */
export interface FollowUpIntroProps {
	status: TicketStatus;
	followUpIds: readonly Id[];
	created: CreatedFollowUp | null;
	onOpen(id: Id): void;
	/** Opens the form (also "create another" after a success). */
	onStart(): void;
	/** Called when the agent points at or focuses the start button (to fetch the form's code early). */
	onPrepare?(): void;
	/** The start button shows progress (the form's code is on its way). */
	starting?: boolean;
	/** The open form, shown where the start button would be. */
	form?: ComponentChildren;
}

/** The explanation, the links and the start button (or the form). */
export function FollowUpIntro(props: FollowUpIntroProps) {
	const { status, followUpIds, created, onOpen, onStart, onPrepare, starting = false, form } = props;
	const t = useT();
	const closed = status === "closed";
	const notice = useRef<HTMLDivElement>(null);
	// The form that had the focus is gone: the result takes it (never from elsewhere).
	useFocusOnMount(notice, created !== null);
	return (
		<div class="zd-followup" data-mode={closed ? "followUp" : "linked"}>
			{/* The short rule, and the full one behind it: the agent reads that once, not on every ticket. */}
			<details class="zd-info">
				<summary class="zd-followup__intro">
					{closed
						? t("followUp.intro.closedShort")
						: t("followUp.intro.notClosedShort", { status: t(STATUS_KEYS[status]) })}
				</summary>
				<p class="zd-muted">
					{closed ? t("followUp.intro.closed") : t("followUp.intro.notClosed", { status: t(STATUS_KEYS[status]) })}
				</p>
			</details>
			{created ? (
				<div ref={notice} class="zd-notice zd-notice--success" role="status" tabIndex={-1}>
					<p class="zd-notice__text">
						{created.ticketId === null
							? t("followUp.links.createdUnknown")
							: t(created.mode === "followUp" ? "followUp.links.createdFollowUp" : "followUp.links.createdLinked", {
									id: created.ticketId,
								})}{" "}
						{created.ticketId !== null ? <TicketLink id={created.ticketId} onOpen={onOpen} /> : null}
					</p>
					<Button small onClick={onStart}>
						{t("followUp.links.another")}
					</Button>
				</div>
			) : null}
			{followUpIds.length > 0 ? (
				<div class="zd-followup__existing">
					<p class="zd-field__label">{t("followUp.links.existing", { count: followUpIds.length })}</p>
					<ul class="zd-followup__ids">
						{followUpIds.map(id => (
							<li key={id}>
								<TicketLink id={id} onOpen={onOpen} />
							</li>
						))}
					</ul>
				</div>
			) : null}
			{form ??
				(created === null ? (
					<Button
						variant={closed ? "primary" : "default"}
						busy={starting}
						onClick={onStart}
						onPointerEnter={onPrepare}
						onFocus={onPrepare}
					>
						{t(closed ? "followUp.start.followUp" : "followUp.start.linked")}
					</Button>
				) : null)}
		</div>
	);
}

/** A ticket number rendered as a link-styled button (routing goes through ZAF, not an href). */
function TicketLink({ id, onOpen }: { id: Id; onOpen(id: Id): void }) {
	const t = useT();
	return (
		<Button variant="basic" small onClick={() => onOpen(id)} aria-label={t("followUp.links.open", { id })}>
			#{id}
		</Button>
	);
}
