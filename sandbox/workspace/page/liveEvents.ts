/**
 * Listens to the emulator's change stream (`GET /__sandbox/events`, server-sent events, through
 * the workspace proxy) and hands each change to the page. EventSource reconnects by itself.
 */
import type { EmulatorChange } from "../../emulator/types";

/** Subscribes; returns the unsubscribe function. Malformed events are skipped. */
export function subscribeChanges(onChange: (change: EmulatorChange) => void): () => void {
	const source = new EventSource("/__sandbox/events");
	const handle = (event: MessageEvent) => {
		let data: unknown;
		try {
			data = JSON.parse(String(event.data));
		} catch {
			return;
		}
		const change = (
			typeof data === "object" && data !== null && "change" in data ? data.change : data
		) as EmulatorChange;
		if (change && typeof change.type === "string") onChange(change);
	};
	source.addEventListener("message", handle);
	source.addEventListener("change", handle as EventListener);
	return () => source.close();
}
