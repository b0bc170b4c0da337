/**
 * The people of the ticket store's snapshot: the ticket's CC, follower and collaborator ids with
 * the users the store has met (sideloaded with the ticket, or met since). Never a request per person.
 */
import type { ZendeskApi } from "../../platform/api/client";
import type { TicketSnapshot } from "../../ticket/createTicketStore";
import { buildCurrentPeople } from "./rules/peopleMode";
import type { CurrentPeople, PeopleMode } from "../../shared/peopleTypes";

/** The API calls the people feature makes itself (the ticket comes from the store). */
export type PeopleApi = Pick<ZendeskApi, "getAccountSettings" | "searchUsers" | "autocompleteUsers">;

/** The current people of `snapshot` in `mode`. Pure. */
export function peopleOf(snapshot: TicketSnapshot, mode: PeopleMode): CurrentPeople {
	const { ticket } = snapshot;
	const facts = {
		id: ticket.id,
		requesterId: ticket.requesterId,
		emailCcIds: ticket.emailCcIds,
		followerIds: ticket.followerIds,
		collaboratorIds: ticket.collaboratorIds,
		updatedAt: ticket.updatedAt,
	};
	return buildCurrentPeople(mode, facts, snapshot.users);
}
