/** What the follow-up model is built from (the section passes them; tests inject time and randomness). */
import type { ZendeskApi } from "../../platform/api/client";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { ZafPort } from "../../platform/zaf/port";
import type { RandomBytes } from "../../shared/idempotencyKey";
import type { PollSchedule } from "../../shared/jobPolling";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { FollowUpLocale } from "./followUpState";
import type { Id } from "./rules/followUpTypes";

/** Dependencies and knobs. Everything time- or randomness-related is injectable for tests. */
export interface FollowUpModelOptions {
	api: Pick<
		ZendeskApi,
		| "createTicket"
		| "getJobStatus"
		| "showManyUsers"
		| "searchUsers"
		| "autocompleteUsers"
		| "uploadText"
		| "deleteUpload"
		| "listTicketFields"
	>;
	/** Opens a created ticket in the workspace (`routeTo`). */
	zaf: Pick<ZafPort, "invoke">;
	/** The source ticket: its snapshot, followed while the model lives. */
	ticket: Pick<TicketStore, "ticketId" | "snapshot" | "ready" | "refresh">;
	/** This agent's drafts on this ticket (section `followUp`). */
	drafts: DraftStore;
	/** The note a linked (non-follow-up) ticket's first comment ends with, already translated. */
	linkedNote(sourceId: Id): string;
	/** Default of "create in the background" (the installation's `asyncFollowUps` setting). */
	defaultAsync?: boolean;
	/** The account's languages, asked for when the draft first has a new requester; without them only the account default is offered. */
	listLocales?(): Promise<FollowUpLocale[]>;
	now?(): number;
	sleep?(ms: number): Promise<void>;
	random?(): number;
	randomBytes?: RandomBytes;
	schedule?: PollSchedule;
	newId?(): string;
	searchDebounceMs?: number;
}
