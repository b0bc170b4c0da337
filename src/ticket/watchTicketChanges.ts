/**
 * Keeps a section's data fresh: re-reads on `ticket.updated` (another agent) and on
 * `ticket.submit.done` (the agent's own Submit, for which Zendesk sends no `ticket.updated`). A
 * change that lands while the section is busy saving is remembered and re-read once the save is
 * over (`afterBusy()`), so the panel never stays stale and never re-reads under its own write.
 */
import type { ReadonlySignal } from "@preact/signals";
import type { ZafPort } from "../platform/zaf/port";

/** What `watchTicketChanges` returns. */
export interface TicketChangeWatch {
	/** Call when the busy period ends (in a `finally`): re-reads if a change arrived meanwhile. */
	afterBusy(): void;
	/** Stops listening. */
	stop(): void;
}

/** Subscribes `refresh` to the ticket's change events, deferred while `busy` is true. Does not read by itself. */
export function watchTicketChanges(
	zaf: Pick<ZafPort, "on">,
	busy: ReadonlySignal<boolean>,
	refresh: () => void,
): TicketChangeWatch {
	let pending = false;
	const onChange = () => {
		if (busy.value) pending = true;
		else refresh();
	};
	const stops = [zaf.on("ticket.updated", onChange), zaf.on("ticket.submit.done", onChange)];
	return {
		afterBusy() {
			if (!pending) return;
			pending = false;
			refresh();
		},
		stop() {
			for (const stop of stops) stop();
		},
	};
}
