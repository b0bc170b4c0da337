/** The follow-up's on-demand chunk (FollowUpSection imports it dynamically): the model and the form. */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "../../ui/picker.css";
import "./followUp.css";
export { createFollowUpModel } from "./createFollowUpModel";
export { createSessionLocales } from "./followUpLookups";
export { FollowUpForm } from "./FollowUpForm";
