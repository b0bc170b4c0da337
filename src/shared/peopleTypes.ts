/** Domain types for the people on a ticket: email CCs, followers, and legacy collaborators. */
import type { Id, UserRole } from "./ticketTypes";

/** The account's people model: `tickets.follower_and_email_cc_collaborations`, only legacy `collaboration`, neither. */
export type PeopleMode = "ccsAndFollowers" | "collaborators" | "disabled";

/** The list a change applies to. In `collaborators` mode only `ccs` exists (it is the collaborators list). */
export type PeopleList = "ccs" | "followers";

/** Zendesk `role_type` of a light agent (0 custom, 1 light, 2 chat, 3 contributor, 4 admin, 5 billing admin). */
export const LIGHT_AGENT_ROLE_TYPE = 1;

/** A user as the people feature needs it. Not the full Zendesk user. */
export interface PersonUser {
	id: Id;
	name: string;
	/** Primary email; `null` when Zendesk did not send one (e.g. reduced user views). */
	email: string | null;
	role: UserRole;
	/** Zendesk `role_type`, `null` for end users and when unknown. */
	roleType: number | null;
	/** `false` for deleted users. */
	active: boolean;
	suspended: boolean;
	/** Profile photo, `https:` only, else `null`; absent where not read from Zendesk (placeholders, restored drafts). */
	photoUrl?: string | null;
}

/** Who a staged change is about: an existing user, or an email that is not (known to be) a user yet. */
export type PersonRef =
	| { kind: "user"; user: PersonUser }
	/** `email` as typed, normalized; `name`: the `user_name` of the user Zendesk creates (`null`: Zendesk derives it). */
	| { kind: "email"; email: string; name: string | null };

/** One addition or removal the agent has staged but not applied yet. */
export interface StagedChange {
	list: PeopleList;
	op: "add" | "remove";
	person: PersonRef;
}

/** The agent's staged changes, in the order they were made. */
export interface StagedPeople {
	changes: readonly StagedChange[];
}

/** The people on a ticket as last read from Zendesk. */
export interface CurrentPeople {
	mode: PeopleMode;
	ticketId: Id;
	requesterId: Id | null;
	/** The requester's email when known (sideloaded), so an email typed by the agent can be recognised as them. */
	requesterEmail: string | null;
	/** Email CCs (`email_cc_ids`), or the collaborators (`collaborator_ids`) in `collaborators` mode. */
	ccs: readonly PersonUser[];
	/** Followers (`follower_ids`); always empty in `collaborators` mode. */
	followers: readonly PersonUser[];
	/** The REST `updated_at` (ISO-8601), sent as `updated_stamp` in the safe update. */
	updatedAt: string;
}

/** Account settings and facts the validators need besides the ticket. */
export interface PeopleRules {
	/** `tickets.light_agent_email_ccs_allowed`: whether light agents may become email CCs. */
	lightAgentEmailCcsAllowed: boolean;
}

/** The people part of a ticket update, camelCase (converted to `email_ccs`, `followers`, ... at the API edge). */
export interface PeoplePatch {
	emailCcs?: PeoplePatchItem[];
	followers?: PeoplePatchItem[];
	/** Legacy, replaces the whole collaborators list (ids, emails or `{name, email}`). */
	collaborators?: CollaboratorItem[];
	/** Legacy, adds to the collaborators list and keeps the existing ones. */
	additionalCollaborators?: CollaboratorItem[];
}

/** One `email_ccs` / `followers` item: a user id or an email, and `put` or `delete`. */
export interface PeoplePatchItem {
	userId?: Id;
	userEmail?: string;
	/** Only for new email CCs: the name of the user Zendesk creates. */
	userName?: string;
	action: "put" | "delete";
}

/** One legacy collaborator: a user id, an email, or `{name, email}` (creates the user with that name). */
export type CollaboratorItem = Id | string | { name: string; email: string };
