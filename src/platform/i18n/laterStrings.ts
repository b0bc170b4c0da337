/**
 * The English strings that only the panel's on-demand parts use (the editors, the follow-up form,
 * the related tickets, the history): build.mjs leaves them out of the English in main.js and puts
 * them here, in a chunk each of those parts imports first (`import "…/laterStrings"`), so they are
 * in the translator before the part renders. Without a build (tests) this is all of en.json, which
 * changes nothing. See scripts/englishStrings.mjs.
 */
import later from "../../../translations/en.json";
import { EN_BUNDLE } from "./bundles";
import { mergeBundle } from "./mergeBundle";

mergeBundle(EN_BUNDLE, later);
