/**
 * PLACEHOLDER for the Metadata feature: the feature helper replaces this file. A section renders its
 * own <Section> (so it controls the title badge) and builds its model from useEnv()/useApi()/useZaf().
 */
import { useT } from "../context";
import { Section } from "./Section";

/** The Metadata section of the ticket sidebar. Placeholder: renders a note and does nothing else. */
export function MetadataSection() {
	const t = useT();
	return (
		<Section title={t("shell.sections.metadata")}>
			<p class="zd-muted">{t("shell.sectionPlaceholder")}</p>
		</Section>
	);
}
