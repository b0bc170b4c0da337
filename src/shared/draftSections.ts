/** The draft-store sections, here so a glance can tell a draft is waiting without loading its feature. */
export const FOLLOW_UP_DRAFT_SECTION = "followUp";
export const PEOPLE_DRAFT_SECTION = "people";
export const FIELDS_DRAFT_SECTION = "fields";
export const METADATA_DRAFT_SECTION = "metadata";
export const BULK_DRAFT_SECTION = "bulk";
