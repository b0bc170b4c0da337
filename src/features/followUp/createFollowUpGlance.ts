/**
 * What the Follow-up section shows before the form: the ticket as the feature sees it (its status
 * decides follow-up or linked ticket; its `followup_ids` are listed), from the panel's shared read,
 * which the full model then starts from. Creates nothing, keeps no draft, owns nothing to dispose.
 */
import { computed } from "@preact/signals";
import { isApiError } from "../../platform/api/errors";
import { draftWaiting, type DraftStore } from "../../platform/storage/createDraftStore";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { FollowUpSource } from "./rules/followUpDraft";

/** Creates the glance over the open ticket and this agent's drafts on it. Call `load()` once. */
export function createFollowUpGlance(options: {
	ticket: Pick<TicketStore, "snapshot" | "error" | "ready">;
	drafts: Pick<DraftStore, "load">;
}) {
	const { ticket } = options;
	return {
		source: computed<FollowUpSource | null>(() => ticket.snapshot.value?.ticket ?? null),
		/** Why the last read failed (`null` after a success). */
		loadError: ticket.error,
		/** Waits for the ticket's first read; never rejects for an ApiError. */
		async load(): Promise<void> {
			await ticket.ready().catch((caught: unknown) => {
				if (!isApiError(caught)) throw caught;
			});
		},
		/** Whether a follow-up draft is stored for this agent and ticket (its content is not checked here). */
		hasDraft: () => draftWaiting(options.drafts, "followUp"),
	};
}

/** The glance's shape. */
export type FollowUpGlance = ReturnType<typeof createFollowUpGlance>;
