import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../platform/api/client";
import { READ_MAX_ATTEMPTS, withReadRetries } from "./withReadRetries";
import type { Wait } from "./waitClock";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function setup() {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, ticketId: 1, requestTimeoutMs: 200 });
	const sleeps: number[] = [];
	const waits: Array<Wait | null> = [];
	const api = createZendeskApi(
		withReadRetries(port, {
			sleep: async ms => void sleeps.push(ms),
			random: () => 0.5,
			onWaitChange: wait => waits.push(wait),
		}),
	);
	cleanups.push(() => {
		client.close();
		emulator.dispose();
	});
	const attempts = (method: string, path: string) =>
		emulator.controls.requests().filter(r => r.method === method && r.url.startsWith(path)).length;
	return { emulator, api, sleeps, waits, attempts };
}

describe("withReadRetries", () => {
	it.each([
		["a 503", { status: 503 }],
		["a dropped connection", { drop: true }],
		["a 409 DatabaseConflict", { status: 409, body: { error: "DatabaseConflict", description: "Database collision" } }],
		["a timeout", { delayMs: 400 }],
	])("reads the ticket again after %s", async (_name, fault) => {
		const { emulator, api, attempts } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", times: 1, ...fault });
		const { ticket } = await api.getTicket(1);
		expect(ticket.id).toBe(1);
		// The timed-out request is logged when the emulator finally answers it.
		if ("delayMs" in fault) await new Promise(resolve => setTimeout(resolve, fault.delayMs));
		expect(attempts("GET", "/api/v2/tickets/1")).toBe(2);
	});

	it("gives up after a bounded number of tries with the last error", async () => {
		const { emulator, api, attempts } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", status: 503 });
		await expect(api.getTicket(1)).rejects.toMatchObject({ kind: "server" });
		expect(attempts("GET", "/api/v2/tickets/1")).toBe(READ_MAX_ATTEMPTS);
	});

	it("waits out a 429's Retry-After (text/html body) and reports the wait while it lasts", async () => {
		const { emulator, api, sleeps, waits } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", status: 429, retryAfter: 7, times: 1 });
		await api.getTicket(1);
		expect(sleeps).toHaveLength(1);
		expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
		expect(sleeps[0]).toBeLessThanOrEqual(8000);
		expect(waits.map(w => w?.reason ?? null)).toEqual(["rate_limited", null]);
	});

	it("does not sit out a very long Retry-After on a read", async () => {
		const { emulator, api, attempts } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", status: 429, retryAfter: 600, times: 1 });
		await expect(api.getTicket(1)).rejects.toMatchObject({ kind: "rate_limited", retryAfterSeconds: 600 });
		expect(attempts("GET", "/api/v2/tickets/1")).toBe(1);
	});

	it("never repeats a write, whatever went wrong", async () => {
		const { emulator, api, attempts } = setup();
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/1", status: 503, times: 1 });
		await expect(api.updateTicket(1, { priority: "low" })).rejects.toMatchObject({ kind: "server" });
		expect(attempts("PUT", "/api/v2/tickets/1")).toBe(1);
	});

	it("does not retry answers a retry cannot change (404)", async () => {
		const { api, attempts } = setup();
		await expect(api.getTicket(999)).rejects.toMatchObject({ kind: "not_found" });
		expect(attempts("GET", "/api/v2/tickets/999")).toBe(1);
	});
});
