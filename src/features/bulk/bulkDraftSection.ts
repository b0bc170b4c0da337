/** The draft-store section of the bulk change (in the panel-open bundle, so the section can check for a waiting draft). */
export const BULK_DRAFT_SECTION = "bulk";
