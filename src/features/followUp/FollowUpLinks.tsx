/**
 * The tickets this one led to: the follow-up just created (or linked ticket) and the source's
 * existing follow-ups (`followup_ids`), each a link that opens the ticket in the agent workspace.
 */
import type { Id } from "../../shared/ticketTypes";
import { useT } from "../../platform/context";
import type { CreatedFollowUp } from "./createFollowUpModel";
import { Button } from "../../ui/Button";
import { useFocusOnMount } from "../../ui/focus";
import { useRef } from "preact/hooks";

export interface FollowUpLinksProps {
	created: CreatedFollowUp | null;
	followUpIds: readonly Id[];
	onOpen(id: Id): void;
	onCreateAnother(): void;
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

/** The success message and the list of follow-ups. */
export function FollowUpLinks({ created, followUpIds, onOpen, onCreateAnother }: FollowUpLinksProps) {
	const t = useT();
	const notice = useRef<HTMLDivElement>(null);
	// The form that had the focus is gone: the result takes it (never from elsewhere).
	useFocusOnMount(notice, created !== null);
	return (
		<>
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
					<Button small onClick={onCreateAnother}>
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
		</>
	);
}
