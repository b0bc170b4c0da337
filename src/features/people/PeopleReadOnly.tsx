/**
 * The People section when the ticket can't be changed (closed, or a light agent on a ticket they
 * didn't request): the ticket's CCs and followers as they are, with one sentence saying why, and
 * no picker, remove button, Apply or Discard. Staged changes stay in the draft store untouched; they
 * are simply not offered. Renders text only.
 */
import { useId } from "preact/hooks";
import { EMPTY_STAGED } from "./rules/stagedPeople";
import { summarizePeople } from "./rules/peopleSave";
import type { CurrentPeople, PeopleList } from "../../shared/peopleTypes";
import type { TicketLockReason } from "../../shared/ticketPermissions";
import { useT } from "../../platform/context";
import { EMPTY_KEYS, LOCKED_KEYS, TITLE_KEYS } from "./rules/peopleMode";
import { PersonChip } from "./PersonChip";

/** The read-only lists and the reason. */
export function PeopleReadOnly({ current, reason }: { current: CurrentPeople; reason: TicketLockReason }) {
	const t = useT();
	const reasonId = useId();
	// The ticket's people as they are: staged changes are not shown, since none can be applied.
	const summary = summarizePeople(current, EMPTY_STAGED);
	const lists: PeopleList[] = current.mode === "ccsAndFollowers" ? ["ccs", "followers"] : ["ccs"];
	return (
		<div class="zd-people" data-locked={reason}>
			<p class="zd-notice" id={reasonId} data-testid="people-locked">
				{t(LOCKED_KEYS[reason])}
			</p>
			{lists.map(list => {
				const title = t(TITLE_KEYS[current.mode][list]);
				const rows = summary[list];
				return (
					<div key={list} class="zd-people__group" data-list={list}>
						<h3 class="zd-people__title">
							<span>{title}</span>
						</h3>
						{rows.length === 0 ? (
							<p class="zd-muted">{t(EMPTY_KEYS[list])}</p>
						) : (
							<ul class="zd-list zd-people__list" aria-label={title} aria-describedby={reasonId}>
								{rows.map(row => (
									<PersonChip key={row.key} row={row} readOnly />
								))}
							</ul>
						)}
					</div>
				);
			})}
		</div>
	);
}
