/**
 * Ticket writes with Zendesk's rules: create (incl. follow-ups and new requesters) and update
 * (safe updates, closed tickets, no-op updates, metadata). Returns Results; knows no HTTP. The
 * rule modules (custom fields, collaborators, comments, properties) do the detailed work.
 */
import { isoSecond } from "../db/clock";
import { applyCollaborators } from "./collaboratorRules";
import { isInternalNote, readComment } from "./commentRules";
import { applyCustomFields, deriveFieldsFromTags, readFieldEntries } from "./customFieldRules";
import { defaultFormId } from "./defaultForm";
import { findTicket, nextId } from "../db/db";
import { copyFromSource, followUpSource } from "./followUpRules";
import type { UserRecord, Via } from "../db/records";
import { fail, invalid, isObject, isStaff, ok, transaction, type Result, type ServiceContext } from "./serviceTypes";
import { notificationEvents } from "./notificationRules";
import { createEvents, diffTicket, nextUpdatedAt, recordAudit, type EventDraft } from "./ticketChanges";
import { applyTagInput, applyTicketProperties } from "./ticketInput";
import {
	blankTicket,
	lightAgentRefuses,
	metadataIssue,
	safeUpdateFailure,
	solveIssues,
	storeComment,
	type TicketWrite,
	type WriteOptions,
} from "./ticketRules";

export { UPDATE_CONFLICT_DESCRIPTION, type TicketWrite, type WriteOptions } from "./ticketRules";

/**
 * `POST /api/v2/tickets`: agents only ("Allowed for: agents" §4 [V]). Light agents included: Zendesk's
 * light-agent role lets them create tickets on behalf of end users, the first comment private
 * (`readComment` makes every light-agent comment private).
 */
export function createTicket(
	ctx: ServiceContext,
	actor: UserRecord,
	input: unknown,
	options: WriteOptions = {},
): Result<TicketWrite> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	if (!isObject(input)) return invalid({ field: "base", description: "Ticket: is invalid", error: "InvalidValue" });
	const metaIssue = metadataIssue(input.metadata);
	if (metaIssue) return invalid(metaIssue);
	return transaction(ctx.db, () => {
		const now = ctx.clock.now();
		const stamp = isoSecond(now);
		const draft = blankTicket(options.reservedId ?? nextId(ctx.db, "ticket"), stamp, actor);
		const source = followUpSource(ctx.db, input.via_followup_source_id);
		if (source) copyFromSource(draft, source);
		const issues = applyTicketProperties(ctx, draft, input, { mode: "create", actor });
		// No form named (nor copied from a follow-up source): the account's default form, as both captured
		// API creates show (gz-ticket-create, zp-ticket-create-201-with-attachment) [F]. An explicit null stays null [U].
		if (draft.ticket_form_id === null && !("ticket_form_id" in input)) draft.ticket_form_id = defaultFormId(ctx.db);
		// A ticket takes its requester's organization unless the request names one.
		if (!("organization_id" in input) && !source)
			draft.organization_id = ctx.db.users.find(u => u.id === draft.requester_id)?.organization_id ?? null;
		// Follow-ups ignore submitter_id (§4.2 [V]).
		if (source) draft.submitter_id = actor.id;
		if (applyTagInput(draft, input)) deriveFieldsFromTags(ctx.db, draft);
		issues.push(...applyCustomFields(ctx.db, draft, readFieldEntries(input.custom_fields ?? input.fields)));
		const { draft: comment, issues: commentIssues } = readComment(ctx, input.comment, { actor, defaultPublic: true });
		issues.push(...commentIssues);
		// "The only required property is comment" [V]; wording as in Zendesk's blank-description error [U].
		if (!comment && commentIssues.length === 0)
			issues.push({ field: "description", description: "Description: cannot be blank", error: "BlankValue" });
		if (comment && !(isObject(input.comment) && input.comment.author_id !== undefined)) {
			// The submitter authors the first comment; for follow-ups, the authenticated user (§4.2 [V]).
			comment.author_id = source ? actor.id : draft.submitter_id;
		}
		if (draft.status === "new" && draft.assignee_id !== null) draft.status = "open"; // [V HC-RULES], [F zenpy#361]
		if (draft.status === "solved" || draft.status === "closed") issues.push(...solveIssues(ctx, draft, actor));
		const collaborators = applyCollaborators(ctx, draft, input, {
			mode: "create",
			internalNote: isInternalNote(input.comment, actor),
		});
		if (!collaborators.ok) return collaborators;
		if (issues.length > 0 || !comment) return invalid(...issues);
		draft.description = comment.body;
		const stored = storeComment(ctx, draft, comment, draft.via, stamp);
		const audit = recordAudit(ctx, {
			ticket: draft,
			authorId: actor.id,
			events: [
				stored.event,
				...createEvents(ctx.db, draft),
				...notificationEvents(ctx.db, draft, { mode: "create", actor, comment: stored.comment }),
			],
			via: draft.via,
			createdMs: now,
			customMetadata: input.metadata as Record<string, unknown> | undefined,
			request: options.request ?? {},
		});
		stored.comment.audit_id = audit.id;
		(audit.events[0] as Record<string, unknown>).audit_id = audit.id;
		ctx.db.tickets.push(draft);
		ctx.db.reservedTicketIds = ctx.db.reservedTicketIds.filter(id => id !== draft.id);
		if (source) source.followup_ids = [...source.followup_ids, draft.id];
		ctx.notify({ type: "ticket", id: draft.id, actorId: actor.id });
		return ok({ ticket: draft, audit });
	});
}

