import { describe, expect, it } from "vitest";
import { retryUrl } from "../../ui/lazyComponent";
import { linkStyleSheets } from "./linkStyleSheet";

const CHUNK = "https://app.example/assets/chunks/PeopleEditor-AB12.js";

/** A link element as far as linkStyleSheets uses one; the test plays the browser's part. */
interface FakeLink {
	rel: string;
	href: string;
	onload: (() => void) | null;
	onerror: (() => void) | null;
	remove(): void;
}

/**
 * A document whose head keeps the links appended to it, in order, and fetches nothing: the test
 * answers each link with `load` or `error` as the browser would. (happy-dom refuses to fetch
 * style sheets and reports it as an error of its own.)
 */
function freshDocument() {
	const head: FakeLink[] = [];
	const doc = {
		createElement: () => {
			const link: FakeLink = {
				rel: "",
				href: "",
				onload: null,
				onerror: null,
				remove: () => void head.splice(head.indexOf(link), 1),
			};
			return link;
		},
		head: { append: (link: FakeLink) => void head.push(link) },
	};
	return {
		doc: doc as unknown as Document,
		links: () => head.filter(link => link.rel === "stylesheet").map(link => link.href),
		answer(href: string, event: "load" | "error") {
			const link = head.find(l => l.href === href);
			if (!link) throw new Error(`no link to ${href}`);
			(event === "load" ? link.onload : link.onerror)?.();
		},
	};
}

describe("linkStyleSheets", () => {
	it("links every sheet beside the chunk at once, in order, and resolves when all have loaded", async () => {
		const { doc, links, answer } = freshDocument();
		let done = false;
		const linking = linkStyleSheets(["controls-1.css", "people-1.css"], CHUNK, doc).then(() => {
			done = true;
		});
		expect(links()).toEqual([
			"https://app.example/assets/chunks/controls-1.css",
			"https://app.example/assets/chunks/people-1.css",
		]);
		answer("https://app.example/assets/chunks/people-1.css", "load");
		await Promise.resolve();
		expect(done).toBe(false);
		answer("https://app.example/assets/chunks/controls-1.css", "load");
		await linking;
		expect(done).toBe(true);
	});

	it("links a sheet that two parts share once", async () => {
		const { doc, links, answer } = freshDocument();
		const first = linkStyleSheets(["controls-2.css", "people-2.css"], CHUNK, doc);
		const second = linkStyleSheets(
			["controls-2.css", "fields-2.css"],
			CHUNK.replace("PeopleEditor", "FieldsEditor"),
			doc,
		);
		expect(links()).toEqual([
			"https://app.example/assets/chunks/controls-2.css",
			"https://app.example/assets/chunks/people-2.css",
			"https://app.example/assets/chunks/fields-2.css",
		]);
		for (const href of links()) answer(href, "load");
		await Promise.all([first, second]);
	});

	it("rejects naming the chunk when a sheet cannot be fetched, unlinks it, and links it again next time", async () => {
		const { doc, links, answer } = freshDocument();
		const failing = linkStyleSheets(["people-3.css"], CHUNK, doc);
		answer("https://app.example/assets/chunks/people-3.css", "error");
		await expect(failing).rejects.toThrow(
			"Could not load the style sheet https://app.example/assets/chunks/people-3.css of " + CHUNK,
		);
		expect(links()).toEqual([]);
		const again = linkStyleSheets(["people-3.css"], `${CHUNK}?retry=1`, doc);
		expect(links()).toEqual(["https://app.example/assets/chunks/people-3.css"]);
		answer("https://app.example/assets/chunks/people-3.css", "load");
		await again;
	});

	it("names each waiting part's own chunk when a sheet they share fails, so each retries itself", async () => {
		const { doc, answer } = freshDocument();
		const fields = CHUNK.replace("PeopleEditor", "FieldsEditor");
		const people = linkStyleSheets(["controls-4.css"], CHUNK, doc);
		const fieldsLinking = linkStyleSheets(["controls-4.css"], fields, doc);
		answer("https://app.example/assets/chunks/controls-4.css", "error");
		await expect(people).rejects.toThrow(`of ${CHUNK}`);
		await expect(fieldsLinking).rejects.toThrow(`of ${fields}`);
		expect(retryUrl(await fieldsLinking.catch((error: unknown) => error), 1)).toBe(`${fields}?retry=1`);
	});
});
