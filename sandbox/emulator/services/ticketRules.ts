/**
 * Rules shared by ticket create and update: metadata size, solve rules, safe-update stamps, the
 * light-agent whitelist, and the blank ticket / stored comment records. Knows no HTTP.
 */
import { parseStampSeconds } from "../db/clock";
import type { CommentDraft } from "./commentRules";
import { requiredOnSolveIssues } from "./customFieldRules";
import { nextId } from "../db/db";
import type { AuditRecord, CommentRecord, TicketRecord, UserRecord, Via } from "../db/records";
import {
	fail,
	invalid,
	isLightAgent,
	isObject,
	isStaff,
	type Issue,
	type RequestInfo,
	type Result,
	type ServiceContext,
} from "./serviceTypes";
import type { EventDraft } from "./ticketChanges";
import { READ_ONLY_KEYS } from "./ticketInput";

/** "Up to 1 kilobyte of custom metadata" [V GUIDE]; sandbox reading: 1024 bytes of its UTF-8 JSON. */
export const MAX_METADATA_BYTES = 1024;

/** The 409 text (GUIDE "Checking if the ticket was not updated" [V]). */
export const UPDATE_CONFLICT_DESCRIPTION =
	"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.";

/** A ticket write's outcome; `audit` is absent for a no-op update. */
export interface TicketWrite {
	ticket: TicketRecord;
	audit?: AuditRecord;
}

/** Options shared by create and update. */
export interface WriteOptions {
	request?: RequestInfo;
	/** Async creates: the id handed out with the 202. */
	reservedId?: number;
	/** The "change as another agent" control: the new `updated_at` is strictly later than the old one. */
	forceNewer?: boolean;
	/** update_many: safe updates are always on; without a stamp, the queue time is the stamp (§6.2 [V]). */
	queuedAtMs?: number;
	/**
	 * Honour `additional_tags` / `remove_tags`: update_many and the `/tags` routes do (§5.7 [V]);
	 * a single ticket PUT ignores them, because "the new tags replace any existing tags" there
	 * ("Adding tags to tickets without overwriting existing tags" [V]; huddledigital/zendesk-laravel#20 [F]).
	 */
	tagDeltas?: boolean;
}

/** The metadata issue, if any: not an object, or over 1 KB (§5.6; the 422 is a sandbox choice [U]). */
export function metadataIssue(metadata: unknown): Issue | undefined {
	if (metadata === undefined || metadata === null) return undefined;
	if (!isObject(metadata))
		return { field: "metadata", description: "Metadata: must be an object", error: "InvalidValue" };
	if (Buffer.byteLength(JSON.stringify(metadata), "utf8") > MAX_METADATA_BYTES) {
		return {
			field: "metadata",
			description: `Metadata: is too large (maximum is ${MAX_METADATA_BYTES} bytes)`,
			error: "TooLong",
		};
	}
	return undefined;
}

/** A fresh ticket record with Zendesk defaults (status new, requester and submitter = the caller). */
export function blankTicket(id: number, stamp: string, actor: UserRecord): TicketRecord {
	return {
		id,
		external_id: null,
		via: { channel: "api", source: { from: {}, to: {}, rel: null } },
		created_at: stamp,
		updated_at: stamp,
		generated_timestamp: Math.floor(Date.parse(stamp) / 1000),
		type: null,
		subject: "",
		raw_subject: "",
		description: "",
		priority: null,
		status: "new",
		recipient: null,
		requester_id: actor.id,
		submitter_id: actor.id,
		assignee_id: null,
		organization_id: null,
		group_id: null,
		collaborator_ids: [],
		email_cc_ids: [],
		follower_ids: [],
		followup_ids: [],
		followup_source_id: null,
		problem_id: null,
		has_incidents: false,
		is_public: true,
		due_at: null,
		tags: [],
		field_values: {},
		satisfaction_rating: null,
		sharing_agreement_ids: [],
		ticket_form_id: null,
		brand_id: null,
		custom_status_id: null,
	};
}

/** Solve rules (§14 [V HC-RULES]): auto-assign the solver when the account says so; required fields (§7.1). */
export function solveIssues(ctx: ServiceContext, draft: TicketRecord, actor: UserRecord): Issue[] {
	if (draft.assignee_id === null) {
		if (ctx.db.account.settings.tickets.assign_tickets_upon_solve && isStaff(actor) && !isLightAgent(actor))
			draft.assignee_id = actor.id;
		else
			return [{ field: "assignee", description: "Assignee: is required when solving a ticket", error: "BlankValue" }];
	}
	return requiredOnSolveIssues(ctx.db, draft);
}

/** Stores a comment and returns it with its Comment audit event (same id). */
export function storeComment(
	ctx: ServiceContext,
	ticket: TicketRecord,
	draft: CommentDraft,
	via: Via,
	createdAt: string,
): { comment: CommentRecord; event: EventDraft & { id: number } } {
	const id = nextId(ctx.db, "event");
	const comment: CommentRecord = {
		id,
		ticket_id: ticket.id,
		audit_id: 0,
		...draft,
		via: structuredClone(via),
		created_at: createdAt,
	};
	ctx.db.comments.push(comment);
	const attachments = draft.attachment_ids;
	const event = {
		id,
		type: "Comment",
		author_id: draft.author_id,
		body: draft.body,
		html_body: draft.html_body,
		plain_body: draft.plain_body,
		public: draft.public,
		attachment_ids: attachments,
		audit_id: 0,
	};
	return { comment, event };
}

/** The keys a light agent may send in an update (sandbox decision: private comments only). */
export const LIGHT_AGENT_KEYS = ["comment", "metadata", "safe_update", "updated_stamp", ...READ_ONLY_KEYS];

/**
 * True when a light agent may not make this update (→ 403), from Zendesk's light-agent role: they
 * add private comments only, "can't edit ticket properties after creation unless they are the
 * requester", and can't change the status (not even as the requester). `email_ccs` is allowed
 * when the account's `light_agent_email_ccs_allowed` is on (sandbox decision, see docs/emulator.md).
 */
export function lightAgentRefuses(
	ctx: ServiceContext,
	actor: UserRecord,
	ticket: TicketRecord,
	input: Record<string, unknown>,
): boolean {
	if (!isLightAgent(actor)) return false;
	if (ticket.requester_id === actor.id) return "status" in input && input.status !== ticket.status;
	const allowed = ctx.db.account.settings.tickets.light_agent_email_ccs_allowed
		? [...LIGHT_AGENT_KEYS, "email_ccs"]
		: LIGHT_AGENT_KEYS;
	return Object.keys(input).some(key => !allowed.includes(key));
}

/** The stamp check of a safe update; `undefined` when the update may go ahead. */
export function safeUpdateFailure(
	ticket: TicketRecord,
	input: Record<string, unknown>,
	options: WriteOptions,
): Result<never> | undefined {
	const current = parseStampSeconds(ticket.updated_at);
	if ("safe_update" in input) {
		// "A value of false has the same effect as true" [V OAS]; a missing stamp is a 422 (sandbox decision, §17 q3).
		if (input.updated_stamp === undefined || input.updated_stamp === null) {
			return invalid({
				field: "updated_stamp",
				description: "Updated stamp: is required when safe_update is set",
				error: "BlankValue",
			});
		}
		// Zendesk compares stamps at second precision.
		return parseStampSeconds(input.updated_stamp) === current ? undefined : fail({ kind: "update_conflict" });
	}
	if (options.queuedAtMs !== undefined && current !== undefined && current > Math.floor(options.queuedAtMs / 1000)) {
		return fail({ kind: "update_conflict" });
	}
	return undefined;
}
