/**
 * CCs, followers and legacy collaborators on a ticket being created or updated. Sources:
 * seed-creating-and-updating-tickets.md "Setting collaborators/followers/email CCs" [V GUIDE] and
 * zendesk-ticket-api.md §4.4, §5.4, §5.5. Knows no HTTP.
 */
import { findUser, findUserByEmail, type Db } from "../db/db";
import type { TicketRecord, UserRecord } from "../db/records";
import { fail, isObject, isStaff, ok, type Result, type ServiceContext } from "./serviceTypes";
import { findOrCreateEndUser, isEmail } from "./userService";

/** "A ticket can only have 48 email CCs" [V GUIDE, HC-CC]. */
export const MAX_EMAIL_CCS = 48;

/** How the account handles CCs: the CCs-and-followers experience, legacy collaborators, or no CCs at all. */
export type CollaborationMode = "ccs_and_followers" | "legacy" | "off";

/** Reads the mode from the account settings (`tickets.collaboration`, `tickets.follower_and_email_cc_collaborations`). */
export function collaborationMode(db: Db): CollaborationMode {
	const t = db.account.settings.tickets;
	if (!t.collaboration) return "off";
	return t.follower_and_email_cc_collaborations ? "ccs_and_followers" : "legacy";
}

/** What the ticket reports as `collaborator_ids`: CCs ∪ followers (sandbox decision), or the legacy list. */
export function collaboratorIdsOf(db: Db, ticket: TicketRecord): number[] {
	if (collaborationMode(db) !== "ccs_and_followers") return [...ticket.collaborator_ids];
	return [...new Set([...ticket.email_cc_ids, ...ticket.follower_ids])];
}

const toId = (value: unknown): number | undefined => {
	const id = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
	return typeof id === "number" && Number.isInteger(id) ? id : undefined;
};

/** Resolves a `collaborators` item (id, email, or `{name, email}`), creating users for unknown emails. */
function resolveCollaborator(ctx: ServiceContext, item: unknown): UserRecord | undefined {
	const id = toId(item);
	if (id !== undefined) return findUser(ctx.db, id);
	if (isEmail(item)) return findOrCreateEndUser(ctx, item);
	if (isObject(item)) {
		if (isEmail(item.email)) return findOrCreateEndUser(ctx, item.email, item.name);
		const objectId = toId(item.id);
		if (objectId !== undefined) return findUser(ctx.db, objectId);
	}
	return undefined;
}

const add = (list: number[], id: number): number[] => (list.includes(id) ? list : [...list, id]);
const remove = (list: number[], id: number): number[] => list.filter(x => x !== id);

/** Options for applyCollaborators. */
export interface CollaboratorOptions {
	mode: "create" | "update";
	/** True when the same request adds an internal note (`comment.public === false`). */
	internalNote: boolean;
}

/**
 * Applies `collaborator_ids`, `collaborators`, `additional_collaborators`, `email_cc_ids`,
 * `follower_ids`, `email_ccs` and `followers` from `input` to `ticket`. Fails only for more than
 * 48 `email_ccs` entries in one request (400 [V GUIDE]); everything else is silently skipped the
 * way the guide describes (unknown users ignored, `delete` of an unknown email creates nobody).
 */
