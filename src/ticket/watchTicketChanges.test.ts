import { signal } from "@preact/signals";
import { describe, expect, it } from "vitest";
import { watchTicketChanges } from "./watchTicketChanges";

/** A tiny event source with real listeners, shaped like the port's `on`. */
function createEvents() {
	const listeners = new Map<string, Set<(payload: unknown) => void>>();
	return {
		on(event: string, handler: (payload: unknown) => void) {
			if (!listeners.has(event)) listeners.set(event, new Set());
			listeners.get(event)!.add(handler);
			return () => void listeners.get(event)!.delete(handler);
		},
		fire: (event: string) => listeners.get(event)?.forEach(h => h(undefined)),
		count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
	};
}

describe("watchTicketChanges", () => {
	it("re-reads at once on ticket.updated and on the agent's own submit", () => {
		const events = createEvents();
		let reads = 0;
		watchTicketChanges(events, signal(false), () => reads++);
		events.fire("ticket.updated");
		events.fire("ticket.submit.done");
		expect(reads).toBe(2);
	});

	it("defers changes that land while busy to one re-read after the busy period", () => {
		const events = createEvents();
		const busy = signal(true);
		let reads = 0;
		const watch = watchTicketChanges(events, busy, () => reads++);
		events.fire("ticket.updated");
		events.fire("ticket.updated");
		expect(reads).toBe(0);
		busy.value = false;
		watch.afterBusy();
		watch.afterBusy();
		expect(reads).toBe(1);
	});

	it("stops listening", () => {
		const events = createEvents();
		const watch = watchTicketChanges(events, signal(false), () => undefined);
		expect(events.count()).toBe(2);
		watch.stop();
		expect(events.count()).toBe(0);
	});
});
