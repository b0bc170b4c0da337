/** A ticket's people as the glance needs them: the mode, the lists (ids + sideloaded users; nothing fetched), titles. */
import type { CurrentPeople, PeopleList, PeopleMode, PeopleRules, PersonUser } from "../../../shared/peopleTypes";
import type { Id } from "../../../shared/ticketTypes";
import type { TicketLockReason } from "../../../shared/ticketPermissions";

/** The `settings.tickets.*` (`GET /api/v2/account/settings`) that decide the mode; `collaboration`: legacy CCs. */
export interface PeopleAccountSettings {
	followerAndEmailCcCollaborations?: boolean;
	collaboration?: boolean;
	lightAgentEmailCcsAllowed?: boolean;
}

/**
 * `disabled` when `collaboration` is false (missing counts as on), else `ccsAndFollowers` when that experience is on,
 * else `collaborators`; as the emulator reads it (`sandbox/emulator/services/collaboratorRules.ts`).
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
 * The snapshot's email CCs and followers (or collaborators in the other modes) in `mode`, resolved against its users;
 * an id with no user (deleted, not sideloaded) is a placeholder `#<id>`, so it can still be removed.
 */
export function peopleOf(
	{ ticket, users }: { ticket: TicketPeopleFacts; users: readonly PersonUser[] },
	mode: PeopleMode,
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

function placeholder(id: Id): PersonUser {
	return { id, name: `#${id}`, email: null, role: "end-user", roleType: null, active: false, suspended: false };
}

/** The lists of a mode: followers exist only with CCs and followers. */
export const listsOf = (mode: PeopleMode): PeopleList[] =>
	mode === "ccsAndFollowers" ? ["ccs", "followers"] : ["ccs"];

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
