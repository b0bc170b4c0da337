/**
 * Whether the browser lets the app keep data: some refuse storage to a cross-site iframe (Chromium
 * with third-party cookies blocked, Safari, sandboxed iframes), either by throwing a `SecurityError`
 * on `window.localStorage` or by a storage whose `getItem` and `setItem` throw.
 */
import type { StorageLike } from "./createDraftStore";

/** The key written and removed again to find out; prefixed like every key of the app. */
export const PROBE_KEY = "zd-sidebar:probe";

/**
 * The storage `open()` returns if a value written to it reads back, else undefined (refused, missing
 * or full). Never throws; leaves nothing behind.
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
