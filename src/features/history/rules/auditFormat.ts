/**
 * Formats ticket audits for the history view: who, when, which field changed from → to (custom
 * fields by title, options by name), tag and people changes, comment excerpts, and the custom
 * metadata. Pure; never renders HTML and never throws on odd values.
 */
import { displayValue } from "../../../shared/customFieldsValues";
import type { TicketFieldDef } from "../../../shared/customFieldsTypes";
import type {
	AuditEntry,
	AuditEventLike,
	AuditFieldChange,
	AuditFieldLabel,
	AuditLike,
	AuditPeopleChange,
} from "../../../shared/auditTypes";

/**
 * What the formatter may know besides the audits: names by id (from the audits' sideloads and the
 * panel's definitions). A value whose name is unknown shows as `#id`, a person named by email as the email.
 */
export interface AuditFormatContext {
	fields: readonly TicketFieldDef[];
	/** User id → name: authors, user-valued fields, CCs, followers, collaborators, user lookups. */
	userNames?: ReadonlyMap<number, string>;
	/** Lower-cased email → name, for CC and follower events that name people by email. */
	userEmails?: ReadonlyMap<string, string>;
	/** Group id → name (`group_id`). */
	groupNames?: ReadonlyMap<number, string>;
	/** Organization id → name (`organization_id`, organization lookups). */
	organizationNames?: ReadonlyMap<number, string>;
	/** Ticket form id → name (`ticket_form_id`). */
	formNames?: ReadonlyMap<number, string>;
}

/** System field names the history view translates (`audits.fieldNames.<name>`); others show Zendesk's name. */
export const KNOWN_SYSTEM_FIELDS: readonly string[] = [
	"status",
	"priority",
	"type",
	"subject",
	"assignee_id",
	"group_id",
	"requester_id",
	"organization_id",
	"ticket_form_id",
	"brand_id",
	"custom_status_id",
	"due_at",
	"problem_id",
];

/** System fields whose values are user ids. */
export const USER_FIELDS: readonly string[] = ["assignee_id", "requester_id", "submitter_id"];

/** Longest comment excerpt, in characters: one or two lines of the sidebar. */
export const EXCERPT_LENGTH = 140;

/** Formats each audit; audits with nothing to show (only notifications, say) are left out. Keeps the input order. */
export function formatAudits(audits: readonly AuditLike[], context: AuditFormatContext): AuditEntry[] {
	return audits.map(audit => formatAudit(audit, context)).filter(hasContent);
}

/** Formats one audit. Unknown event types are ignored, as Zendesk asks. */
export function formatAudit(audit: AuditLike, context: AuditFormatContext): AuditEntry {
	const entry: AuditEntry = {
		id: audit.id,
		createdAt: audit.createdAt,
		authorId: audit.authorId,
		authorName: context.userNames?.get(audit.authorId) ?? null,
		channel: audit.via?.channel ?? null,
		changes: [],
		tags: null,
		people: [],
		comments: [],
		custom: Object.entries(audit.metadata.custom).map(([key, value]) => ({ key, value: metadataText(value) })),
	};
	for (const event of audit.events) {
		if ((event.type === "Change" || event.type === "Create") && event.fieldName) {
			if (event.fieldName === "tags") entry.tags = tagDiff(event) ?? entry.tags;
			else if (event.fieldName === "collaborator_ids") {
				// Legacy CCs (accounts without CCs and followers): a Change of the id list.
				const before = event.type === "Create" ? [] : personRefs(event.previousValue);
				entry.people.push(peopleDiff("collaborators", before, personRefs(event.value), context));
			} else entry.changes.push(fieldChange(event, event.fieldName, context));
		} else if (event.type === "Comment") {
			entry.comments.push({ public: event.public !== false, excerpt: excerpt(event.body ?? "") });
		} else if (event.type === "FollowerChange") {
			entry.people.push(peopleDiff("followers", event.previousFollowers, event.currentFollowers, context));
		} else if (event.type === "EmailCcChange") {
			entry.people.push(peopleDiff("emailCcs", event.previousEmailCcs, event.currentEmailCcs, context));
		}
	}
	return entry;
}

