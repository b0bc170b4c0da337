import { describe, expect, it } from "vitest";
import { FIELDS_DRAFT_SECTION, PEOPLE_DRAFT_SECTION } from "../../shared/draftSections";
import { createDraftStore, createMemoryStorage } from "./createDraftStore";
import { hasDraft } from "./hasDraft";
import { keepTypedText } from "./keepTypedText";

describe("hasDraft", () => {
	it("finds a section's draft, and text typed in one of its pickers on its own", () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1002, 2);
		expect(hasDraft(storage, 1002, 2, PEOPLE_DRAFT_SECTION)).toBe(false);
		drafts.save(PEOPLE_DRAFT_SECTION, { changes: [] });
		expect(hasDraft(storage, 1002, 2, PEOPLE_DRAFT_SECTION)).toBe(true);
		const kept = keepTypedText(drafts, FIELDS_DRAFT_SECTION, "5114");
		kept.save("Hartm");
		expect(hasDraft(storage, 1002, 2, FIELDS_DRAFT_SECTION)).toBe(true);
		// Another agent or ticket sees nothing.
		expect(hasDraft(storage, 1003, 2, FIELDS_DRAFT_SECTION)).toBe(false);
		expect(hasDraft(storage, 1002, 3, FIELDS_DRAFT_SECTION)).toBe(false);
	});
});

describe("keepTypedText", () => {
	it("keeps each picker's text apart and forgets an emptied one", () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1002, 1);
		keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "ccs").save("noah@exam");
		keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "followers").save("Ali");
		expect(keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "ccs").initial).toBe("noah@exam");
		expect(keepTypedText(createDraftStore(storage, 1002, 1), PEOPLE_DRAFT_SECTION, "followers").initial).toBe("Ali");
		keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "ccs").save("");
		expect(keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "ccs").initial).toBe("");
		keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "followers").save("");
		expect(hasDraft(storage, 1002, 1, PEOPLE_DRAFT_SECTION)).toBe(false);
	});

	it("starts empty from a corrupt stored value", () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1002, 1);
		drafts.save("people.typed", { ccs: 42 });
		expect(keepTypedText(drafts, PEOPLE_DRAFT_SECTION, "ccs").initial).toBe("");
	});
});
