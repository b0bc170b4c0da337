/**
 * Whether the browser lets the app keep data: some refuse storage to a cross-site iframe (Chrome
 * and Chromium with third-party cookies blocked, Safari, sandboxed iframes). A refusal shows either
 * as reading `window.localStorage` throwing a `SecurityError`, or as a storage whose `getItem` and
 * `setItem` throw. Only `main.tsx` hands the browser's storages in.
 */
import type { StorageLike } from "./createDraftStore";

/** The key written and removed again to find out; prefixed like every key of the app. */
export const PROBE_KEY = "zd-sidebar:probe";

/**
 * The storage `open()` returns if a value written to it reads back, else undefined. Never throws:
 * a refused, missing or full storage is undefined. Leaves nothing behind.
 *
 * @example
 *   const local = usableStorage(() => window.localStorage);
 */
export function usableStorage(open: () => StorageLike | null | undefined): StorageLike | undefined {
	try {
		const storage = open();
		if (!storage) return undefined;
		storage.setItem(PROBE_KEY, "1");
		const readBack = storage.getItem(PROBE_KEY);
		storage.removeItem(PROBE_KEY);
		return readBack === "1" ? storage : undefined;
	} catch {
		return undefined;
	}
}
