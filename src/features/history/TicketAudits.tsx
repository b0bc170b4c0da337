/** The audit history (a chunk of its own), opened on mount and reloaded whenever the snapshot moves on, whoever moved it. */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "./history.css";
import { effect, untracked } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { useApi } from "../../platform/context";
import { useTicket } from "../../ticket/TicketProvider";
import { AuditList } from "./AuditList";
import { createAuditsModel } from "./createAuditsModel";

/** The loaded history, kept current. */
export function TicketAudits() {
	const api = useApi();
	const { store, definitions } = useTicket();
	const model = useMemo(
		() => createAuditsModel({ api, ticketId: store.ticketId, definitions }),
		[api, store, definitions],
	);
	useEffect(() => {
		void model.open();
		let shown = store.snapshot.peek()?.updatedAt;
		return effect(() => {
			const at = store.snapshot.value?.updatedAt;
			if (at === shown) return;
			shown = at;
			untracked(() => void model.reload());
		});
	}, [store, model]);
	return <AuditList model={model} />;
}
