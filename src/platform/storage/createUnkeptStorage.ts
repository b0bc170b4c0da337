/**
 * Where drafts go when the browser refuses the app local storage: memory shared by the panel's
 * sections, gone when the panel reloads. It says when it first holds a draft, so the panel can warn.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { PanelStorage } from "../context";
import { createMemoryStorage, type StorageLike } from "./createDraftStore";

/** A memory storage for drafts that cannot outlive the panel. */
export interface UnkeptStorage extends StorageLike {
	/** True from the first draft written on (it stays true when the draft is saved or discarded). */
	readonly hadDraft: ReadonlySignal<boolean>;
}

/** Creates an empty unkept storage. */
export function createUnkeptStorage(): UnkeptStorage {
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
