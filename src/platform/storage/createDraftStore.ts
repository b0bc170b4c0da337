/** Drafts per agent and ticket, kept until saved or discarded; a broken or full storage leaves them in memory, never throws. */

/**
 * The features that keep a draft, one section each: a type, not constants, so a glance names its section without
 * loading its feature and a misspelt one does not compile.
 */
export type DraftSection = "followUp" | "people" | "fields" | "metadata" | "bulk";

/** Where a section keeps text typed in its pickers and not picked yet, next to its draft (`hasDraft` finds either). */
export const typedTextSection = (section: DraftSection) => `${section}.typed` as const;

/** A section's draft, or the text typed in its pickers. */
type DraftPlace = DraftSection | ReturnType<typeof typedTextSection>;

/** The subset of the Web Storage API we use. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** Bump when a stored draft shape changes incompatibly; old drafts are then ignored, not misread. */
const DRAFT_VERSION = 1;

/** Drafts of one agent on one ticket, by section. */
export interface DraftStore {
	/** The stored draft if it passes `isValid`, else undefined (a corrupt draft is removed). */
	load<T>(section: DraftPlace, isValid: (value: unknown) => value is T): T | undefined;
	save(section: DraftPlace, value: unknown): void;
	clear(section: DraftPlace): void;
}

/** Where a draft lives. */
export function draftKey(userId: number, ticketId: number | undefined, section: DraftPlace): string {
	return `zd-sidebar:draft:v${DRAFT_VERSION}:${userId}:${ticketId ?? "none"}:${section}`;
}

/** Creates the draft store for one agent and ticket. */
export function createDraftStore(
	storage: StorageLike | undefined,
	userId: number,
	ticketId: number | undefined,
): DraftStore {
	const memory = new Map<string, string>();
	const key = (section: DraftPlace) => draftKey(userId, ticketId, section);
	const read = (k: string): string | null => {
		try {
			return storage?.getItem(k) ?? memory.get(k) ?? null;
		} catch {
			return memory.get(k) ?? null;
		}
	};
	return {
		load(section, isValid) {
			const raw = read(key(section));
			if (raw === null) return undefined;
			try {
				const value: unknown = JSON.parse(raw);
				if (isValid(value)) return value;
			} catch {
				// fall through: corrupt JSON is treated like an invalid draft
			}
			this.clear(section);
			return undefined;
		},
		save(section, value) {
			const raw = JSON.stringify(value);
			memory.set(key(section), raw);
			try {
				storage?.setItem(key(section), raw);
			} catch {
				// quota exceeded or storage disabled: the in-memory copy still holds the draft
			}
		},
		clear(section) {
			memory.delete(key(section));
			try {
				storage?.removeItem(key(section));
			} catch {
				// nothing else to do
			}
		},
	};
}

/** A Map-backed StorageLike with real state, for tests and for hosts without localStorage. */
export function createMemoryStorage(): StorageLike & { readonly size: number } {
	const map = new Map<string, string>();
	return {
		getItem: k => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: k => void map.delete(k),
		get size() {
			return map.size;
		},
	};
}

/** True when `drafts` holds a draft for `section`, or text typed in one of its pickers. Never throws. */
export function draftWaiting(drafts: Pick<DraftStore, "load">, section: DraftSection): boolean {
	const stored = (where: DraftPlace) =>
		drafts.load(where, (value): value is unknown => value !== undefined) !== undefined;
	return stored(section) || stored(typedTextSection(section));
}

/** `draftWaiting` for this agent and ticket in `storage`, without reading it as any feature's shape. */
export function hasDraft(
	storage: StorageLike | undefined,
	userId: number,
	ticketId: number | null,
	section: DraftSection,
): boolean {
	return draftWaiting(createDraftStore(storage, userId, ticketId ?? undefined), section);
}
