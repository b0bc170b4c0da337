/**
 * A problem with user input, found by a pure validator (house-style §6): validators return
 * `Issue[]` (empty = fine) and never throw; the UI shows each by its `field` as `t(code, vars)`.
 */

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
