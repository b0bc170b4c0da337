/** The Zendesk vocabulary every layer shares, declared once (the API client's types re-export it). */

/** A Zendesk numeric id (below 2^53, so a JS number is safe). */
export type Id = number;

/** True for a Zendesk id: a positive safe integer. */
export function isId(value: unknown): value is Id {
	return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/** Ticket status categories (`zendesk-ticket-api.md` §14). */
export type TicketStatus = "new" | "open" | "pending" | "hold" | "solved" | "closed";

/** Ticket priorities (`null` on a ticket = not set). */
export type TicketPriority = "urgent" | "high" | "normal" | "low";

/** Ticket types (`null` on a ticket = not set). */
export type TicketType = "problem" | "incident" | "question" | "task";

/** A custom field value as Zendesk stores it: text, number, checkbox, tag, multiselect tags, or empty. */
export type CustomFieldValue = string | number | boolean | string[] | null;

/** Zendesk user roles (custom agent roles are `agent` plus a `roleType`). */
export type UserRole = "end-user" | "agent" | "admin";
