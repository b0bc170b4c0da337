/** Whether a draft is waiting, without reading it as any feature's shape. */
import { typedTextSection } from "../../shared/draftSections";
import { createDraftStore, type DraftStore, type StorageLike } from "./createDraftStore";

/** True when `drafts` holds a draft for `section`, or text typed in one of its pickers. Never throws. */
export function draftWaiting(drafts: Pick<DraftStore, "load">, section: string): boolean {
	const stored = (where: string) => drafts.load(where, (value): value is unknown => value !== undefined) !== undefined;
	return stored(section) || stored(typedTextSection(section));
}

/** `draftWaiting` for this agent and ticket in `storage`. */
export function hasDraft(
	storage: StorageLike | undefined,
	userId: number,
	ticketId: number | null,
	section: string,
): boolean {
	return draftWaiting(createDraftStore(storage, userId, ticketId ?? undefined), section);
}
