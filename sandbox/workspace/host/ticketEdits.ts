/**
 * The unsaved edits of the agent's ticket form and the rules for ZAF `set` paths below `ticket.`
 * (which paths exist, which values are valid). Pure; used by ticketState.ts.
 */
import type { StateError } from "./ticketState";

/** The form's unsaved edits. */
export interface Edits {
	subject?: string;
	status?: string;
	priority?: string | null;
	type?: string | null;
	tags?: string[];
	customFields: Map<number, unknown>;
	commentText?: string;
	commentType?: "publicReply" | "internalNote";
}

const STATUSES = ["new", "open", "pending", "hold", "solved"];
const PRIORITIES = ["low", "normal", "high", "urgent", null];
const TYPES = ["question", "incident", "problem", "task", null];

/** `custom_field_<id>` → id, else null. */
export function customFieldId(name: string): number | null {
	const m = /^custom_field_(\d+)$/.exec(name);
	return m ? Number(m[1]) : null;
}

/** Applies one `set` path to `edits`; returns the per-path error instead of throwing. */
export function applySet(
	edits: Edits,
	path: string,
	value: unknown,
	isKnownField: (id: number) => boolean,
): StateError | undefined {
	const invalid = (what: string): StateError => ({
		name: "InvalidValue",
		message: `${what} (got ${JSON.stringify(value)})`,
	});
	if (path.startsWith("customField:")) {
		const id = customFieldId(path.slice("customField:".length));
		if (id === null || !isKnownField(id))
			return { name: "APIUnavailable", message: `Could not find API for ticket.${path}` };
		edits.customFields.set(id, value);
		return undefined;
	}
	switch (path) {
		case "subject":
			if (typeof value !== "string") return invalid("subject must be a string");
			edits.subject = value;
			return undefined;
		case "status":
			if (typeof value !== "string" || !STATUSES.includes(value))
				return invalid(`status must be one of ${STATUSES.join(", ")}`);
			edits.status = value;
			return undefined;
		case "priority":
			if (!PRIORITIES.includes(value as string | null))
				return invalid("priority must be low, normal, high, urgent or null");
			edits.priority = value as string | null;
			return undefined;
		case "type":
			if (!TYPES.includes(value as string | null))
				return invalid("type must be question, incident, problem, task or null");
			edits.type = value as string | null;
			return undefined;
		case "tags":
			if (!Array.isArray(value) || value.some(t => typeof t !== "string"))
				return invalid("tags must be an array of strings");
			edits.tags = [...new Set(value as string[])];
			return undefined;
		case "comment.text":
			if (typeof value !== "string") return invalid("comment text must be a string");
			edits.commentText = value;
			return undefined;
		case "comment.type":
			if (value !== "publicReply" && value !== "internalNote")
				return invalid("comment type must be publicReply or internalNote");
			edits.commentType = value;
			return undefined;
		default:
			return { name: "APIUnavailable", message: `Could not find API for set ticket.${path}` };
	}
}
