/**
 * Parsing what the agent types into the bulk change: lists of email addresses (CCs, followers)
 * and of tags, each checked as it is typed so a bad entry is named next to its field. Pure.
 */
import { emailProblem, normalizeEmail, splitEmailList, TYPED_EMAIL_PROBLEMS } from "../../../shared/email";
import type { Issue } from "../../../shared/issues";

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
