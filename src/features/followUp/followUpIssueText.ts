/**
 * Helpers to render `Issue`s: the translated message(s) for one field, or everything left over
 * for the form. Pure apart from `t`; never renders Zendesk text as HTML (callers render strings).
 */
import type { Issue } from "../../shared/issues";
import type { TranslateVars } from "../../platform/i18n/createTranslator";

type T = (key: string, vars?: TranslateVars) => string;

/** The messages for exactly `field`, joined with a space; `null` when there are none. */
export function issueText(t: T, issues: readonly Issue[], field: string): string | null {
	const texts = issues.filter(i => i.field === field).map(i => t(i.code, i.vars));
	return texts.length === 0 ? null : texts.join(" ");
}

/** Messages whose field no control shows (`form`, and any field not in `shown`). */
export function formIssueTexts(t: T, issues: readonly Issue[], shown: readonly string[]): string[] {
	return issues.filter(i => !shown.includes(i.field) && !/^emailCcs\.\d+$/.test(i.field)).map(i => t(i.code, i.vars));
}
