// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { hideShown, showInEnglish } from "../testing/showInEnglish";
import { createChunk, lazyComponent, retryUrl } from "./lazyComponent";

afterEach(hideShown);

/** Runs `change`, then lets every promise callback and the re-render it causes run. */
function settle(change: () => void) {
	return act(async () => {
		change();
		await new Promise(resolve => setTimeout(resolve, 0));
	});
}

/** A chunk whose arrival the test controls: `arrive()` / `fail()` settle the pending load. */
function chunk() {
	const loads: Array<{ resolve(): void; reject(error: Error): void }> = [];
	function Greeting({ name }: { name: string }) {
		return <p class="greeting">Hello {name}</p>;
	}
	const load = () =>
		new Promise<typeof Greeting>((resolve, reject) => {
			loads.push({ resolve: () => resolve(Greeting), reject });
		});
	return {
		load,
		loads,
		arrive: () => settle(() => loads.at(-1)?.resolve()),
		fail: () => settle(() => loads.at(-1)?.reject(new Error("Failed to fetch dynamically imported module"))),
	};
}

const show = showInEnglish;

describe("lazyComponent", () => {
	it("shows a spinner while its chunk loads, then the component with its props", async () => {
		const source = chunk();
		const Lazy = lazyComponent(source.load, module => module);
		const root = show(<Lazy name="Maria" />);
		expect(root.querySelector("[role=status]")?.textContent).toContain("Loading");
		expect(root.querySelector(".greeting")).toBeNull();
		await source.arrive();
		expect(root.querySelector(".greeting")?.textContent).toBe("Hello Maria");
		expect(root.querySelector("[role=status]")).toBeNull();
	});

	it("fetches the chunk once, however often it is preloaded or rendered", async () => {
		const source = chunk();
		const Lazy = lazyComponent(source.load, module => module);
		Lazy.preload();
		Lazy.preload();
		const root = show(
			<div>
				<Lazy name="A" />
				<Lazy name="B" />
			</div>,
		);
		await source.arrive();
		expect(source.loads).toHaveLength(1);
		expect([...root.querySelectorAll(".greeting")].map(p => p.textContent)).toEqual(["Hello A", "Hello B"]);
	});

	it("renders at once when a preload already brought the chunk", async () => {
		const source = chunk();
		const Lazy = lazyComponent(source.load, module => module);
		Lazy.preload();
		await source.arrive();
		const root = show(<Lazy name="Kenji" />);
		expect(root.querySelector(".greeting")?.textContent).toBe("Hello Kenji");
	});

	it("says the part could not be loaded and fetches it again on Try again", async () => {
		const source = chunk();
		const Lazy = lazyComponent(source.load, module => module);
		const root = show(<Lazy name="Maria" />);
		await source.fail();
		expect(root.querySelector("[role=alert]")?.textContent).toContain("could not be loaded");
		expect(source.loads).toHaveLength(1);
		await act(async () => root.querySelector("button")?.click());
		expect(source.loads).toHaveLength(2);
		expect(root.querySelector("[role=alert]")).toBeNull();
		await source.arrive();
		expect(root.querySelector(".greeting")?.textContent).toBe("Hello Maria");
	});

	it("lets a preload after a failure try again (a failed fetch is not cached)", async () => {
		const source = chunk();
		const Lazy = lazyComponent(source.load, module => module);
		Lazy.preload();
		await source.fail();
		Lazy.preload();
		expect(source.loads).toHaveLength(2);
		await source.arrive();
		const root = show(<Lazy name="Sofia" />);
		expect(root.querySelector(".greeting")?.textContent).toBe("Hello Sofia");
	});
});

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
