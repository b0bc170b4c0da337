/**
 * What the Follow-up section needs before the agent reaches for the form: the ticket as the
 * follow-up feature sees it (its status decides between a follow-up and a linked ticket; its
 * `followup_ids` are listed), from the panel's shared ticket read, re-read when the ticket changes
 * elsewhere. It is the whole section's data on most panels; the full model (drafts, validation,
 * creation, jobs, uploads) is built only when the agent opens the form or has a draft, and starts
 * from this ticket instead of reading it again. Creates nothing, keeps no draft.
 */
import { batch, signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { FollowUpSource, Id } from "./rules/followUpTypes";
import type { ZafPort } from "../../platform/zaf/port";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import { watchTicketChanges } from "../../ticket/watchTicketChanges";

/** The follow-up feature's section name in the draft store. */
export const FOLLOW_UP_DRAFT_SECTION = "followUp";

/** Dependencies of the glance. */
export interface FollowUpGlanceOptions {
	api: Pick<ZendeskApi, "getTicket">;
	zaf: Pick<ZafPort, "on">;
	ticketId: Id;
	/** This agent's drafts on this ticket: only asked whether a follow-up draft is waiting. */
	drafts: Pick<DraftStore, "load">;
}

/** The ticket for the section, its load state, and the means to (re)load and stop. */
export interface FollowUpGlance {
	source: ReadonlySignal<FollowUpSource | null>;
	loadState: ReadonlySignal<"loading" | "ready" | "failed">;
	/** Why the last read failed (`null` after a success). A failed refresh keeps the ticket shown. */
	loadError: ReadonlySignal<ApiError | null>;
	/** Reads the ticket; never rejects for an ApiError. Starts following the ticket's changes. */
	load(): Promise<void>;
	/** Whether a follow-up draft is stored for this agent and ticket (its content is not checked here). */
	hasDraft(): boolean;
	/** Stops following the ticket's changes. */
	dispose(): void;
}

/** Creates the glance. Call `load()` once; `dispose()` when the section goes. */
export function createFollowUpGlance(options: FollowUpGlanceOptions): FollowUpGlance {
	const source = signal<FollowUpSource | null>(null);
	const loadState = signal<"loading" | "ready" | "failed">("loading");
	const loadError = signal<ApiError | null>(null);
	let watch: { stop(): void } | undefined;
	let disposed = false;

	async function load(): Promise<void> {
		if (source.value === null) loadState.value = "loading";
		try {
			const { ticket } = await options.api.getTicket(options.ticketId);
			if (disposed) return;
			batch(() => {
				source.value = ticket;
				loadError.value = null;
				loadState.value = "ready";
			});
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (disposed) return;
			batch(() => {
				loadError.value = caught;
				// A ticket already shown stays: a failed refresh is not a failed section.
				if (source.value === null) loadState.value = "failed";
			});
		}
	}

	return {
		source,
		loadState,
		loadError,
		load() {
			watch ??= watchTicketChanges(options.zaf, signal(false), () => void load());
			return load();
		},
		hasDraft() {
			return (
				options.drafts.load(FOLLOW_UP_DRAFT_SECTION, (value): value is unknown => value !== undefined) !== undefined
			);
		},
		dispose() {
			disposed = true;
			watch?.stop();
		},
	};
}