function fieldChange(event: AuditEventLike, name: string, context: AuditFormatContext): AuditFieldChange {
	const id = /^\d+$/.test(name) ? Number(name) : NaN;
	const field = context.fields.find(candidate => candidate.id === id);
	const label: AuditFieldLabel = field
		? { kind: "custom", fieldId: field.id, title: field.title }
		: KNOWN_SYSTEM_FIELDS.includes(name)
			? { kind: "system", name }
			: { kind: "raw", name };
	const previous = event.type === "Create" ? null : event.previousValue;
	if (field?.type === "checkbox") {
		return { label, valueKind: "checkbox", from: checkboxText(previous), to: checkboxText(event.value) };
	}
	const names = namesFor(name, field, context);
	const render = (value: unknown) => (names ? namedText(value, names) : displayValue(field, value));
	return { label, valueKind: "text", from: render(previous), to: render(event.value) };
}

function tagDiff(event: AuditEventLike): { added: string[]; removed: string[] } | null {
	const now = list(event.value);
	const before = event.type === "Create" ? [] : list(event.previousValue);
	const added = now.filter(tag => !before.includes(tag));
	const removed = before.filter(tag => !now.includes(tag));
	return added.length > 0 || removed.length > 0 ? { added, removed } : null;
}

/** The id → name map a field's values are looked up in, or null when its values are shown as they are. */
function namesFor(
	name: string,
	field: TicketFieldDef | undefined,
	context: AuditFormatContext,
): ReadonlyMap<number, string> | null {
	const empty = new Map<number, string>();
	if (USER_FIELDS.includes(name)) return context.userNames ?? empty;
	if (name === "group_id") return context.groupNames ?? empty;
	if (name === "organization_id") return context.organizationNames ?? empty;
	if (name === "ticket_form_id") return context.formNames ?? empty;
	if (field?.type !== "lookup") return null;
	if (field.relationshipTargetType === "zen:user") return context.userNames ?? empty;
	if (field.relationshipTargetType === "zen:organization") return context.organizationNames ?? empty;
	return null;
}

/** Who joined and left a people list, by name. Compared by Zendesk's references, so namesakes stay apart. */
function peopleDiff(
	kind: AuditPeopleChange["list"],
	before: readonly string[] = [],
	after: readonly string[] = [],
	context: AuditFormatContext,
): AuditPeopleChange {
	return {
		list: kind,
		added: after.filter(person => !before.includes(person)).map(person => personName(person, context)),
		removed: before.filter(person => !after.includes(person)).map(person => personName(person, context)),
	};
}

/** A person an event names by user id (digits) or by email: their name when known, else `#id` or the email. */
function personName(ref: string, context: AuditFormatContext): string {
	if (/^\d+$/.test(ref)) return context.userNames?.get(Number(ref)) ?? `#${ref}`;
	return context.userEmails?.get(ref.toLowerCase()) ?? ref;
}

/** User references of a legacy `collaborator_ids` value: ids as strings or numbers. */
function personRefs(value: unknown): string[] {
	const items = Array.isArray(value) ? value : [];
	return items.flatMap(item =>
		typeof item === "string" && item !== "" ? [item] : typeof item === "number" ? [String(item)] : [],
	);
}

function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
	if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
	return [];
}

function checkboxText(value: unknown): string {
	return value === true || value === "1" || value === "true" || value === "yes" ? "true" : "false";
}

function namedText(value: unknown, names: ReadonlyMap<number, string>): string {
	if (value === null || value === undefined || value === "") return "";
	const id = Number(value);
	return (Number.isFinite(id) ? names.get(id) : undefined) ?? `#${String(value)}`;
}

function metadataText(value: unknown): string {
	if (typeof value === "string") return value;
	try {
		return JSON.stringify(value) ?? "";
	} catch {
		return "";
	}
}

function excerpt(body: string): string {
	const flat = body.replace(/\s+/g, " ").trim();
	return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

function hasContent(entry: AuditEntry): boolean {
	return (
		entry.changes.length > 0 ||
		entry.tags !== null ||
		entry.people.length > 0 ||
		entry.comments.length > 0 ||
		entry.custom.length > 0
	);
}
