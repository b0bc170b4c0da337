import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import { ApiError } from "../../platform/api/errors";
import { createDraftStore, createMemoryStorage } from "../../platform/storage/createDraftStore";
import { AGENT_ID, settle, setupFollowUp } from "../../testing/followUpTestSetup";
import { createSessionLocales, LOCALES_KEY } from "./followUpLookups";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

/** The API client over a fresh emulator (default world: en-US, es, de, fr enabled). */
function setup() {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, ticketId: 7 });
	cleanups.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	const localeReads = () => emulator.controls.requests().filter(r => r.url.startsWith("/api/v2/locales")).length;
	return { emulator, api: createZendeskApi(port), localeReads };
}

describe("createSessionLocales against the emulator", () => {
	it("reads the account's locales through the API client as id and name", async () => {
		const { api } = setup();
		expect(await createSessionLocales(api).get()).toEqual([
			{ id: 1, name: "English" },
			{ id: 2, name: "Español" },
			{ id: 8, name: "Deutsch" },
			{ id: 16, name: "Français" },
		]);
	});

	it("asks Zendesk once per browser session: the next panel reads the session storage", async () => {
		const { api, localeReads } = setup();
		const session = createMemoryStorage();
		await createSessionLocales(api, session).get();
		const next = await createSessionLocales(api, session).get();
		expect(next.map(locale => locale.name)).toContain("Deutsch");
		expect(localeReads()).toBe(1);
		expect(session.getItem(LOCALES_KEY)).toContain("Deutsch");
	});

	it("passes a failed read on and keeps nothing, so the next panel asks again", async () => {
		const { emulator, api, localeReads } = setup();
		const session = createMemoryStorage();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/locales", status: 403, times: 1 });
		await expect(createSessionLocales(api, session).get()).rejects.toBeInstanceOf(ApiError);
		expect(session.getItem(LOCALES_KEY)).toBeNull();
		expect(await createSessionLocales(api, session).get()).toHaveLength(4);
		expect(localeReads()).toBe(2);
	});
});

function world(options: Parameters<typeof setupFollowUp>[0] = {}) {
	const w = setupFollowUp({ ticketId: 2, ...options });
	cleanups.push(() => w.dispose());
	const fieldReads = () => w.emulator.controls.requests().filter(r => r.url.startsWith("/api/v2/ticket_fields"));
	return { ...w, fieldReads };
}

describe("follow-up extras: the titles of the custom fields offered for copying", () => {
	it("are not asked for at panel open, only once the follow-up form opens, and then once", async () => {
		const { model, fieldReads } = world();
		await model.load();
		await settle();
		expect(model.draft.value?.customFields.length).toBeGreaterThan(0);
		expect(fieldReads()).toHaveLength(0);
		expect(model.fields.value.size).toBe(0);
		model.start();
		await settle();
		expect(fieldReads()).toHaveLength(1);
		expect(model.fields.value.get(5101)?.title).toBe("Order number");
		model.start();
		await settle();
		expect(fieldReads()).toHaveLength(1);
	});

	it("are asked for at load when a follow-up draft was left open in this panel before", async () => {
		const storage = createMemoryStorage();
		const first = world({ storage });
		await first.model.load();
		first.model.start();
		await settle();
		expect(createDraftStore(storage, AGENT_ID, 2).load("followUp", v => v !== undefined)).toBeDefined();
		const reopened = world({ storage });
		await reopened.model.load();
		await settle();
		expect(reopened.fieldReads()).toHaveLength(1);
		expect(reopened.model.fields.value.get(5101)?.title).toBe("Order number");
	});
});
