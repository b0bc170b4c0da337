/**
 * Turns a ticket change into audit events and stores audits. `updated_at` moves only when an
 * audit is written ("updated only if the update generates a ticket event", §3.1 [V]).
 */
import { isoSecond } from "../db/clock";
import { nextId, type Db } from "../db/db";
import { collaborationMode } from "./collaboratorRules";
import type { AuditEvent, AuditRecord, TicketRecord, Via } from "../db/records";
import type { RequestInfo, ServiceContext } from "./serviceTypes";

/** An event before it gets its id. */
export type EventDraft = { type: string } & Record<string, unknown>;

const SCALAR_KEYS = [
	"subject",
	"status",
	"priority",
	"type",
	"requester_id",
	"assignee_id",
	"group_id",
	"organization_id",
	"external_id",
	"due_at",
	"problem_id",
	"ticket_form_id",
	"brand_id",
] as const;

/**
 * Id-valued properties: Zendesk writes their Create/Change values as strings ("value": "6130869168922"
 * for requester_id, assignee_id, group_id and ticket_form_id in the captured zp-ticket-audits-list;
 * the events reference: "value and previous_value are normally strings").
 */
const ID_KEYS: ReadonlySet<string> = new Set([
	"requester_id",
	"assignee_id",
	"group_id",
	"organization_id",
	"problem_id",
	"ticket_form_id",
	"brand_id",
]);

/** An event value as Zendesk writes it: ids as strings, `null` kept, everything else as stored. */
const eventValue = (key: string, value: unknown) =>
	ID_KEYS.has(key) && typeof value === "number" ? String(value) : (value ?? null);

/**
 * The people of an EmailCcChange/FollowerChange event, by email address. The events reference
 * names only the keys; public clients type them as string arrays (justeat/ZendeskApiClient
 * `EmailCCChangeEvent`, `FollowerChangeEvent` [F]), and the captures hold none, so what the strings
 * are is [U]: the sandbox writes emails (unknown ids as their digits). The app reads ids and emails.
 */
const people = (db: Db, ids: readonly number[]) =>
	ids.map(id => db.users.find(user => user.id === id)?.email ?? String(id));

const sameSet = (a: readonly unknown[], b: readonly unknown[]) =>
	a.length === b.length && a.every(x => b.includes(x)) && b.every(x => a.includes(x));
const normalize = (value: unknown) =>
	Array.isArray(value) ? JSON.stringify([...value].sort()) : JSON.stringify(value ?? null);

/** The Change events between two versions of a ticket. Tag order alone is no change (sandbox decision). */
export function diffTicket(db: Db, before: TicketRecord, after: TicketRecord): EventDraft[] {
	const events: EventDraft[] = [];
	for (const key of SCALAR_KEYS) {
		if (before[key] !== after[key])
			events.push({
				type: "Change",
				field_name: key,
				value: eventValue(key, after[key]),
				previous_value: eventValue(key, before[key]),
			});
	}
	if (!sameSet(before.tags, after.tags))
		events.push({ type: "Change", field_name: "tags", value: [...after.tags], previous_value: [...before.tags] });
	const fieldIds = new Set([...Object.keys(before.field_values), ...Object.keys(after.field_values)]);
	for (const id of fieldIds) {
		const was = before.field_values[id];
		const now = after.field_values[id];
		const wasEmpty = was === undefined || was === null || was === false;
		const nowEmpty = now === undefined || now === null || now === false;
		if (wasEmpty && nowEmpty) continue;
		if (normalize(was) !== normalize(now))
			events.push({ type: "Change", field_name: id, value: now ?? null, previous_value: was ?? null });
	}
	if (collaborationMode(db) === "ccs_and_followers") {
		if (!sameSet(before.email_cc_ids, after.email_cc_ids)) {
			events.push({
				type: "EmailCcChange",
				previous_email_ccs: people(db, before.email_cc_ids),
				current_email_ccs: people(db, after.email_cc_ids),
			});
		}
		if (!sameSet(before.follower_ids, after.follower_ids)) {
			events.push({
				type: "FollowerChange",
				previous_followers: people(db, before.follower_ids),
				current_followers: people(db, after.follower_ids),
			});
		}
	} else if (!sameSet(before.collaborator_ids, after.collaborator_ids)) {
		events.push({
			type: "Change",
			field_name: "collaborator_ids",
			// Legacy CCs: a Change of collaborator_ids, its ids as strings like the other id values.
			value: after.collaborator_ids.map(String),
			previous_value: before.collaborator_ids.map(String),
		});
	}
	return events;
}

