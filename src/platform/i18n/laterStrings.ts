/**
 * The English strings only on-demand parts use: build.mjs moves them from main.js to this chunk, which
 * each such part imports first, so they are in the translator before it renders. Without a build (tests)
 * this is all of en.json, which changes nothing. See scripts/englishStrings.mjs.
 */
import later from "../../../translations/en.json";
import { EN_BUNDLE } from "./bundles";
import { isRecord } from "../../shared/isRecord";
import type { Bundle } from "./createTranslator";

/** Copies into `bundle`, in place, each string of `extra` it lacks; the translator finds them from then on. */
function mergeBundle(bundle: Bundle, extra: Bundle): void {
	for (const [key, value] of Object.entries(extra)) {
		const have = bundle[key];
		if (isRecord(have) && isRecord(value)) mergeBundle(have, value);
		else if (have === undefined) bundle[key] = value;
	}
}

mergeBundle(EN_BUNDLE, later);