export function applyCollaborators(
	ctx: ServiceContext,
	ticket: TicketRecord,
	input: Record<string, unknown>,
	options: CollaboratorOptions,
): Result<void> {
	const mode = collaborationMode(ctx.db);
	if (mode === "off") return ok(undefined);
	const replaceList = input.collaborators ?? input.collaborator_ids;
	const resolveAll = (raw: unknown) =>
		Array.isArray(raw) ? raw.flatMap(item => resolveCollaborator(ctx, item) ?? []) : [];

	if (mode === "legacy") {
		// Legacy CCs: `email_ccs`/`followers` are "ignored unless CCs and followers is enabled" [V].
		if (replaceList !== undefined) ticket.collaborator_ids = [...new Set(resolveAll(replaceList).map(u => u.id))];
		for (const user of resolveAll(input.additional_collaborators))
			ticket.collaborator_ids = add(ticket.collaborator_ids, user.id);
		ticket.collaborator_ids = ticket.collaborator_ids.filter(id => id !== ticket.requester_id).slice(0, MAX_EMAIL_CCS);
		return ok(undefined);
	}

	// CCs and followers: collaborators "make end users CCs and agents followers" [V GUIDE].
	const place = (user: UserRecord) => {
		if (isStaff(user)) ticket.follower_ids = add(ticket.follower_ids, user.id);
		else ticket.email_cc_ids = add(ticket.email_cc_ids, user.id);
	};
	if (replaceList !== undefined) {
		ticket.email_cc_ids = [];
		ticket.follower_ids = [];
		resolveAll(replaceList).forEach(place);
	}
	resolveAll(input.additional_collaborators).forEach(place);
	if (options.mode === "create") {
		if (Array.isArray(input.email_cc_ids))
			input.email_cc_ids.forEach(raw => {
				const user = findUser(ctx.db, toId(raw) ?? -1);
				if (user) ticket.email_cc_ids = add(ticket.email_cc_ids, user.id);
			});
		if (Array.isArray(input.follower_ids))
			input.follower_ids.forEach(raw => {
				const user = findUser(ctx.db, toId(raw) ?? -1);
				if (user && isStaff(user)) ticket.follower_ids = add(ticket.follower_ids, user.id);
			});
	}

	if (Array.isArray(input.email_ccs)) {
		// Sandbox decision: the 48 rule counts the request's entries; the body is Zendesk-shaped (§17 q2 [U]).
		if (input.email_ccs.length > MAX_EMAIL_CCS) {
			return fail({
				kind: "bad_request",
				error: "TooManyValues",
				description: `Email CCs: cannot exceed ${MAX_EMAIL_CCS} per request`,
			});
		}
		// "Email CCs will not be updated if an internal note is also added" [V GUIDE]: no users created either.
		if (!options.internalNote) applyEmailCcs(ctx, ticket, input.email_ccs);
	}
	if (Array.isArray(input.followers)) applyFollowers(ctx.db, ticket, input.followers);

	// Existing CCs stay first, new ones follow in request order; the rest is dropped silently [V GUIDE].
	ticket.email_cc_ids = ticket.email_cc_ids.filter(id => id !== ticket.requester_id).slice(0, MAX_EMAIL_CCS);
	ticket.collaborator_ids = [...new Set([...ticket.email_cc_ids, ...ticket.follower_ids])];
	return ok(undefined);
}

function actionOf(item: Record<string, unknown>): "put" | "delete" | undefined {
	if (item.action === undefined || item.action === null) return "put";
	return item.action === "put" || item.action === "delete" ? item.action : undefined;
}

function applyEmailCcs(ctx: ServiceContext, ticket: TicketRecord, items: unknown[]): void {
	for (const item of items) {
		if (!isObject(item)) continue;
		const action = actionOf(item);
		if (!action) continue;
		let user: UserRecord | undefined;
		const id = toId(item.user_id);
		if (id !== undefined) user = findUser(ctx.db, id);
		else if (isEmail(item.user_email)) {
			user = findUserByEmail(ctx.db, item.user_email);
			// An unknown email with `put` creates the user; with `delete` it creates nobody [V GUIDE].
			if (!user && action === "put") user = findOrCreateEndUser(ctx, item.user_email, item.user_name);
		}
		if (!user) continue;
		ticket.email_cc_ids = action === "put" ? add(ticket.email_cc_ids, user.id) : remove(ticket.email_cc_ids, user.id);
	}
}

function applyFollowers(db: Db, ticket: TicketRecord, items: unknown[]): void {
	for (const item of items) {
		if (!isObject(item)) continue;
		const action = actionOf(item);
		if (!action) continue;
		// Sandbox decision: with both keys, `user_id` wins. Unknown users are ignored [V GUIDE].
		const id = toId(item.user_id);
		const user =
			id !== undefined
				? findUser(db, id)
				: typeof item.user_email === "string"
					? findUserByEmail(db, item.user_email)
					: undefined;
		// Followers must be agents (§5.5 [V]); end users are ignored like unknown users (sandbox decision, §17 q10).
		if (!user || !isStaff(user)) continue;
		ticket.follower_ids = action === "put" ? add(ticket.follower_ids, user.id) : remove(ticket.follower_ids, user.id);
	}
}
