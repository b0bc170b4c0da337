/**
 * The open ticket's audit history: the model over the ticket's core, reloaded (when opened)
 * whenever the ticket's snapshot moves on, whoever changed it: another agent, the agent's Submit,
 * or a save from this panel with its audit metadata.
 */
import { effect, untracked } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { useApi } from "../../platform/context";
import { useTicket } from "../../ticket/TicketProvider";
import { AuditHistory } from "./AuditHistory";
import { createAuditsModel } from "./createAuditsModel";

/** The history disclosure for the ticket of the surrounding `<TicketProvider>`. */
export function TicketHistory() {
	const api = useApi();
	const { store, definitions } = useTicket();
	const model = useMemo(
		() => createAuditsModel({ api, ticketId: store.ticketId, definitions }),
		[api, store, definitions],
	);
	useEffect(() => {
		let shown = store.snapshot.peek()?.updatedAt;
		return effect(() => {
			const at = store.snapshot.value?.updatedAt;
			if (at === shown) return;
			shown = at;
			untracked(() => void model.reload());
		});
	}, [store, model]);
	return <AuditHistory model={model} />;
}
