/**
 * A problem with user input, found by a pure validator (a `rules/` folder or `src/shared/`) (house-style §6).
 * Validators return `Issue[]` (empty = fine) and never throw; the UI renders each issue next to
 * its `field` through `t(code, vars)`.
 */

/** One input problem. `code` is a translation key (e.g. `followUp.issues.commentEmpty`), not prose. */
export interface Issue {
	/** The form field the problem belongs to (e.g. `comment`, `requester.email`), or `form` for the whole form. */
	field: string;
	/** Translation key of the message. */
	code: string;
	/** Interpolation values for the message (`{{name}}` in translations). */
	vars?: Record<string, string | number>;
}

/** The issues for one field, in order. Does not match prefixes (`requester` ≠ `requester.email`). */
export function issuesFor(issues: readonly Issue[], field: string): Issue[] {
	return issues.filter(issue => issue.field === field);
}