/** The Create events of a new ticket: one per property that has a value. */
export function createEvents(db: Db, ticket: TicketRecord): EventDraft[] {
	const events: EventDraft[] = [];
	for (const key of SCALAR_KEYS) {
		if (ticket[key] !== null && ticket[key] !== undefined)
			events.push({ type: "Create", field_name: key, value: eventValue(key, ticket[key]) });
	}
	if (ticket.tags.length > 0) events.push({ type: "Create", field_name: "tags", value: [...ticket.tags] });
	for (const [id, value] of Object.entries(ticket.field_values)) {
		if (value !== null && value !== false) events.push({ type: "Create", field_name: id, value });
	}
	if (ticket.email_cc_ids.length > 0)
		events.push({ type: "EmailCcChange", previous_email_ccs: [], current_email_ccs: people(db, ticket.email_cc_ids) });
	if (ticket.follower_ids.length > 0)
		events.push({ type: "FollowerChange", previous_followers: [], current_followers: people(db, ticket.follower_ids) });
	if (collaborationMode(db) !== "ccs_and_followers" && ticket.collaborator_ids.length > 0)
		events.push({ type: "Create", field_name: "collaborator_ids", value: ticket.collaborator_ids.map(String) });
	return events;
}

/** `metadata.system` for an audit (the sandbox's stand-in for Zendesk's IP and geo data). */
export function systemMetadata(info: RequestInfo): Record<string, unknown> {
	return {
		client: info.userAgent ?? "Zendesk sandbox emulator",
		ip_address: info.ipAddress ?? "127.0.0.1",
		location: "Sandbox",
		latitude: 0,
		longitude: 0,
	};
}

/** What recordAudit needs. `events` may already carry ids (Comment events use the comment id). */
export interface AuditDraft {
	ticket: TicketRecord;
	authorId: number;
	events: Array<EventDraft & { id?: number }>;
	via: Via;
	createdMs: number;
	customMetadata?: Record<string, unknown>;
	request: RequestInfo;
}

/** Stores an audit ("metadata.custom beside metadata.system" [V GUIDE]) and returns it. */
export function recordAudit(ctx: ServiceContext, draft: AuditDraft): AuditRecord {
	const audit: AuditRecord = {
		id: nextId(ctx.db, "audit"),
		ticket_id: draft.ticket.id,
		created_at: isoSecond(draft.createdMs),
		author_id: draft.authorId,
		metadata: { custom: draft.customMetadata ?? {}, system: systemMetadata(draft.request) },
		via: structuredClone(draft.via),
		events: draft.events.map(e => ({ ...e, id: e.id ?? nextId(ctx.db, "event") }) as AuditEvent),
	};
	ctx.db.audits.push(audit);
	return audit;
}

/**
 * The `updated_at` for a write at `nowMs`: Zendesk's second precision, never earlier than the
 * current stamp; with `forceNewer` (the "change as another agent" control) strictly later, so
 * conflict tests are deterministic even within one second.
 */
export function nextUpdatedAt(previous: string, nowMs: number, forceNewer = false): string {
	const previousMs = Date.parse(previous);
	const candidate = Math.max(Math.floor(nowMs / 1000) * 1000, Number.isNaN(previousMs) ? 0 : previousMs);
	return isoSecond(forceNewer && candidate <= previousMs ? previousMs + 1000 : candidate);
}
