/**
 * What the People section says before its editor opens: per list, a count, up to three faces
 * (initials) and the first names, the rest as "and N more". Built from the ticket store's
 * snapshot (users sideloaded) and the account's mode from the session's settings; no request of
 * its own. Its reads start in layout effects, not after the next frame: the glance is the first
 * screen, and a cached answer then shows in the same frame. Text only.
 */
import { useLayoutEffect, useState } from "preact/hooks";
import { useApi, useI18n, useT } from "../../platform/context";
import type { CurrentPeople, PeopleList, PeopleMode, PersonUser } from "../../shared/peopleTypes";
import type { TicketSnapshot } from "../../ticket/createTicketStore";
import { useTicket } from "../../ticket/TicketProvider";
import { peopleOf } from "./peopleSnapshot";
import { choosePeopleMode } from "./rules/peopleMode";
import { initials } from "../../shared/userLabel";
import { TITLE_KEYS } from "./peopleLabels";
import { listFormat } from "../../platform/i18n/createTranslator";

/** How many names a glance line spells out before "and N more". */
export const GLANCE_NAMES = 3;

/** The account's people mode once the (cached) settings answered; null until then or when they fail. */
function usePeopleMode(): PeopleMode | null {
	const api = useApi();
	const [mode, setMode] = useState<PeopleMode | null>(null);
	useLayoutEffect(() => {
		let live = true;
		api.getAccountSettings().then(
			settings => live && setMode(choosePeopleMode(settings)),
			// The editor says the settings failed; the glance still shows the ticket's CCs and followers.
			() => live && setMode("ccsAndFollowers"),
		);
		return () => {
			live = false;
		};
	}, [api]);
	return mode;
}

/** The people of the snapshot in the account's mode, or null while either is unknown. */
export function usePeopleGlance(): CurrentPeople | null {
	const { store } = useTicket();
	// The panel's one ticket read (shared by every section; the first to ask starts it).
	useLayoutEffect(() => void store.ready().catch(() => undefined), [store]);
	const snapshot: TicketSnapshot | undefined = store.snapshot.value;
	const mode = usePeopleMode();
	return snapshot === undefined || mode === null ? null : peopleOf(snapshot, mode);
}

/** The glance lines for `current`. */
export function PeopleGlance({ current }: { current: CurrentPeople }) {
	const t = useT();
	const lists: PeopleList[] = current.mode === "ccsAndFollowers" ? ["ccs", "followers"] : ["ccs"];
	return (
		<>
			{lists.map(list => (
				<GlanceLine key={list} title={t(TITLE_KEYS[current.mode][list])} people={current[list]} />
			))}
		</>
	);
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
