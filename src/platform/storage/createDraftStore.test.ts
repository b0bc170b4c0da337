import { describe, expect, it } from "vitest";
import { createDraftStore, createMemoryStorage, draftKey, hasDraft, type StorageLike } from "./createDraftStore";
import { keepTypedText } from "./keepTypedText";

const isText = (v: unknown): v is { text: string } =>
	typeof v === "object" && v !== null && typeof (v as { text?: unknown }).text === "string";

describe("createDraftStore", () => {
	it("keeps a draft across store instances (a panel reload) for the same agent and ticket", () => {
		const storage = createMemoryStorage();
		createDraftStore(storage, 5, 9).save("followUp", { text: "Hello" });
		expect(createDraftStore(storage, 5, 9).load("followUp", isText)).toEqual({ text: "Hello" });
	});

	it("separates drafts by agent and by ticket", () => {
		const storage = createMemoryStorage();
		createDraftStore(storage, 5, 9).save("followUp", { text: "mine" });
		expect(createDraftStore(storage, 6, 9).load("followUp", isText)).toBeUndefined();
		expect(createDraftStore(storage, 5, 10).load("followUp", isText)).toBeUndefined();
	});

	it("drops a corrupt or wrongly shaped draft instead of misreading it", () => {
		const storage = createMemoryStorage();
		storage.setItem(draftKey(5, 9, "followUp"), "{not json");
		storage.setItem(draftKey(5, 9, "people"), JSON.stringify({ text: 3 }));
		const store = createDraftStore(storage, 5, 9);
		expect(store.load("followUp", isText)).toBeUndefined();
		expect(store.load("people", isText)).toBeUndefined();
		expect(storage.size).toBe(0);
	});

	it("keeps the draft in memory when storage throws (quota, disabled storage)", () => {
		const broken: StorageLike = {
			getItem: () => {
				throw new Error("denied");
			},
			setItem: () => {
				throw new Error("quota");
			},
			removeItem: () => {
				throw new Error("denied");
			},
		};
		const store = createDraftStore(broken, 5, 9);
		store.save("fields", { text: "x" });
		expect(store.load("fields", isText)).toEqual({ text: "x" });
		store.clear("fields");
		expect(store.load("fields", isText)).toBeUndefined();
	});
});

describe("hasDraft", () => {
	it("finds a section's draft, and text typed in one of its pickers on its own", () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1002, 2);
		expect(hasDraft(storage, 1002, 2, "people")).toBe(false);
		drafts.save("people", { changes: [] });
		expect(hasDraft(storage, 1002, 2, "people")).toBe(true);
		const kept = keepTypedText(drafts, "fields", "5114");
		kept.save("Hartm");
		expect(hasDraft(storage, 1002, 2, "fields")).toBe(true);
		// Another agent or ticket sees nothing.
		expect(hasDraft(storage, 1003, 2, "fields")).toBe(false);
		expect(hasDraft(storage, 1002, 3, "fields")).toBe(false);
	});
});

describe("keepTypedText", () => {
	it("keeps each picker's text apart and forgets an emptied one", () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1002, 1);
		keepTypedText(drafts, "people", "ccs").save("noah@exam");
		keepTypedText(drafts, "people", "followers").save("Ali");
		expect(keepTypedText(drafts, "people", "ccs").initial).toBe("noah@exam");
		expect(keepTypedText(createDraftStore(storage, 1002, 1), "people", "followers").initial).toBe("Ali");
		keepTypedText(drafts, "people", "ccs").save("");
		expect(keepTypedText(drafts, "people", "ccs").initial).toBe("");
		keepTypedText(drafts, "people", "followers").save("");
		expect(hasDraft(storage, 1002, 1, "people")).toBe(false);
	});

	it("starts empty from a corrupt stored value", () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1002, 1);
		drafts.save("people.typed", { ccs: 42 });
		expect(keepTypedText(drafts, "people", "ccs").initial).toBe("");
	});
});
