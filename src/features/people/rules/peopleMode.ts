/**
 * The people view of a ticket, all the glance needs: which mode the account uses, the current
 * lists from a ticket's id arrays plus the users sideloaded with it, and the lists' titles. Pure;
 * it never fetches a missing user.
 */
import type { CurrentPeople, PeopleList, PeopleMode, PeopleRules, PersonUser } from "../../../shared/peopleTypes";
import type { Id } from "../../../shared/ticketTypes";
import type { TicketLockReason } from "../../../shared/ticketPermissions";

/** The account settings (`GET /api/v2/account/settings`, `settings.tickets.*`) that decide the mode. */
export interface PeopleAccountSettings {
	/** `follower_and_email_cc_collaborations`: the "CCs and followers" experience. */
	followerAndEmailCcCollaborations?: boolean;
	/** `collaboration`: legacy CCs (collaborators). */
	collaboration?: boolean;
	/** `light_agent_email_ccs_allowed`. */
	lightAgentEmailCcsAllowed?: boolean;
}

/**
 * `disabled` when CCs are off (`collaboration: false`), else `ccsAndFollowers` when the
 * CCs-and-followers experience is on, else `collaborators`. Same reading as the emulator
 * (`sandbox/emulator/services/collaboratorRules.ts` `collaborationMode`). Missing `collaboration` counts as on.
 */
export function choosePeopleMode(settings: PeopleAccountSettings): PeopleMode {
	if (settings.collaboration === false) return "disabled";
	if (settings.followerAndEmailCcCollaborations === true) return "ccsAndFollowers";
	return "collaborators";
}

/** The validation rules implied by the settings. Unknown = the stricter choice. */
export function peopleRules(settings: PeopleAccountSettings): PeopleRules {
	return { lightAgentEmailCcsAllowed: settings.lightAgentEmailCcsAllowed === true };
}

/** The ticket facts the people view is built from (camelCase mirror of the REST ticket). */
export interface TicketPeopleFacts {
	id: Id;
	requesterId: Id | null;
	emailCcIds: readonly Id[];
	followerIds: readonly Id[];
	collaboratorIds: readonly Id[];
	updatedAt: string;
}

/**
 * The current people: email CCs and followers (or the collaborators in the other modes), each
 * resolved against `users`. An id with no user (deleted, or not sideloaded) becomes a placeholder
 * named `#<id>` rather than disappearing, so it can still be removed.
 */
export function buildCurrentPeople(
	mode: PeopleMode,
	ticket: TicketPeopleFacts,
	users: readonly PersonUser[],
): CurrentPeople {
	const byId = new Map(users.map(user => [user.id, user]));
	const resolve = (ids: readonly Id[]): PersonUser[] => [...new Set(ids)].map(id => byId.get(id) ?? placeholder(id));
	const requester = ticket.requesterId === null ? undefined : byId.get(ticket.requesterId);
	return {
		mode,
		ticketId: ticket.id,
		requesterId: ticket.requesterId,
		requesterEmail: requester?.email ?? null,
		// Disabled: the legacy list is still shown (read-only), so the agent sees who gets emails.
		ccs: resolve(mode === "ccsAndFollowers" ? ticket.emailCcIds : ticket.collaboratorIds),
		followers: mode === "ccsAndFollowers" ? resolve(ticket.followerIds) : [],
		updatedAt: ticket.updatedAt,
	};
}

/** The current people of a ticket store snapshot in `mode`. */
export function peopleOf(snapshot: { ticket: TicketPeopleFacts; users: readonly PersonUser[] }, mode: PeopleMode) {
	return buildCurrentPeople(mode, snapshot.ticket, snapshot.users);
}

function placeholder(id: Id): PersonUser {
	return { id, name: `#${id}`, email: null, role: "end-user", roleType: null, active: false, suspended: false };
}

/** The translation key of each list's title, per mode. */
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
