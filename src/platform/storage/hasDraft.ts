/** Whether a draft is waiting, without reading it as any feature's shape. */
import { typedTextSection } from "../../shared/draftSections";
import { createDraftStore, type StorageLike } from "./createDraftStore";

/** True when `section` holds a stored draft (or a picker's typed text) for this agent and ticket. Never throws. */
export function hasDraft(
	storage: StorageLike | undefined,
	userId: number,
	ticketId: number | null,
	section: string,
): boolean {
	const store = createDraftStore(storage, userId, ticketId ?? undefined);
	const stored = (where: string) => store.load(where, (value): value is unknown => value !== undefined) !== undefined;
	return stored(section) || stored(typedTextSection(section));
}
