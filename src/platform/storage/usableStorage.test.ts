import { describe, expect, it } from "vitest";
import { createMemoryStorage, type StorageLike } from "./createDraftStore";
import { PROBE_KEY, usableStorage } from "./usableStorage";

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
