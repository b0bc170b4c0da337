/**
 * The top of the Follow-up section, the same before and after the feature's code has loaded: what
 * the agent can create for this ticket (a follow-up for a closed ticket; otherwise, said plainly,
 * a linked ticket), the tickets already made from it, and the button that opens the form, or the
 * form itself in its place. Text only; no model, no API.
 */
import type { ComponentChildren } from "preact";
import type { Id, TicketStatus } from "../../shared/ticketTypes";
import { useT } from "../../platform/context";
import type { CreatedFollowUp } from "./createFollowUpModel";
import { FollowUpLinks } from "./FollowUpLinks";
import { Button } from "../../ui/Button";

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
export function FollowUpIntro({
	status,
	followUpIds,
	created,
	onOpen,
	onStart,
	onPrepare,
	starting = false,
	form,
}: FollowUpIntroProps) {
	const t = useT();
	const closed = status === "closed";
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
			<FollowUpLinks created={created} followUpIds={followUpIds} onOpen={onOpen} onCreateAnother={onStart} />
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
