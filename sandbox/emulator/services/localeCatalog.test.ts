import { describe, expect, it } from "vitest";
import { setupEmulator } from "../testSupport";

describe("GET /api/v2/locales", () => {
	it("lists the locales the account enables, in Zendesk's LocaleObject shape", async () => {
		const { call } = setupEmulator();
		const res = await call("GET", "/api/v2/locales.json");
		expect(res.status).toBe(200);
		const locales = (res.json as { locales: Array<Record<string, unknown>> }).locales;
		expect(locales.map(l => l.locale)).toEqual(["en-US", "es", "de", "fr"]);
		expect(locales[0]).toMatchObject({
			id: 1,
			name: "English",
			url: expect.stringMatching(/\/api\/v2\/locales\/en-US\.json$/),
		});
	});

	it("shows one locale by code or id and answers 404 for an unknown one", async () => {
		const { call } = setupEmulator();
		expect((await call("GET", "/api/v2/locales/de.json")).json).toMatchObject({ locale: { id: 8, locale: "de" } });
		expect((await call("GET", "/api/v2/locales/16")).json).toMatchObject({ locale: { locale: "fr" } });
		expect((await call("GET", "/api/v2/locales/xx")).status).toBe(404);
	});
});
