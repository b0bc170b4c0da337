/**
 * Which storage the panel keeps data in. Some browsers refuse storage to a cross-site iframe
 * (Chromium with third-party cookies blocked, Safari, sandboxed iframes), either by throwing a
 * `SecurityError` on `window.localStorage` or by a storage whose `getItem` and `setItem` throw;
 * drafts then go to memory shared by the panel's sections, and the panel warns once it holds one.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { PanelStorage } from "../context";
import { createMemoryStorage, type StorageLike } from "./createDraftStore";

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

/** A memory storage for drafts that cannot outlive the panel; `hadDraft` turns true with the first draft written, and stays. */
export function createUnkeptStorage(): StorageLike & { readonly hadDraft: ReadonlySignal<boolean> } {
	const memory = createMemoryStorage();
	const hadDraft = signal(false);
	return {
		getItem: key => memory.getItem(key),
		setItem(key, value) {
			memory.setItem(key, value);
			hadDraft.value = true;
		},
		removeItem: key => memory.removeItem(key),
		hadDraft,
	};
}

/** The storages as the panel uses them: without a `local`, drafts go to an unkept storage, announced as `unkeptDrafts`. */
export function withUnkeptDrafts(storage: PanelStorage): PanelStorage & { local: StorageLike } {
	if (storage.local) return { ...storage, local: storage.local };
	const local = createUnkeptStorage();
	return { ...storage, local, unkeptDrafts: local.hadDraft };
}
