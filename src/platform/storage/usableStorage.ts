/**
 * Which storage the panel keeps data in. Some browsers refuse it to a cross-site iframe (a `SecurityError`
 * on `window.localStorage`, or a storage that throws); drafts then go to memory, and the panel warns.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { PanelStorage } from "../context";
import { createMemoryStorage, type StorageLike } from "./createDraftStore";

/** The key written and removed again to find out; prefixed like every key of the app. */
export const PROBE_KEY = "zd-sidebar:probe";

/** The storage `open()` returns (`() => window.localStorage`) if a value written to it reads back, else undefined. Never throws. */
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
