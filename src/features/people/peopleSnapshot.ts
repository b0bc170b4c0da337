/**
 * Reading the people on a ticket: ONE request for the ticket with its users sideloaded (never one
 * per person), and, after a write, the people from the saved ticket with only the users we have
 * never seen (people Zendesk just created from an email) fetched in one `show_many`.
 */
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError } from "../../platform/api/errors";
import type { Ticket } from "../../platform/api/types";
import { buildCurrentPeople, type TicketPeopleFacts } from "./rules/peopleMode";
import type { CurrentPeople, Id, PeopleMode, PersonUser } from "../../shared/peopleTypes";

/** The API calls the people feature makes. */
export type PeopleApi = Pick<
	ZendeskApi,
	"getTicket" | "updateTicket" | "getAccountSettings" | "showManyUsers" | "searchUsers" | "autocompleteUsers"
>;

/** The ticket fields the people view needs. */
export function ticketFacts(ticket: Ticket): TicketPeopleFacts {
	return {
		id: ticket.id,
		requesterId: ticket.requesterId,
		emailCcIds: ticket.emailCcIds,
		followerIds: ticket.followerIds,
		collaboratorIds: ticket.collaboratorIds,
		updatedAt: ticket.updatedAt,
	};
}

/** `GET /api/v2/tickets/{id}.json?include=users` → the current people. Rejects with ApiError. */
export async function readPeople(api: PeopleApi, ticketId: Id, mode: PeopleMode): Promise<CurrentPeople> {
	const { ticket, users } = await api.getTicket(ticketId, { includeUsers: true });
	return buildCurrentPeople(mode, ticketFacts(ticket), users);
}

/**
 * The people of a ticket Zendesk returned from a write, built against `previous` (same mode, and the
 * requester's email kept when the requester did not change). Users come from `previous` and `known`
 * (e.g. the staged users); ids never seen are fetched with one `show_many`. If that read fails the
 * ids show as placeholders until the next refresh: the write succeeded, so this never rejects for it.
 */
export async function peopleAfterWrite(
	api: PeopleApi,
	ticket: Ticket,
	previous: CurrentPeople,
	known: readonly PersonUser[],
): Promise<CurrentPeople> {
	const facts = ticketFacts(ticket);
	const byId = new Map([...previous.ccs, ...previous.followers, ...known].map(user => [user.id, user]));
	const wanted = [...facts.emailCcIds, ...facts.followerIds, ...facts.collaboratorIds];
	const sameRequester = facts.requesterId === previous.requesterId;
	if (facts.requesterId !== null && !sameRequester) wanted.push(facts.requesterId);
	const missing = [...new Set(wanted)].filter(id => !byId.has(id));
	let fetched: PersonUser[] = [];
	if (missing.length > 0) {
		try {
			fetched = await api.showManyUsers(missing);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
		}
	}
	const people = buildCurrentPeople(previous.mode, facts, [...byId.values(), ...fetched]);
	return sameRequester ? { ...people, requesterEmail: previous.requesterEmail } : people;
}
