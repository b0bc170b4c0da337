/**
 * The bulk change as the agent types it: lists of emails and tags checked as they are typed (a bad
 * entry is named next to its input), and the draft stored per agent and ticket. Pure.
 */
import { emailProblem, normalizeEmail, splitEmailList, TYPED_EMAIL_PROBLEMS } from "../../../shared/email";
import type { Issue } from "../../../shared/issues";
import { isRecord } from "../../../shared/isRecord";

/** What the agent typed, as typed. */
export interface BulkTexts {
	ccsAdd: string;
	ccsRemove: string;
	followersAdd: string;
	followersRemove: string;
	tagsAdd: string;
	tagsRemove: string;
	fieldId: number | null;
	fieldValue: string;
}

/** The stored draft: the selection, the texts, whether a run was under way, and the values its tickets had when the agent chose them. */
export interface BulkDraft {
	selected: number[];
	texts: BulkTexts;
	running: boolean;
	/** Per ticket id, the custom field values shown when the run started (its base, across a reload). */
	base?: Record<string, Array<{ id: number; value: unknown }>>;
	/** The run was "Apply mine anyway" on this one ticket (resumed as that, never as the whole selection). */
	only?: number;
}

/** The inputs that take lists (emails, tags), in the form's order. */
export const LIST_KEYS = ["ccsAdd", "ccsRemove", "followersAdd", "followersRemove", "tagsAdd", "tagsRemove"] as const;

/** True for a stored value that is a `BulkDraft` (anything else is ignored on restore). */
export function isBulkDraft(value: unknown): value is BulkDraft {
	if (!isRecord(value) || !isRecord(value.texts) || typeof value.running !== "boolean") return false;
	const texts = value.texts;
	return (
		Array.isArray(value.selected) &&
		value.selected.every(id => Number.isSafeInteger(id)) &&
		[...LIST_KEYS, "fieldValue"].every(key => typeof texts[key] === "string") &&
		(texts.fieldId === null || Number.isSafeInteger(texts.fieldId)) &&
		(value.base === undefined || isBase(value.base)) &&
		(value.only === undefined || Number.isSafeInteger(value.only))
	);
}

function isBase(value: unknown): boolean {
	return (
		isRecord(value) &&
		Object.values(value).every(
			list => Array.isArray(list) && list.every(entry => isRecord(entry) && Number.isSafeInteger(entry.id)),
		)
	);
}

/** Emails from `text` (commas, semicolons, spaces), lower-cased; the first bad one is an issue on `field`. */
export function parseEmails(text: string, field: string): { emails: string[]; issues: Issue[] } {
	const emails: string[] = [];
	for (const entry of splitEmailList(text)) {
		const problem = emailProblem(entry);
		if (problem !== null) {
			const code = TYPED_EMAIL_PROBLEMS[problem] ?? `bulk.issues.email.${problem}`;
			return { emails: [], issues: [{ field, code, vars: { email: entry } }] };
		}
		const email = normalizeEmail(entry).toLowerCase();
		if (!emails.includes(email)) emails.push(email);
	}
	return { emails, issues: [] };
}

/** A tag as Zendesk stores it: lower-case, no spaces, at most 255 characters of letters, digits, `_-/:.`. */
const TAG = /^[\p{L}\p{N}_\-/:.]{1,255}$/u;

/** Tags from `text` (commas or spaces), lower-cased; the first bad one is an issue on `field`. */
export function parseTags(text: string, field: string): { tags: string[]; issues: Issue[] } {
	const tags: string[] = [];
	for (const raw of text.split(/[\s,]+/)) {
		if (raw === "") continue;
		const tag = raw.toLowerCase();
		if (!TAG.test(tag)) return { tags: [], issues: [{ field, code: "bulk.issues.tag", vars: { tag: raw } }] };
		if (!tags.includes(tag)) tags.push(tag);
	}
	return { tags, issues: [] };
}
