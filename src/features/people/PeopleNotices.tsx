/**
 * What happened around the lists: others' changes meanwhile, rebase notes, changes Zendesk did not make, the
 * confirmation, errors (a 403 explained). Text only; a wait counts down beside Apply, not here.
 */
import type { ExternalChange } from "./rules/peopleSave";
import type { PeopleList } from "../../shared/peopleTypes";
import { useT } from "../../platform/context";
import type { PeopleModel } from "./createPeopleModel";
import { ErrorNotice } from "../../ui/ErrorNotice";

const EXTERNAL_KEYS: Record<PeopleList, Record<ExternalChange["op"], string>> = {
	ccs: { add: "people.external.addedCc", remove: "people.external.removedCc" },
	followers: { add: "people.external.addedFollower", remove: "people.external.removedFollower" },
};

/** Rebase notes, others' changes, unapplied changes, confirmation and errors, in that order. */
export function PeopleNotices({ model }: { model: PeopleModel }) {
	const t = useT();
	const notes = model.notes.value;
	const external = model.external.value;
	const unapplied = model.unapplied.value;
	const error = model.error.value;
	return (
		<div class="zd-people__notices" aria-live="polite">
			{notes.length > 0 || external.length > 0 ? (
				<div class="zd-notice zd-notice--warning" data-notes="rebase">
					<p>
						<strong>{t("people.rebase.title")}</strong>
					</p>
					{external.map(change => (
						<p key={`${change.list}:${change.op}:${change.user.id}`}>
							{t(EXTERNAL_KEYS[change.list][change.op], { name: change.user.name })}
						</p>
					))}
					{notes.map(note => (
						<p key={`${note.code}:${JSON.stringify(note.vars)}`}>{t(note.code, note.vars)}</p>
					))}
				</div>
			) : null}
			{unapplied.length > 0 ? (
				<div class="zd-notice zd-notice--warning" data-notes="unapplied">
					{unapplied.map(item => (
						<p key={`${item.code}:${item.vars.name}`}>{t(item.code, item.vars)}</p>
					))}
				</div>
			) : null}
			{model.applied.value !== null && unapplied.length === 0 ? (
				<p class="zd-notice zd-notice--success" role="status">
					{t("people.applied")}
				</p>
			) : null}
			{error !== null && model.state.value === "ready" ? (
				error.kind === "forbidden" ? (
					<div class="zd-notice zd-notice--error" role="alert" data-kind="forbidden">
						<p>{t("people.forbidden")}</p>
					</div>
				) : (
					<>
						<ErrorNotice error={error} />
						{model.staged.value.changes.length > 0 ? <p class="zd-muted">{t("people.keptChanges")}</p> : null}
					</>
				)
			) : null}
		</div>
	);
}
