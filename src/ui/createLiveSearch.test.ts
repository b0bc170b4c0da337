import { describe, expect, it } from "vitest";
import type { Organization } from "../platform/api/types";
import { createLiveSearch } from "./createLiveSearch";

const DIRECTORY: Organization[] = [
	{ id: 1, name: "Brightline Office Supplies" },
	{ id: 2, name: "Brightwater Logistics" },
	{ id: 3, name: "Hartmann Druck GmbH" },
];

/** A directory answering at once (debounce 0), like an autocomplete: names starting with the text. */
function setup(keep?: (item: Organization) => boolean) {
	const asked: string[] = [];
	const search = createLiveSearch<Organization>({
		search: async text => {
			asked.push(text);
			return DIRECTORY.filter(o => o.name.toLowerCase().startsWith(text.toLowerCase()));
		},
		debounceMs: 0,
		...(keep ? { keep } : {}),
	});
	const settle = () => new Promise(resolve => setTimeout(resolve, 5));
	return { search, asked, settle };
}

describe("createLiveSearch", () => {
	it("keeps every result when no filter is given (organizations have no 'active')", async () => {
		const { search, asked, settle } = setup();
		search.setQuery(" bright ");
		await settle();
		expect(asked).toEqual(["bright"]);
		expect(search.results.value.map(o => o.id)).toEqual([1, 2]);
		expect(search.state.value).toBe("done");
	});

	it("applies the keep filter to the answer", async () => {
		const { search, settle } = setup(o => o.id !== 1);
		search.setQuery("bright");
		await settle();
		expect(search.results.value.map(o => o.id)).toEqual([2]);
	});

	it("says done with no results when nothing matches, and idle again below two characters", async () => {
		const { search, settle } = setup();
		search.setQuery("zz");
		await settle();
		expect(search.state.value).toBe("done");
		expect(search.results.value).toEqual([]);
		search.setQuery("z");
		expect(search.state.value).toBe("idle");
	});

	it("settle sends a search still waiting for its pause at once and answers with its results", async () => {
		const asked: string[] = [];
		const search = createLiveSearch<Organization>({
			search: async text => {
				asked.push(text);
				return DIRECTORY.filter(o => o.name.toLowerCase().startsWith(text.toLowerCase()));
			},
			debounceMs: 60_000,
		});
		search.setQuery("hart");
		expect(asked).toEqual([]);
		expect((await search.settle()).map(o => o.id)).toEqual([3]);
		expect(asked).toEqual(["hart"]);
		expect(search.state.value).toBe("done");
		search.setQuery("h");
		expect(await search.settle()).toEqual([]);
		search.dispose();
	});

	it("keeps the typed text where it is told, and searches again for a kept text", async () => {
		const kept: string[] = [];
		const settle = () => new Promise(resolve => setTimeout(resolve, 5));
		const search = createLiveSearch<Organization>({
			search: async text => DIRECTORY.filter(o => o.name.toLowerCase().startsWith(text.toLowerCase())),
			debounceMs: 0,
			keepText: { initial: "brightw", save: text => kept.push(text) },
		});
		expect(search.query.value).toBe("brightw");
		await settle();
		expect(search.results.value.map(o => o.id)).toEqual([2]);
		search.setQuery("bright");
		search.setQuery("");
		expect(kept.slice(-2)).toEqual(["bright", ""]);
	});
});
