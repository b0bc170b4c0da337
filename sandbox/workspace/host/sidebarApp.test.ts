import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildAppJson } from "../server/appSource";
import { sidebarApp } from "./sidebarApp";

const PROBE = fileURLToPath(new URL("../../../e2e/fixtures/protocolApp", import.meta.url));
const APP_ORIGIN = "http://127.0.0.1:4301";

describe("buildAppJson", () => {
	it("builds zcli's app.json from the manifest and zcli.apps.config.json", () => {
		const appJson = buildAppJson(PROBE, APP_ORIGIN);
		expect(appJson.apps[0]).toMatchObject({
			name: "Protocol probe",
			id: "7",
			asset_url_prefix: "http://127.0.0.1:4301/7/assets/",
			framework_version: "2.0",
			locations: { support: { ticket_sidebar: { url: "assets/iframe.html", flexible: true } } },
		});
		expect(appJson.installations[0]).toMatchObject({
			app_id: "7",
			id: 4242,
			// zcli's shape: the title first, then one object per parameter (config value, else manifest default).
			settings: [{ title: "Protocol probe" }, { greeting: "hello" }, { defaultGroup: 5 }],
		});
	});

	it("explains that the app must be built when there is no manifest", () => {
		expect(() => buildAppJson("/nonexistent", APP_ORIGIN)).toThrow(/build the app first/);
	});
});

describe("sidebarApp", () => {
	it("loads the location under the asset prefix with the exact workspace origin and the app guid", () => {
		const app = sidebarApp(buildAppJson(PROBE, APP_ORIGIN), "http://localhost:4300", "guid-9");
		expect(app.url).toBe(
			"http://127.0.0.1:4301/7/assets/iframe.html?origin=http%3A%2F%2Flocalhost%3A4300&app_guid=guid-9",
		);
		expect(new URL(app.url).searchParams.get("origin")).toBe("http://localhost:4300");
		expect(app.origin).toBe(APP_ORIGIN);
		expect(app.metadata).toEqual({
			appId: 7,
			installationId: 4242,
			name: "Protocol probe",
			version: "0.0.1",
			settings: { title: "Protocol probe", greeting: "hello", defaultGroup: 5 },
		});
	});

	it("uses an absolute location URL as it is and honours flexible: false", () => {
		const appJson = buildAppJson(PROBE, APP_ORIGIN);
		const location = appJson.apps[0]!.locations["support"]!;
		location["ticket_sidebar"] = { url: "http://localhost:3000/", flexible: false };
		const app = sidebarApp(appJson, "http://localhost:4300", "g");
		expect(app.url).toBe("http://localhost:3000/?origin=http%3A%2F%2Flocalhost%3A4300&app_guid=g");
		expect(app.flexible).toBe(false);
	});
});
