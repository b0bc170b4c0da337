import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import { ApiError } from "../../platform/api/errors";
import { createMemoryStorage } from "../../platform/storage/createDraftStore";
import { createSessionLocales, LOCALES_KEY } from "./createSessionLocales";

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
