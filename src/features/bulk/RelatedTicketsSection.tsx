/**
 * Related tickets: a glance that reads nothing, then `BulkPanel` on demand (at once for a waiting
 * draft). A light agent is offered none of it: Zendesk lets them change no property of a ticket
 * they did not request, and every bulk change is one.
 */
import { useDraftWaiting, useT } from "../../platform/context";
import { lazyComponent } from "../../ui/lazyComponent";
import { OnDemand } from "../../ui/OnDemand";
import { Section } from "../../ui/Section";
import { useIsLightAgent } from "../../ticket/useTicketPermissions";

const BulkPanel = lazyComponent(
	() => import("./BulkPanel"),
	module => module.BulkPanel,
);

/** The section for the open ticket. */
export function RelatedTicketsSection() {
	const t = useT();
	const light = useIsLightAgent();
	const waiting = useDraftWaiting("bulk");
	return (
		<Section title={t("bulk.title")}>
			<OnDemand
				name="bulk"
				editor={BulkPanel}
				props={{}}
				waiting={waiting}
				label={light ? null : t("bulk.show")}
				glance={
					<p class="zd-muted" data-testid={light ? "bulk-locked" : undefined}>
						{t(light ? "bulk.lightAgent" : "bulk.intro")}
					</p>
				}
			/>
		</Section>
	);
}
