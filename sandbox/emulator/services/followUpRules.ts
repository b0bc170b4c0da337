/**
 * Follow-up tickets (`via_followup_source_id`). Sources: seed-creating-and-updating-tickets.md
 * "Creating a follow-up ticket" [V GUIDE], zendesk-ticket-api.md §3.3 [F], §4.2 (HC-FOLLOWUP [S]).
 */
import { findTicket, type Db } from "../db/db";
import type { TicketRecord, Via } from "../db/records";

/** The closed source ticket named by `via_followup_source_id`, or undefined ("no effect with other tickets" [V GUIDE]; unknown ids are ignored too). */
export function followUpSource(db: Db, raw: unknown): TicketRecord | undefined {
	const id = typeof raw === "string" ? Number(raw) : raw;
	if (typeof id !== "number" || !Number.isInteger(id)) return undefined;
	const source = findTicket(db, id);
	return source?.status === "closed" ? source : undefined;
}

/** `via` of a follow-up: channel `web`, `source.rel` `follow_up`, `source.from.ticket_id` (§3.3 [F]). */
export function followUpVia(sourceId: number): Via {
	return { channel: "web", source: { from: { ticket_id: sourceId }, to: {}, rel: "follow_up" } };
}

/**
 * Copies what a follow-up inherits: requester, subject, tags, custom fields, organization, form
 * and brand — not priority, type, group, assignee, CCs or followers (sandbox decision from
 * HC-FOLLOWUP [S]: "except comments, priority, type, group/assignee"). The request's own values
 * are applied afterwards and win ("tags in the request replace the parent's tags" [V GUIDE]).
 */
export function copyFromSource(draft: TicketRecord, source: TicketRecord): void {
	draft.requester_id = source.requester_id;
	draft.subject = source.subject;
	draft.raw_subject = source.raw_subject;
	draft.tags = [...source.tags];
	draft.field_values = structuredClone(source.field_values);
	draft.organization_id = source.organization_id;
	draft.ticket_form_id = source.ticket_form_id;
	draft.brand_id = source.brand_id;
	draft.via = followUpVia(source.id);
	draft.followup_source_id = source.id;
}
