/**
 * The draft-store sections, one per feature that keeps a draft (see `createDraftStore`). Here, not
 * in each feature's model, so a section's glance can tell whether a draft is waiting without
 * loading the feature's code.
 */
export const FOLLOW_UP_DRAFT_SECTION = "followUp";
export const PEOPLE_DRAFT_SECTION = "people";
export const FIELDS_DRAFT_SECTION = "fields";
export const METADATA_DRAFT_SECTION = "metadata";
export const BULK_DRAFT_SECTION = "bulk";

/**
 * Where a section keeps the text typed in its pickers and not picked yet (an address being
 * corrected), next to its draft, so `hasDraft` finds either.
 */
export const typedTextSection = (section: string) => `${section}.typed`;
