import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const post = (body: unknown, key: string, as?: string, url = "/api/v2/tickets.json") =>
	h.call("POST", url, body, { as, headers: { "idempotency-key": key } });

describe("Idempotency-Key on ticket creation", () => {
	it("answers miss first, then replays the same answer with hit and creates nothing more", async () => {
		const body = { ticket: { comment: { body: "once" } } };
		const first = await post(body, "k1");
		expect(first.headers["x-idempotency-lookup"]).toBe("miss");
		const second = await post(body, "k1");
		expect(second.status).toBe(201);
		expect(second.headers["x-idempotency-lookup"]).toBe("hit");
		expect(second.json).toEqual(first.json);
		expect(h.emulator.db.tickets).toHaveLength(16);
	});

	it("refuses the same key with another body with 400 IdempotentRequestError", async () => {
		await post({ ticket: { comment: { body: "one" } } }, "k2");
		const res = await post({ ticket: { comment: { body: "two" } } }, "k2");
		expect(res.status).toBe(400);
		expect(res.json.error).toBe("IdempotentRequestError");
		expect(h.emulator.db.tickets).toHaveLength(16);
	});

	it("forgets keys after two hours", async () => {
		const body = { ticket: { comment: { body: "once" } } };
		await post(body, "k3");
		h.clock.advance(2 * 60 * 60 * 1000);
		expect((await post(body, "k3")).headers["x-idempotency-lookup"]).toBe("miss");
		expect(h.emulator.db.tickets).toHaveLength(17);
	});

	it("scopes keys per user", async () => {
		const body = { ticket: { comment: { body: "once" } } };
		await post(body, "k4");
		expect((await post(body, "k4", "agent@example.com")).headers["x-idempotency-lookup"]).toBe("miss");
	});

	it("replays 4xx answers too", async () => {
		const body = { ticket: { subject: "no comment" } };
		expect((await post(body, "k5")).status).toBe(422);
		const again = await post(body, "k5");
		expect(again.status).toBe(422);
		expect(again.headers["x-idempotency-lookup"]).toBe("hit");
	});

	it("covers async creates", async () => {
		const body = { ticket: { comment: { body: "async" } } };
		const first = await post(body, "k6", undefined, "/api/v2/tickets.json?async=true");
		const second = await post(body, "k6", undefined, "/api/v2/tickets.json?async=true");
		expect(second.json.job_status.id).toBe(first.json.job_status.id);
		expect(h.emulator.db.jobs).toHaveLength(1);
	});
});
