/**
 * The panel's "a read is waiting to be retried" state (from `withReadRetries`, built in `mount`),
 * handed down through context so the status line can show it next to the write lane's state.
 * Holds no logic: `withReadRetries` decides, `WriterStatus` shows.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ReadonlySignal } from "@preact/signals";
import type { ReadWait } from "./withReadRetries";

export const ReadWaitCtx = createContext<ReadonlySignal<ReadWait | null> | null>(null);

/** The read-wait signal, or null outside the provider (component tests); never throws. */
export function useReadWait(): ReadonlySignal<ReadWait | null> | null {
	return useContext(ReadWaitCtx);
}
