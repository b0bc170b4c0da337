import { describe, expect, it } from "vitest";
import { createDraftStore, createMemoryStorage } from "./createDraftStore";
import { createUnkeptStorage, withUnkeptDrafts } from "./createUnkeptStorage";

const isText = (v: unknown): v is { text: string } =>
	typeof v === "object" && v !== null && typeof (v as { text?: unknown }).text === "string";

describe("createUnkeptStorage", () => {
	it("says it had a draft from the first one written on, also after it was cleared", () => {
		const storage = createUnkeptStorage();
		const drafts = createDraftStore(storage, 5, 9);
		expect(storage.hadDraft.value).toBe(false);
		expect(drafts.load("fields", isText)).toBeUndefined();
		expect(storage.hadDraft.value).toBe(false);
		drafts.save("fields", { text: "typed" });
		expect(storage.hadDraft.value).toBe(true);
		drafts.clear("fields");
		expect(storage.hadDraft.value).toBe(true);
	});

	it("shares the drafts between the panel's draft stores (a rebuilt section finds its draft)", () => {
		const storage = createUnkeptStorage();
		createDraftStore(storage, 5, 9).save("people", { text: "staged" });
		expect(createDraftStore(storage, 5, 9).load("people", isText)).toEqual({ text: "staged" });
	});
});

describe("withUnkeptDrafts", () => {
	it("keeps a given local storage and announces nothing", () => {
		const local = createMemoryStorage();
		const session = createMemoryStorage();
		const storage = withUnkeptDrafts({ local, session });
		expect(storage.local).toBe(local);
		expect(storage.session).toBe(session);
		expect(storage.unkeptDrafts).toBeUndefined();
	});

	it("puts drafts in memory when local storage is missing, and announces the first one", () => {
		const session = createMemoryStorage();
		const storage = withUnkeptDrafts({ local: undefined, session });
		expect(storage.session).toBe(session);
		expect(storage.unkeptDrafts?.value).toBe(false);
		createDraftStore(storage.local, 5, 9).save("followUp", { text: "Hello" });
		expect(storage.unkeptDrafts?.value).toBe(true);
	});
});
