/**
 * The follow-up feature's code that a panel fetches only when the agent reaches for the form (or
 * comes back to a draft): the model (drafts, validation, creation, background jobs, uploads) and
 * the form. FollowUpSection imports this module dynamically, so it is a chunk of its own.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "../../ui/picker.css";
import "./followUp.css";
export { createFollowUpModel } from "./createFollowUpModel";
export { createSessionLocales } from "./followUpLookups";
export { FollowUpForm } from "./FollowUpForm";
