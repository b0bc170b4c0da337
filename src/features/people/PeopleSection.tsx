/**
 * The People section: a glance at the ticket's CCs and followers (PeopleGlance), and the editor
 * (PeopleEditor, a chunk of its own) on demand, or at once when staged changes are waiting. Where
 * the ticket can't be changed (closed, a light agent's; the panel says why at the top), the
 * glance's button shows every person read-only (PeopleReadOnly).
 */
import { useSignal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { useEnv, useStorage, useT } from "../../platform/context";
import { hasDraft } from "../../platform/storage/createDraftStore";
import { PEOPLE_DRAFT_SECTION } from "../../shared/draftSections";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { lazyComponent } from "../../ui/lazyComponent";
import { OnDemand } from "../../ui/OnDemand";
import { Section } from "../../ui/Section";
import { Spinner } from "../../ui/Spinner";
import { PeopleGlance, usePeopleGlance } from "./PeopleGlance";

const PeopleEditor = lazyComponent(
	() => import("./PeopleEditor"),
	module => module.PeopleEditor,
);

/** The section for the open ticket. */
export function PeopleSection() {
	const env = useEnv();
	const t = useT();
	const { local } = useStorage();
	const pending = useSignal(0);
	const current = usePeopleGlance();
	const { reason } = useTicketPermissions();
	const waiting = useMemo(() => hasDraft(local, env.currentUser.id, env.ticketId, PEOPLE_DRAFT_SECTION), [local, env]);
	const count = reason === null ? pending.value : 0;
	return (
		<Section title={t("shell.sections.people")} badge={count > 0 ? `+${count}` : undefined}>
			<OnDemand
				name="people"
				editor={PeopleEditor}
				props={{ pending }}
				waiting={waiting}
				label={t(reason === null && current?.mode !== "disabled" ? "glance.people.edit" : "glance.people.show")}
				glance={
					current === null ? (
						<Spinner label={t("shell.loading")} showLabel />
					) : (
						<>
							<PeopleGlance current={current} />
							{current.mode === "disabled" ? <p class="zd-muted">{t("people.mode.disabled")}</p> : null}
						</>
					)
				}
			/>
		</Section>
	);
}
