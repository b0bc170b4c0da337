/** Input problems: pure validators return `Issue[]` (empty = fine), the UI shows each by `field` as `t(code, vars)`. */

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
