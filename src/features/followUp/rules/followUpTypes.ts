/**
 * Domain types for the follow-up feature (camelCase, pure data). The source ticket is reduced to
 * what the feature reads; the model fills it from the API's normalized ticket.
 */
import type { CustomFieldValue, Id, TicketPriority, TicketStatus, TicketType } from "../../../shared/ticketTypes";

/** The shared ticket vocabulary (`ticketTypes.ts`). In a draft, `""` for a priority or type means "not set". */
export type { CustomFieldValue, Id, TicketPriority, TicketStatus, TicketType };

/** All priorities, in the order the form offers them. */
export const TICKET_PRIORITIES: readonly TicketPriority[] = ["low", "normal", "high", "urgent"];

/** All ticket types, in the order the form offers them. */
export const TICKET_TYPES: readonly TicketType[] = ["question", "incident", "problem", "task"];

/** What the follow-up feature needs from the ticket it starts from. Not the full Zendesk ticket. */
export interface FollowUpSource {
	id: Id;
	status: TicketStatus;
	subject: string;
	requesterId: Id | null;
	groupId: Id | null;
	assigneeId: Id | null;
	tags: string[];
	emailCcIds: Id[];
	followerIds: Id[];
	customFields: Array<{ id: Id; value: CustomFieldValue }>;
	/** Ids of follow-ups created from this ticket (Zendesk shows them only once it is closed). */
	followupIds: Id[];
}

/**
 * How the new ticket relates to its source: a real Zendesk follow-up (`via_followup_source_id`,
 * closed sources only) or a normal ticket whose first comment references the source.
 */
export type FollowUpMode = "followUp" | "linked";

/** `followUp` only for closed sources: Zendesk ignores `via_followup_source_id` for any other status (GUIDE). */
export function followUpModeFor(status: TicketStatus): FollowUpMode {
	return status === "closed" ? "followUp" : "linked";
}
