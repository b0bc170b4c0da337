import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { faultPathMatches } from "./faults";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

describe("faultPathMatches", () => {
	const cases: Array<[pattern: string, url: string, expected: boolean]> = [
		["/api/v2/tickets/1", "/api/v2/tickets/1.json?include=users", true],
		["/api/v2/tickets/1.json", "/api/v2/tickets/1", true],
		["/api/v2/tickets/1", "/api/v2/tickets/12.json", false],
		["/api/v2/tickets/*", "/api/v2/tickets/12.json", true],
		["/api/v2/tickets/*", "/api/v2/tickets/12/comments.json", false],
		["/api/v2/**", "/api/v2/tickets/12/comments.json", true],
		["re:^/api/v2/tickets/\\d+$", "/api/v2/tickets/7.json", true],
		["/^\\/api\\/v2\\/users\\/\\d+$/", "/api/v2/users/1101.json", true],
		["/^\\/api\\/v2\\/users\\/\\d+$/", "/api/v2/users/me.json", false],
	];
	it.each(cases)("%s vs %s → %s", (pattern, url, expected) => {
		expect(faultPathMatches(pattern, url)).toBe(expected);
	});
});

describe("fault injection", () => {
	it("answers 409 DatabaseConflict by default for a 409 fault, the given number of times", async () => {
		await h.call(
			"POST",
			"/__sandbox/faults",
			{ method: "PUT", path: "/api/v2/tickets/1", status: 409, times: 1 },
			{ as: null },
		);
		const faulted = await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "low" } });
		expect(faulted.status).toBe(409);
		expect(faulted.json).toEqual({ error: "DatabaseConflict", description: "Database collision" });
		expect(h.emulator.db.tickets.find(t => t.id === 1)?.priority).toBe("urgent");
		expect((await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "low" } })).status).toBe(200);
	});

	it("answers 429 and 503 as text with Retry-After", async () => {
		h.emulator.controls.addFault({ path: "/api/v2/tickets/*", status: 429, retryAfter: 7, times: 1 });
		h.emulator.controls.addFault({ path: "/api/v2/users/**", status: 503, retryAfter: 3 });
		const limited = await h.call("GET", "/api/v2/tickets/1.json");
		expect(limited.status).toBe(429);
		expect(limited.headers["retry-after"]).toBe("7");
		expect(limited.headers["content-type"]).toContain("text/html");
		const down = await h.call("GET", "/api/v2/users/me.json");
		expect(down.status).toBe(503);
		expect((await h.call("GET", "/api/v2/users/me.json")).status).toBe(503);
	});

	it("uses a custom body and headers", async () => {
		h.emulator.controls.addFault({
			method: "GET",
			path: "/api/v2/tickets/2",
			status: 422,
			body: { error: "Custom" },
			headers: { "X-Test": "1" },
		});
		const res = await h.call("GET", "/api/v2/tickets/2.json");
		expect(res.json).toEqual({ error: "Custom" });
		expect(res.headers["x-test"]).toBe("1");
	});

	it("cuts the connection with drop", async () => {
		h.emulator.controls.addFault({ path: "/api/v2/tickets/1", drop: true, times: 1 });
		const res = await h.call("GET", "/api/v2/tickets/1.json");
		expect(res.raw.dropped).toBe(true);
	});

	it("delays the real answer with delayMs alone", async () => {
		h.emulator.controls.addFault({ path: "/api/v2/tickets/1", delayMs: 60, times: 1 });
		const started = Date.now();
		const res = await h.call("GET", "/api/v2/tickets/1.json");
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(50);
	});

	it("matches by method and is removed by DELETE /__sandbox/faults", async () => {
		h.emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/1", status: 500 });
		expect((await h.call("GET", "/api/v2/tickets/1.json")).status).toBe(200);
		expect((await h.call("PUT", "/api/v2/tickets/1.json", { ticket: {} })).status).toBe(500);
		await h.call("DELETE", "/__sandbox/faults", undefined, { as: null });
		expect((await h.call("PUT", "/api/v2/tickets/1.json", { ticket: {} })).status).toBe(200);
	});

	it("refuses an invalid fault with 400", async () => {
		expect((await h.call("POST", "/__sandbox/faults", { status: 500 }, { as: null })).status).toBe(400);
		expect(() => h.emulator.controls.addFault({ path: "/x" })).toThrow(/invalid fault/);
	});

	it("logs faulted requests", async () => {
		h.emulator.controls.addFault({ path: "/api/v2/tickets/1", status: 503, times: 1 });
		await h.call("GET", "/api/v2/tickets/1.json");
		expect(h.emulator.controls.requests()[0]).toMatchObject({ status: 503, fault: true, method: "GET" });
	});
});
