import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../platform/api/errors";
import type { Organization, User } from "../platform/api/types";
import { createLiveSearch, createPeopleSearch, searchPeople } from "./createPeopleSearch";

const DIRECTORY: Organization[] = [
	{ id: 1, name: "Brightline Office Supplies" },
	{ id: 2, name: "Brightwater Logistics" },
	{ id: 3, name: "Hartmann Druck GmbH" },
];

/** A directory answering at once (debounce 0), like an autocomplete: names starting with the text. */
function setupDirectory(keep?: (item: Organization) => boolean) {
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
		const { search, asked, settle } = setupDirectory();
		search.setQuery(" bright ");
		await settle();
		expect(asked).toEqual(["bright"]);
		expect(search.results.value.map(o => o.id)).toEqual([1, 2]);
		expect(search.state.value).toBe("done");
	});

	it("applies the keep filter to the answer", async () => {
		const { search, settle } = setupDirectory(o => o.id !== 1);
		search.setQuery("bright");
		await settle();
		expect(search.results.value.map(o => o.id)).toEqual([2]);
	});

	it("says done with no results when nothing matches, and idle again below two characters", async () => {
		const { search, settle } = setupDirectory();
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

const user = (id: number, name: string, email: string, active = true): User => ({
	id,
	name,
	email,
	role: "end-user",
	roleType: null,
	active,
	suspended: false,
	organizationId: null,
	locale: null,
	timeZone: null,
	photoUrl: null,
});

const PEOPLE = [
	user(1, "Ann Smith", "ann@example.org"),
	user(2, "Bob Stone", "bob@example.org"),
	user(3, "Gone", "gone@example.org", false),
];

afterEach(() => {
	vi.useRealTimers();
});

/** A directory with real contents whose answers the test releases one by one, in any order; fake timers. */
function setup() {
	vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
	const pending: Array<{ text: string; release(): void; fail(e: unknown): void }> = [];
	const directory = (text: string) =>
		new Promise<User[]>((resolve, reject) => {
			const match = PEOPLE.filter(p => `${p.name} ${p.email}`.toLowerCase().includes(text.toLowerCase()));
			pending.push({ text, release: () => resolve(match), fail: reject });
		});
	const search = createPeopleSearch({ searchUsers: directory, autocompleteUsers: directory });
	const fireTimers = () => vi.runOnlyPendingTimers();
	const settle = () => vi.advanceTimersByTimeAsync(0);
	return { search, pending, fireTimers, settle };
}

describe("createPeopleSearch", () => {
	it("does not search for fewer than two characters", () => {
		const { search } = setup();
		search.setQuery(" a ");
		expect(vi.getTimerCount()).toBe(0);
		expect(search.state.value).toBe("idle");
	});

	it("waits for the debounce, then finds users by name or email", async () => {
		const { search, pending, settle } = setup();
		search.setQuery("bob@");
		expect(search.state.value).toBe("searching");
		vi.advanceTimersByTime(249);
		expect(pending).toHaveLength(0);
		vi.advanceTimersByTime(1);
		expect(pending).toHaveLength(1);
		pending[0]?.release();
		await settle();
		expect(search.results.value.map(u => u.name)).toEqual(["Bob Stone"]);
		expect(search.state.value).toBe("done");
	});

	it("sends only the last query typed within the debounce window", () => {
		const { search, pending, fireTimers } = setup();
		search.setQuery("an");
		search.setQuery("ann");
		fireTimers();
		expect(pending.map(p => p.text)).toEqual(["ann"]);
	});

	it("drops an answer that arrives after a newer query was typed", async () => {
		const { search, pending, fireTimers, settle } = setup();
		search.setQuery("ann");
		fireTimers();
		search.setQuery("bob");
		fireTimers();
		pending[1]?.release();
		await settle();
		pending[0]?.release();
		await settle();
		expect(search.query.value).toBe("bob");
		expect(search.results.value.map(u => u.id)).toEqual([2]);
	});

	it("leaves deleted users out", async () => {
		const { search, pending, fireTimers, settle } = setup();
		search.setQuery("example");
		fireTimers();
		pending[0]?.release();
		await settle();
		expect(search.results.value.map(u => u.id)).toEqual([1, 2]);
	});

	it("reports a failed search and recovers on the next query", async () => {
		const { search, pending, fireTimers, settle } = setup();
		search.setQuery("ann");
		fireTimers();
		pending[0]?.fail(new ApiError({ kind: "rate_limited", message: "429", retryAfterSeconds: 5 }));
		await settle();
		expect(search.state.value).toBe("failed");
		search.setQuery("anne");
		expect(search.state.value).toBe("searching");
	});

	it("ignores answers after dispose", async () => {
		const { search, pending, fireTimers, settle } = setup();
		search.setQuery("ann");
		fireTimers();
		search.dispose();
		pending[0]?.release();
		await settle();
		expect(search.results.value).toEqual([]);
	});

	it("asks users/autocomplete for a name and users/search for anything else", async () => {
		const asked: string[] = [];
		const api = {
			autocompleteUsers: async (text: string) => (asked.push(`autocomplete:${text}`), PEOPLE),
			searchUsers: async (text: string) => (asked.push(`search:${text}`), PEOPLE),
		};
		await searchPeople(api, "Ann Smi");
		await searchPeople(api, "ann@exa");
		await searchPeople(api, "1107");
		expect(asked).toEqual(["autocomplete:Ann Smi", "search:ann@exa", "search:1107"]);
	});
});
