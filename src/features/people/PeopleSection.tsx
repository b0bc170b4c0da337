/**
 * The People section: the glance, then the editor chunk on demand (at once with staged changes; read-only if locked).
 * The glance: per list a count, three faces and first names, "and N more", from the snapshot and the cached settings
 * (no request of its own), read in layout effects so a cached answer shows on the first screen.
 */
import { useSignal } from "@preact/signals";
import { useLayoutEffect } from "preact/hooks";
import { useApi, useDraftWaiting, useI18n, useT } from "../../platform/context";
import { listFormat } from "../../platform/i18n/createTranslator";
import type { CurrentPeople, PersonUser } from "../../shared/peopleTypes";
import { initials } from "../../shared/userLabel";
import { useTicket } from "../../ticket/TicketProvider";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { lazyComponent } from "../../ui/lazyComponent";
import { OnDemand, useGlanceRead } from "../../ui/OnDemand";
import { Section } from "../../ui/Section";
import { Spinner } from "../../ui/Spinner";
import { choosePeopleMode, listsOf, peopleOf, TITLE_KEYS } from "./rules/peopleMode";

const PeopleEditor = lazyComponent(
	() => import("./PeopleEditor"),
	module => module.PeopleEditor,
);

/** The section for the open ticket. */
export function PeopleSection() {
	const t = useT();
	const pending = useSignal(0);
	const current = usePeopleGlance();
	const { reason } = useTicketPermissions();
	const waiting = useDraftWaiting("people");
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
							{listsOf(current.mode).map(list => (
								<GlanceLine key={list} title={t(TITLE_KEYS[current.mode][list])} people={current[list]} />
							))}
							{current.mode === "disabled" ? <p class="zd-muted">{t("people.mode.disabled")}</p> : null}
						</>
					)
				}
			/>
		</Section>
	);
}

/** How many names a glance line spells out before "and N more". */
const GLANCE_NAMES = 3;

/** The people of the snapshot in the account's mode, or null while either is unknown. */
function usePeopleGlance(): CurrentPeople | null {
	const { store } = useTicket();
	// The panel's one ticket read (shared by every section; the first to ask starts it).
	useLayoutEffect(() => void store.ready().catch(() => undefined), [store]);
	const snapshot = store.snapshot.value;
	const api = useApi();
	// If the settings fail the editor says so; the glance still shows the ticket's CCs and followers.
	const mode = useGlanceRead(
		() => api.getAccountSettings().then(choosePeopleMode, () => "ccsAndFollowers" as const),
		[api],
	);
	return snapshot === undefined || mode === null ? null : peopleOf(snapshot, mode);
}

function GlanceLine({ title, people }: { title: string; people: readonly PersonUser[] }) {
	const t = useT();
	const { locale } = useI18n();
	const names = people.slice(0, GLANCE_NAMES).map(person => person.name || person.email || `#${person.id}`);
	const rest = people.length - names.length;
	const text =
		people.length === 0
			? t("glance.people.none")
			: listFormat(locale, rest > 0 ? [...names, t("glance.more", { count: rest })] : names);
	return (
		<p class="zd-glance__line">
			<span class="zd-glance__label">{`${title} (${people.length})`}</span>{" "}
			{people.slice(0, GLANCE_NAMES).map(person => (
				<span key={person.id} class="zd-glance__face" aria-hidden="true">
					{initials(person.name || person.email || "?")}
				</span>
			))}
			{text}
		</p>
	);
}
