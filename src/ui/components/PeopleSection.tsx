/**
 * PLACEHOLDER for the People feature: the feature helper replaces this file. A section renders its
 * own <Section> (so it controls the title badge) and builds its model from useEnv()/useApi()/useZaf().
 */
import { useT } from "../context";
import { Section } from "./Section";

/** The People section of the ticket sidebar. Placeholder: renders a note and does nothing else. */
export function PeopleSection() {
	const t = useT();
	return (
		<Section title={t("shell.sections.people")}>
			<p class="zd-muted">{t("shell.sectionPlaceholder")}</p>
		</Section>
	);
}
