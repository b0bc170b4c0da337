/** Translation keys of the people lists' titles and empty states, per mode and list (total). */
import type { PeopleList, PeopleMode } from "../../shared/peopleTypes";
import type { TicketLockReason } from "../../shared/ticketPermissions";

/** The title of each list, per mode. */
export const TITLE_KEYS: Record<PeopleMode, Record<PeopleList, string>> = {
	ccsAndFollowers: { ccs: "people.ccs.title", followers: "people.followers.title" },
	collaborators: { ccs: "people.collaborators.title", followers: "people.followers.title" },
	disabled: { ccs: "people.collaborators.title", followers: "people.followers.title" },
};

/** What an empty list says. */
export const EMPTY_KEYS: Record<PeopleList, string> = { ccs: "people.ccs.empty", followers: "people.followers.empty" };

/** Why the lists are read-only. */
export const LOCKED_KEYS: Record<TicketLockReason, string> = {
	closed: "people.locked.closed",
	lightAgent: "people.locked.lightAgent",
};
