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
} from "../../../shared/auditTypes";

/** What the formatter may know besides the audits. */
export interface AuditFormatContext {
	fields: readonly TicketFieldDef[];
	/** User id → name, for authors and user-valued fields. */
	userNames?: ReadonlyMap<number, string>;
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

const USER_FIELDS = ["assignee_id", "requester_id", "submitter_id"];

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
			else entry.changes.push(fieldChange(event, event.fieldName, context));
		} else if (event.type === "Comment") {
			entry.comments.push({ public: event.public !== false, excerpt: excerpt(event.body ?? "") });
		} else if (event.type === "FollowerChange") {
			entry.people.push(peopleDiff("followers", event.previousFollowers, event.currentFollowers));
		} else if (event.type === "EmailCcChange") {
			entry.people.push(peopleDiff("emailCcs", event.previousEmailCcs, event.currentEmailCcs));
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
	const render = (value: unknown) =>
		USER_FIELDS.includes(name) ? userText(value, context.userNames) : displayValue(field, value);
	return { label, valueKind: "text", from: render(previous), to: render(event.value) };
}

function tagDiff(event: AuditEventLike): { added: string[]; removed: string[] } | null {
	const now = list(event.value);
	const before = event.type === "Create" ? [] : list(event.previousValue);
	const added = now.filter(tag => !before.includes(tag));
	const removed = before.filter(tag => !now.includes(tag));
	return added.length > 0 || removed.length > 0 ? { added, removed } : null;
}

function peopleDiff(
	kind: "followers" | "emailCcs",
	before: readonly string[] = [],
	after: readonly string[] = [],
): { list: "followers" | "emailCcs"; added: string[]; removed: string[] } {
	return {
		list: kind,
		added: after.filter(person => !before.includes(person)),
		removed: before.filter(person => !after.includes(person)),
	};
}

function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
	if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
	return [];
}

function checkboxText(value: unknown): string {
	return value === true || value === "1" || value === "true" || value === "yes" ? "true" : "false";
}

function userText(value: unknown, names: ReadonlyMap<number, string> | undefined): string {
	if (value === null || value === undefined || value === "") return "";
	const id = Number(value);
	return (Number.isFinite(id) ? names?.get(id) : undefined) ?? `#${String(value)}`;
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
