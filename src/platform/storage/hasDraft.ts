/** Whether a draft is waiting, without reading it as any feature's shape. */
import { createDraftStore, type StorageLike } from "./createDraftStore";

/** True when `section` holds a stored draft for this agent and ticket. Never throws. */
export function hasDraft(
	storage: StorageLike | undefined,
	userId: number,
	ticketId: number | null,
	section: string,
): boolean {
	const store = createDraftStore(storage, userId, ticketId ?? undefined);
	return store.load(section, (value): value is unknown => value !== undefined) !== undefined;
}
