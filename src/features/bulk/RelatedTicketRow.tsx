/** One related ticket: its checkbox, a link that opens it, its status and why it is listed, and the outcome of the last run. */
import { useId } from "preact/hooks";
import { useT } from "../../platform/context";
import { Button } from "../../ui/Button";
import type { BulkOutcome } from "./runBulkUpdate";
import type { RelatedTicket } from "./relatedTickets";

export interface RelatedTicketRowProps {
	entry: RelatedTicket;
	/** The assignee's name, when known. */
	assignee: string | undefined;
	checked: boolean;
	outcome: BulkOutcome | undefined;
	onToggle(): void;
	onOpen(): void;
	/** Sends the agent's values to this ticket despite another agent's (after a conflict). */
	onKeepMine(): void;
	/** A field's title and a value as the agent reads it (option names, Yes/No). */
	describe(fieldId: number, value: unknown): { title: string; value: string };
}

/** A list item. Ticket data is rendered as text. */
export function RelatedTicketRow({
	entry,
	assignee,
	checked,
	outcome,
	onToggle,
	onOpen,
	onKeepMine,
	describe,
}: RelatedTicketRowProps) {
	const t = useT();
	const id = useId();
	const { ticket } = entry;
	return (
		<li class="zd-bulk__row">
			<input id={id} type="checkbox" checked={checked} onChange={onToggle} />
			<div class="zd-bulk__ticket">
				<label for={id} class="zd-bulk__subject">
					{ticket.subject || t("bulk.noSubject")}
				</label>
				<span class="zd-muted">
					<button type="button" class="zd-link" onClick={onOpen}>
						{t("bulk.ticketLink", { id: ticket.id })}
					</button>
					{" · "}
					{t(`bulk.status.${ticket.status}`)}
					{" · "}
					{assignee ? t("bulk.assignee", { name: assignee }) : t("bulk.unassigned")}
					{" · "}
					{entry.reasons.map(reason => t(`bulk.reason.${reason}`)).join(", ")}
				</span>
				{outcome ? <OutcomeLine outcome={outcome} describe={describe} /> : null}
				{outcome?.kind === "conflict" ? (
					<Button small variant="basic" onClick={onKeepMine} aria-label={t("bulk.keepMineOn", { id: ticket.id })}>
						{t("bulk.keepMine")}
					</Button>
				) : null}
			</div>
		</li>
	);
}

function OutcomeLine({ outcome, describe }: { outcome: BulkOutcome; describe: RelatedTicketRowProps["describe"] }) {
	const t = useT();
	const text =
		outcome.kind === "updated"
			? t(outcome.retried ? "bulk.outcome.resolved" : "bulk.outcome.updated")
			: outcome.kind === "unchanged"
				? t("bulk.outcome.unchanged")
				: outcome.kind === "conflict"
					? t("bulk.outcome.conflict", {
							fields: outcome.fields
								.map(f => {
									const shown = describe(f.id, f.theirs);
									return `${shown.title}: “${shown.value}”`;
								})
								.join(", "),
						})
					: t(`bulk.outcome.refused.${outcome.reason}`, { details: outcome.details ?? "" });
	const good = outcome.kind === "updated" || outcome.kind === "unchanged";
	return <p class={good ? "zd-bulk__outcome" : "zd-bulk__outcome zd-bulk__outcome--bad"}>{text}</p>;
}
