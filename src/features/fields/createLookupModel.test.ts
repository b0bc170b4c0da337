import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import { createLookupModel } from "./createLookupModel";
import { until } from "../../testing/panelTestSetup";
import {
	createDraftStore,
	createMemoryStorage,
	hasDraft,
	type DraftStore,
} from "../../platform/storage/createDraftStore";

/** The lookup model over the plain API client, against the default world in-process (names at once: debounce 0). */
const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function setup(debounceMs = 0, drafts?: DraftStore) {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId: 2 });
	const lookup = createLookupModel({ api: createZendeskApi(port), debounceMs, ...(drafts ? { drafts } : {}) });
	cleanups.push(
		() => lookup.dispose(),
		() => client.close(),
		() => emulator.dispose(),
	);
	emulator.controls.clearRequests();
	const requests = () => emulator.controls.requests().map(r => r.url);
	return { emulator, lookup, requests };
}

const settle = () => new Promise(r => setTimeout(r, 30));

describe("createLookupModel names", () => {
	it("names the organizations and users shown together with one show_many per type", async () => {
		const { lookup, requests } = setup();
		lookup.resolve("zen:organization", 9004);
		lookup.resolve("zen:organization", 9001);
		lookup.resolve("zen:user", 1003);
		lookup.resolve("zen:organization", 9004); // a second field pointing to the same organization
		await until(() => lookup.labelOf("zen:user", 1003) !== null, "the names");
		await until(() => lookup.labelOf("zen:organization", 9001) !== null, "the names");
		expect(lookup.labelOf("zen:organization", 9004)).toBe("Brightline Office Supplies");
		expect(lookup.labelOf("zen:organization", 9001)).toBe("Brightwater Logistics");
		expect(lookup.labelOf("zen:user", 1003)).toBe("Maria González <maria@example.com>");
		expect([...requests()].sort()).toEqual([
			"/api/v2/organizations/show_many.json?ids=9004%2C9001",
			"/api/v2/users/show_many.json?ids=1003",
		]);
		// Known names are not asked for again.
		lookup.resolve("zen:organization", 9001);
		await settle();
		expect(requests()).toHaveLength(2);
	});

	it("does not ask for an id released before its batch left (an id being typed), unless another field still shows it", async () => {
		const { lookup, requests } = setup();
		const typing = lookup.resolve("zen:organization", 900);
		const first = lookup.resolve("zen:organization", 9002);
		lookup.resolve("zen:organization", 9002);
		typing();
		first();
		await until(() => lookup.labelOf("zen:organization", 9002) !== null, "the name");
		expect(requests()).toEqual(["/api/v2/organizations/show_many.json?ids=9002"]);
		expect(lookup.problemOf("zen:organization", 900)).toBeNull();
	});

	it("names the ticket's own values at once and an id being typed only after the pause", async () => {
		const { lookup, requests } = setup(60_000);
		lookup.resolve("zen:organization", 9001); // typed: waits for the (here very long) pause
		lookup.resolve("zen:organization", 9004, false); // the ticket's value: asked for at once
		lookup.resolve("zen:user", 1003, false);
		await until(() => lookup.labelOf("zen:user", 1003) !== null, "the ticket's names");
		expect(lookup.labelOf("zen:organization", 9004)).toBe("Brightline Office Supplies");
		// What was pending went with them; an id typed afterwards waits.
		expect(lookup.labelOf("zen:organization", 9001)).toBe("Brightwater Logistics");
		lookup.resolve("zen:organization", 9005);
		await settle();
		expect(lookup.labelOf("zen:organization", 9005)).toBeNull();
		expect([...requests()].sort()).toEqual([
			"/api/v2/organizations/show_many.json?ids=9001%2C9004",
			"/api/v2/users/show_many.json?ids=1003",
		]);
	});

	it("says an id names no record, for organizations, users and tickets", async () => {
		const { lookup } = setup();
		for (const target of ["zen:organization", "zen:user", "zen:ticket"]) lookup.resolve(target, 424242);
		await until(() => lookup.problemOf("zen:ticket", 424242) !== null, "the ticket's answer");
		await until(() => lookup.problemOf("zen:organization", 424242) !== null, "the organization's answer");
		expect(lookup.problemOf("zen:organization", 424242)).toBe("missing");
		expect(lookup.problemOf("zen:user", 424242)).toBe("missing");
		expect(lookup.problemOf("zen:ticket", 424242)).toBe("missing");
		expect(lookup.labelOf("zen:organization", 424242)).toBeNull();
	});

	it("names a ticket by its subject", async () => {
		const { lookup } = setup();
		lookup.resolve("zen:ticket", 1);
		await until(() => lookup.labelOf("zen:ticket", 1) !== null, "the ticket");
		expect(lookup.labelOf("zen:ticket", 1)).toBe("#1 Printer is on fire");
	});

	it("reports a name that could not be read, and reads it when the id is shown again", async () => {
		const { emulator, lookup, requests } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/organizations/show_many", status: 503, times: 1 });
		lookup.resolve("zen:organization", 9003);
		await until(() => lookup.problemOf("zen:organization", 9003) !== null, "the failure");
		expect(lookup.problemOf("zen:organization", 9003)).toBe("failed");
		lookup.resolve("zen:organization", 9003);
		await until(() => lookup.labelOf("zen:organization", 9003) !== null, "the retry");
		expect(lookup.labelOf("zen:organization", 9003)).toBe("Meridian Health Partners");
		expect(lookup.problemOf("zen:organization", 9003)).toBeNull();
		expect(requests()).toHaveLength(2);
	});

	it("ignores invalid ids, targets it cannot name, and answers after dispose", async () => {
		const { lookup, requests } = setup();
		lookup.resolve("zen:organization", 0);
		lookup.resolve("zen:organization", Number.NaN);
		lookup.resolve("zen:custom_object:car", 5);
		lookup.resolve(null, 5);
		await settle();
		expect(requests()).toEqual([]);
		lookup.resolve("zen:organization", 9005);
		lookup.dispose();
		await settle();
		expect(requests()).toEqual([]);
		expect(lookup.labelOf("zen:organization", 9005)).toBeNull();
	});
});

