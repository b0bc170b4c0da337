/**
 * What the Follow-up section shows before the agent reaches for the form: the ticket as the
 * feature sees it (its status decides between a follow-up and a linked ticket; its `followup_ids`
 * are listed), from the panel's shared ticket read. The full model starts from this ticket instead
 * of reading it again. Creates nothing, keeps no draft.
 */
import { computed } from "@preact/signals";
import { isApiError } from "../../platform/api/errors";
import { draftWaiting, type DraftStore } from "../../platform/storage/createDraftStore";
import { FOLLOW_UP_DRAFT_SECTION } from "../../shared/draftSections";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { FollowUpSource } from "./rules/followUpDraft";

/** Creates the glance over the open ticket and this agent's drafts on it. Call `load()` once; `dispose()` when the section goes. */
export function createFollowUpGlance(options: {
	ticket: Pick<TicketStore, "snapshot" | "error" | "ready">;
	drafts: Pick<DraftStore, "load">;
}) {
	const { ticket } = options;
	const source = computed<FollowUpSource | null>(() => ticket.snapshot.value?.ticket ?? null);
	/** Why the last read failed (`null` after a success). */
	const loadError = computed(() => ticket.error.value);
	return {
		source,
		loadError,
		// A ticket already shown stays: a failed refresh is not a failed section.
		loadState: computed(() => (source.value !== null ? "ready" : loadError.value ? "failed" : "loading")),
		/** Waits for the ticket's first read; never rejects for an ApiError. */
		async load(): Promise<void> {
			await ticket.ready().catch((caught: unknown) => {
				if (!isApiError(caught)) throw caught;
			});
		},
		/** Whether a follow-up draft is stored for this agent and ticket (its content is not checked here). */
		hasDraft: () => draftWaiting(options.drafts, FOLLOW_UP_DRAFT_SECTION),
		/** Nothing to stop: the glance only reads the store, which the panel disposes. */
		dispose(): void {},
	};
}

/** The glance's shape. */
export type FollowUpGlance = ReturnType<typeof createFollowUpGlance>;
