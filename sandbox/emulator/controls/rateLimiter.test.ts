import { afterEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
afterEach(() => h.emulator.dispose());

describe("rate limits", () => {
	it("sends X-Rate-Limit headers on every API answer", async () => {
		h = setupEmulator({ settings: { accountRateLimit: 5 } });
		const res = await h.call("GET", "/api/v2/tickets/1.json");
		expect(res.headers["x-rate-limit"]).toBe("5");
		expect(res.headers["x-rate-limit-remaining"]).toBe("4");
	});

	it("answers 429 text/html with Retry-After over the account limit, until the minute ends", async () => {
		h = setupEmulator({ settings: { accountRateLimit: 2 } });
		h.clock.advance(15_000);
		await h.call("GET", "/api/v2/tickets/1.json");
		await h.call("GET", "/api/v2/tickets/1.json");
		const limited = await h.call("GET", "/api/v2/tickets/1.json");
		expect(limited.status).toBe(429);
		expect(limited.headers["content-type"]).toContain("text/html");
		expect(limited.headers["retry-after"]).toBe("45");
		expect(limited.json).toBeUndefined();
		h.clock.advance(45_000);
		expect((await h.call("GET", "/api/v2/tickets/1.json")).status).toBe(200);
	});

	it("limits updates per user per ticket over 10 minutes with Zendesk's message", async () => {
		h = setupEmulator({ settings: { ticketUpdateRateLimit: 2 } });
		await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "low" } });
		h.clock.advance(60_000);
		await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "high" } });
		const limited = await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "normal" } });
		expect(limited.status).toBe(429);
		expect(limited.text).toBe("Rate limit for ticket updates exceeded, please wait before updating this ticket again");
		expect(limited.headers["retry-after"]).toBe("540");
		expect((await h.call("PUT", "/api/v2/tickets/2.json", { ticket: { priority: "low" } })).status).toBe(200);
		expect(
			(await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "low" } }, { as: "agent@example.com" }))
				.status,
		).toBe(200);
	});

	it("can be switched off and on through the settings control", async () => {
		h = setupEmulator({ settings: { accountRateLimit: 1 } });
		h.emulator.controls.updateSettings({ rateLimits: false });
		await h.call("GET", "/api/v2/tickets/1.json");
		expect((await h.call("GET", "/api/v2/tickets/1.json")).status).toBe(200);
	});
});
