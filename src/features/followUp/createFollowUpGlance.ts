/**
 * What the Follow-up section needs before the agent reaches for the form: the ticket as the
 * follow-up feature sees it (its status decides between a follow-up and a linked ticket; its
 * `followup_ids` are listed), from the panel's shared ticket read, re-read when the ticket changes
 * elsewhere. It is the whole section's data on most panels; the full model (drafts, validation,
 * creation, jobs, uploads) is built only when the agent opens the form or has a draft, and starts
 * from this ticket instead of reading it again. Creates nothing, keeps no draft.
 */
import { computed, type ReadonlySignal } from "@preact/signals";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { FollowUpSource } from "./rules/followUpTypes";
import { draftWaiting, type DraftStore } from "../../platform/storage/createDraftStore";
import type { TicketStore } from "../../ticket/createTicketStore";
import { FOLLOW_UP_DRAFT_SECTION } from "../../shared/draftSections";

/** Dependencies of the glance. */
export interface FollowUpGlanceOptions {
	/** The open ticket (the glance shows its snapshot; the store follows its changes). */
	ticket: Pick<TicketStore, "snapshot" | "error" | "ready">;
	/** This agent's drafts on this ticket: only asked whether a follow-up draft is waiting. */
	drafts: Pick<DraftStore, "load">;
}

/** The ticket for the section, its load state, and the means to (re)load and stop. */
export interface FollowUpGlance {
	source: ReadonlySignal<FollowUpSource | null>;
	loadState: ReadonlySignal<"loading" | "ready" | "failed">;
	/** Why the last read failed (`null` after a success). A failed refresh keeps the ticket shown. */
	loadError: ReadonlySignal<ApiError | null>;
	/** Waits for the ticket's first read; never rejects for an ApiError. */
	load(): Promise<void>;
	/** Whether a follow-up draft is stored for this agent and ticket (its content is not checked here). */
	hasDraft(): boolean;
	/** Stops updating the section. */
	dispose(): void;
}

/** Creates the glance. Call `load()` once; `dispose()` when the section goes. */
export function createFollowUpGlance(options: FollowUpGlanceOptions): FollowUpGlance {
	const { ticket } = options;
	const source = computed<FollowUpSource | null>(() => ticket.snapshot.value?.ticket ?? null);
	const loadError = computed(() => ticket.error.value);
	// A ticket already shown stays: a failed refresh is not a failed section.
	const loadState = computed(() => (source.value !== null ? "ready" : loadError.value ? "failed" : "loading"));

	async function load(): Promise<void> {
		try {
			await ticket.ready();
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
		}
	}

	return {
		source,
		loadState,
		loadError,
		load,
		hasDraft() {
			return draftWaiting(options.drafts, FOLLOW_UP_DRAFT_SECTION);
		},
		dispose() {
			// Nothing to stop: the glance only reads the store, which the panel disposes.
		},
	};
}
