/**
 * The English strings that only the panel's on-demand parts use (the editors, the follow-up form,
 * the related tickets, the history): build.mjs leaves them out of the English in main.js and puts
 * them here, in a chunk each of those parts imports first (`import "…/laterStrings"`), so they are
 * in the translator before the part renders. Without a build (tests) this is all of en.json, which
 * changes nothing. See scripts/englishStrings.mjs.
 */
import later from "../../../translations/en.json";
import { EN_BUNDLE } from "./bundles";
import { isRecord } from "../../shared/isRecord";
import type { Bundle } from "./createTranslator";

/**
 * Copies every string of `extra` into `bundle`, in place, keeping what `bundle` has: the
 * translator looks keys up when it is called, so text added here is found from then on.
 */
function mergeBundle(bundle: Bundle, extra: Bundle): void {
	for (const [key, value] of Object.entries(extra)) {
		const have = bundle[key];
		if (isRecord(have) && isRecord(value)) mergeBundle(have, value);
		else if (have === undefined) bundle[key] = value;
	}
}

mergeBundle(EN_BUNDLE, later);