describe("createLookupModel searches", () => {
	it("searches organizations by the start of their name, and users as the People pickers do, one search per field", async () => {
		const { lookup, requests } = setup();
		const organizations = lookup.searchOf({ id: 5114, relationshipTargetType: "zen:organization" });
		expect(lookup.searchOf({ id: 5114, relationshipTargetType: "zen:organization" })).toBe(organizations);
		expect(organizations?.target).toBe("zen:organization");
		organizations?.search.setQuery("Har");
		await until(() => organizations?.search.state.value === "done", "the organizations");
		expect(organizations?.search.results.value.map(o => [o.id, o.name])).toEqual([
			[9005, "Harbour Print Partners"],
			[9002, "Hartmann Druck GmbH"],
		]);
		const picker = lookup.searchOf({ id: 5110, relationshipTargetType: "zen:user" });
		const users = picker?.target === "zen:user" ? picker : null;
		expect(users).not.toBeNull();
		users?.search.setQuery("kenji");
		await until(() => users?.search.state.value === "done", "the users by name");
		expect(users?.search.results.value.map(u => [u.id, u.email])).toEqual([[1004, "kenji@example.com"]]);
		users?.search.setQuery("kenji@");
		await until(() => users?.search.state.value === "done", "the users by email");
		expect(users?.search.results.value.map(u => u.id)).toEqual([1004]);
		expect(requests()).toEqual([
			"/api/v2/organizations/autocomplete.json?name=Har",
			"/api/v2/users/autocomplete.json?name=kenji",
			"/api/v2/users/search.json?query=kenji%40",
		]);
	});

	it("keeps the text typed in a lookup's picker with the fields' draft, and searches it again after a reload", async () => {
		const storage = createMemoryStorage();
		const drafts = createDraftStore(storage, 1, 2);
		const first = setup(0, drafts).lookup.searchOf({ id: 5114, relationshipTargetType: "zen:organization" });
		first?.search.setQuery("Hartm");
		expect(hasDraft(storage, 1, 2, "fields")).toBe(true);
		const again = setup(0, createDraftStore(storage, 1, 2)).lookup.searchOf({
			id: 5114,
			relationshipTargetType: "zen:organization",
		});
		expect(again?.search.query.value).toBe("Hartm");
		await until(() => again?.search.state.value === "done", "the search of the kept text");
		expect(again?.search.results.value.map(o => o.name)).toEqual(["Hartmann Druck GmbH"]);
		again?.search.setQuery("");
		expect(hasDraft(storage, 1, 2, "fields")).toBe(false);
	});

	it("has no search for ticket and custom-object lookups", () => {
		const { lookup } = setup();
		expect(lookup.searchOf({ id: 1, relationshipTargetType: "zen:ticket" })).toBeNull();
		expect(lookup.searchOf({ id: 2, relationshipTargetType: "zen:custom_object:car" })).toBeNull();
		expect(lookup.searchOf({ id: 3, relationshipTargetType: null })).toBeNull();
	});

	it("remembers a picked record's name without a request", async () => {
		const { lookup, requests } = setup();
		lookup.remember("zen:organization", 9002, "Hartmann Druck GmbH");
		lookup.resolve("zen:organization", 9002);
		await settle();
		expect(lookup.labelOf("zen:organization", 9002)).toBe("Hartmann Druck GmbH");
		expect(requests()).toEqual([]);
	});
});
