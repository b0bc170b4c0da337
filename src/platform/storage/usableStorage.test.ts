import { describe, expect, it } from "vitest";
import { createDraftStore, createMemoryStorage, type StorageLike } from "./createDraftStore";
import { createUnkeptStorage, PROBE_KEY, usableStorage, withUnkeptDrafts } from "./usableStorage";

/** What Chromium throws when an iframe is refused storage. */
const securityError = () => new DOMException("Access is denied for this document.", "SecurityError");

/** A working storage except for the methods listed, which throw a SecurityError. */
function refusing(...methods: Array<keyof StorageLike>): StorageLike {
	const storage = createMemoryStorage();
	for (const method of methods)
		storage[method] = () => {
			throw securityError();
		};
	return storage;
}

describe("usableStorage", () => {
	it("hands back a storage that keeps what is written, leaving no probe behind", () => {
		const storage = createMemoryStorage();
		expect(usableStorage(() => storage)).toBe(storage);
		expect(storage.getItem(PROBE_KEY)).toBeNull();
		expect(storage.size).toBe(0);
	});

	it("is undefined when reading window.localStorage itself throws a SecurityError", () => {
		expect(
			usableStorage(() => {
				throw securityError();
			}),
		).toBeUndefined();
	});

	const refusals: Array<[what: string, storage: StorageLike]> = [
		["setItem throws a SecurityError", refusing("setItem")],
		["getItem throws a SecurityError", refusing("getItem")],
		["every method throws a SecurityError", refusing("getItem", "setItem", "removeItem")],
	];
	it.each(refusals)("is undefined when %s", (_what, storage) => {
		expect(usableStorage(() => storage)).toBeUndefined();
	});

	it("is undefined when the storage accepts writes but forgets them", () => {
		const forgetful: StorageLike = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
		expect(usableStorage(() => forgetful)).toBeUndefined();
	});

	it("is undefined when the browser has no such storage", () => {
		expect(usableStorage(() => null)).toBeUndefined();
		expect(usableStorage(() => undefined)).toBeUndefined();
	});
});

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