/** `PUT /api/v2/tickets/{id}`: nothing is applied unless everything is valid (409 and 422 included). */
export function updateTicket(
	ctx: ServiceContext,
	actor: UserRecord,
	id: number,
	input: unknown,
	options: WriteOptions = {},
): Result<TicketWrite> {
	const ticket = findTicket(ctx.db, id);
	if (!ticket) return fail({ kind: "not_found" });
	// End users cannot update tickets through this endpoint (issue 3 decision: 403 on ticket writes).
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	if (!isObject(input)) return invalid({ field: "base", description: "Ticket: is invalid", error: "InvalidValue" });
	if (lightAgentRefuses(ctx, actor, ticket, input)) return fail({ kind: "forbidden" });
	const conflict = safeUpdateFailure(ticket, input, options);
	if (conflict) return conflict;
	// "Status: closed prevents ticket update" (§5.2 [F]).
	if (ticket.status === "closed")
		return invalid({ field: "status", description: "Status: closed prevents ticket update" });
	const metaIssue = metadataIssue(input.metadata);
	if (metaIssue) return invalid(metaIssue);
	return transaction(ctx.db, () => {
		const now = ctx.clock.now();
		const draft = structuredClone(ticket);
		const issues = applyTicketProperties(ctx, draft, input, { mode: "update", actor });
		const tagInput = options.tagDeltas ? input : { tags: input.tags };
		if (applyTagInput(draft, tagInput)) deriveFieldsFromTags(ctx.db, draft);
		const entries = readFieldEntries(input.custom_fields ?? input.fields);
		issues.push(...applyCustomFields(ctx.db, draft, entries));
		const defaultPublic = ctx.db.account.settings.tickets.comments_public_by_default;
		const { draft: comment, issues: commentIssues } = readComment(ctx, input.comment, { actor, defaultPublic });
		issues.push(...commentIssues);
		if (draft.status === "new" && draft.assignee_id !== null) draft.status = "open";
		const closing = draft.status === "solved" || draft.status === "closed";
		if (closing && (draft.status !== ticket.status || entries.length > 0))
			issues.push(...solveIssues(ctx, draft, actor));
		const collaborators = applyCollaborators(ctx, draft, input, {
			mode: "update",
			internalNote: !!comment && !comment.public,
		});
		if (!collaborators.ok) return collaborators;
		if (issues.length > 0) return invalid(...issues);
		const events: EventDraft[] = diffTicket(ctx.db, ticket, draft);
		draft.generated_timestamp = Math.max(Math.floor(now / 1000), ticket.generated_timestamp);
		if (events.length === 0 && !comment) {
			// No change: no audit, no metadata saved, updated_at untouched [V GUIDE "Setting metadata"].
			ticket.generated_timestamp = draft.generated_timestamp;
			return ok({ ticket });
		}
		draft.updated_at = nextUpdatedAt(ticket.updated_at, now, options.forceNewer);
		const via: Via = { channel: "api", source: { from: {}, to: {}, rel: null } };
		const stored = comment ? storeComment(ctx, draft, comment, via, draft.updated_at) : undefined;
		const audit = recordAudit(ctx, {
			ticket: draft,
			authorId: actor.id,
			events: [
				...(stored ? [stored.event] : []),
				...events,
				...notificationEvents(ctx.db, draft, {
					mode: "update",
					actor,
					comment: stored?.comment,
					previousAssigneeId: ticket.assignee_id,
				}),
			],
			via,
			createdMs: Date.parse(draft.updated_at),
			customMetadata: input.metadata as Record<string, unknown> | undefined,
			request: options.request ?? {},
		});
		if (stored) {
			stored.comment.audit_id = audit.id;
			(audit.events[0] as Record<string, unknown>).audit_id = audit.id;
		}
		Object.assign(ticket, draft);
		ctx.notify({ type: "ticket", id: ticket.id, actorId: actor.id });
		return ok({ ticket, audit });
	});
}
