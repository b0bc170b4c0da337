/**
 * Input problems: pure validators return `Issue[]` (empty = fine), the UI shows each by `field` as `t(code, vars)`.
 * A 422's `details` (zendesk-ticket-api.md §11) go on the field named by `ticket_field_id` or a description starting
 * with its title, on `metadata`, else on the form; Zendesk's text goes in `{{description}}`, never as markup.
 */
import { fieldKey, type TicketFieldDef } from "./customFieldsTypes";

/** One input problem: its form field (`comment`, `requester.email`, `form`), translation key and `{{vars}}`. */
export interface Issue {
	field: string;
	code: string;
	vars?: Record<string, string | number>;
}

/** The issues for one field, in order. Does not match prefixes (`requester` ≠ `requester.email`). */
export function issuesFor(issues: readonly Issue[], field: string): Issue[] {
	return issues.filter(issue => issue.field === field);
}

/** Zendesk's `details` map as the API client parses it: field (or `base`) → list of problems. */
export type ErrorDetailsLike = Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;

const REQUIRED_ON_SOLVE = /is required when solving/i;

/** One issue per detail entry (unknown shapes on the form); never throws. */
export function issuesFromErrorDetails(
	details: ErrorDetailsLike | undefined,
	fields: readonly TicketFieldDef[],
): Issue[] {
	if (!details) return [];
	const issues: Issue[] = [];
	for (const [key, entries] of Object.entries(details)) {
		if (!Array.isArray(entries)) continue;
		for (const entry of entries) {
			const description = typeof entry.description === "string" ? entry.description : "";
			if (key === "metadata") {
				issues.push({ field: "metadata", code: "metadata.issues.rejected", vars: { description } });
				continue;
			}
			const field = fieldFor(entry, description, fields);
			const code = REQUIRED_ON_SOLVE.test(description) ? "fields.issues.requiredToSolve" : "fields.issues.rejected";
			issues.push({ field: field ? fieldKey(field.id) : "fields", code, vars: { description } });
		}
	}
	return issues;
}

function fieldFor(entry: Readonly<Record<string, unknown>>, description: string, fields: readonly TicketFieldDef[]) {
	const id = Number(entry.ticket_field_id);
	const byId = Number.isFinite(id) ? fields.find(field => field.id === id) : undefined;
	if (byId) return byId;
	// Longest title first, so "Date Field 2" wins over "Date Field".
	const titled = fields
		.filter(field => field.title !== "" && description.startsWith(field.title))
		.sort((a, b) => b.title.length - a.title.length);
	return titled[0];
}
