import { describe, expect, it } from "vitest";
import { createChunk, retryUrl } from "./createChunk";

describe("retryUrl", () => {
	it.each([
		[
			"Chromium",
			"Failed to fetch dynamically imported module: http://127.0.0.1:4301/app/assets/chunks/AuditList-37KWPS6Q.js",
			"http://127.0.0.1:4301/app/assets/chunks/AuditList-37KWPS6Q.js?retry=1",
		],
		[
			"Firefox",
			"error loading dynamically imported module: https://x.zdusercontent.com/1/assets/chunks/FollowUpForm-AB12.js",
			"https://x.zdusercontent.com/1/assets/chunks/FollowUpForm-AB12.js?retry=1",
		],
		["Safari", "Importing a module script failed.", undefined],
	])("finds the chunk's URL in %s's message and makes it new", (_browser, message, expected) => {
		expect(retryUrl(new TypeError(message), 1)).toBe(expected);
	});
});

describe("createChunk", () => {
	it("fetches once for every caller and says when the module has arrived", async () => {
		let fetches = 0;
		const chunk = createChunk(async () => {
			fetches++;
			return { answer: 42 };
		});
		expect(chunk.loaded()).toBeUndefined();
		chunk.preload();
		const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
		expect(a).toBe(b);
		expect(chunk.loaded()).toEqual({ answer: 42 });
		expect(fetches).toBe(1);
	});

	it("does not keep a failure: the next load fetches again", async () => {
		let fetches = 0;
		const chunk = createChunk(async () => {
			fetches++;
			if (fetches === 1) throw new TypeError("Importing a module script failed.");
			return { answer: 42 };
		});
		await expect(chunk.load()).rejects.toThrow("Importing a module script failed.");
		expect(chunk.loaded()).toBeUndefined();
		await expect(chunk.load()).resolves.toEqual({ answer: 42 });
		expect(fetches).toBe(2);
	});
});
