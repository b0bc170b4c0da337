import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { basicTokenHeader } from "../routes/auth";
import { setupEmulator, type EmulatorHarness } from "../testSupport";
import type { EmulatorChange } from "../types";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const sandbox = (method: string, path: string, body?: unknown) =>
	h.call(method, `/__sandbox/${path}`, body, { as: null });

describe("change as another agent", () => {
	it("always produces a newer updated_at, even within the same second, so a safe update conflicts", async () => {
		const read = await h.call("GET", "/api/v2/tickets/1.json");
		await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "high" } });
		const mine = (await h.call("GET", "/api/v2/tickets/1.json")).json.ticket.updated_at;
		expect(mine).toBe("2025-03-03T10:00:00Z");
		const other = await sandbox("POST", "act-as", { ticketId: 1, changes: { subject: "Changed elsewhere" } });
		expect(other.status).toBe(200);
		expect(other.json.ticket.updated_at).toBe("2025-03-03T10:00:01Z");
		expect(other.json.audit.author_id).toBe(1003);
		const conflict = await h.call("PUT", "/api/v2/tickets/1.json", {
			ticket: { safe_update: true, updated_stamp: mine, comment: { body: "mine" } },
		});
		expect(conflict.status).toBe(409);
		expect(read.json.ticket.updated_at).not.toBe(other.json.ticket.updated_at);
	});

	it("acts as the given user and adds a private note by default", async () => {
		const res = h.emulator.controls.actAs({ ticketId: 1, as: "kenji@example.com" });
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		expect(res.audit?.author_id).toBe(1004);
		expect((res.audit?.events as Array<Record<string, unknown>>)[0]).toMatchObject({ type: "Comment", public: false });
	});

	it("follows the ticket rules (closed tickets refuse, unknown tickets are not found)", async () => {
		expect((await sandbox("POST", "act-as", { ticketId: 7, changes: { priority: "low" } })).status).toBe(422);
		expect((await sandbox("POST", "act-as", { ticketId: 999 })).status).toBe(404);
		expect((await sandbox("POST", "act-as", {})).status).toBe(400);
	});
});

describe("reset and worlds", () => {
	it("restores the world and clears faults, the request log and settings", async () => {
		await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { subject: "changed" } });
		h.emulator.controls.addFault({ path: "/x", status: 500 });
		h.emulator.controls.updateSettings({ jobStepMs: 1 });
		expect((await sandbox("POST", "reset", {})).json).toEqual({ world: "default" });
		expect(h.emulator.db.tickets.find(t => t.id === 1)?.subject).toBe("Printer is on fire");
		expect(h.emulator.controls.faults()).toEqual([]);
		expect(h.emulator.controls.requests()).toEqual([]);
		expect(h.emulator.controls.settings().jobStepMs).toBe(100);
	});

	it("loads another world by name and lists the worlds", async () => {
		const worlds = await sandbox("GET", "worlds");
		expect(worlds.json.worlds.map((w: { name: string }) => w.name)).toEqual([
			"default",
			"collaboratorsLegacy",
			"empty",
		]);
		await sandbox("POST", "reset", { world: "empty" });
		expect(h.emulator.worldName).toBe("empty");
		expect((await h.call("GET", "/api/v2/tickets.json")).json.tickets).toEqual([]);
		expect(() => h.emulator.reset("nope")).toThrow(/unknown world/);
	});

	it("keeps worlds independent: changes never leak into the next reset or emulator", async () => {
		h.emulator.db.tickets[0]!.subject = "mutated";
		h.emulator.reset();
		expect(h.emulator.db.tickets[0]?.subject).toBe("Printer is on fire");
		const other = setupEmulator();
		expect(other.emulator.db.tickets[0]?.subject).toBe("Printer is on fire");
		other.emulator.dispose();
	});
});

describe("settings, state and request log", () => {
	it("changes CCs-and-followers and reports it in account settings", async () => {
		const res = await sandbox("POST", "settings", { ccsAndFollowers: false, bogus: 1 });
		expect(res.json.ignored).toEqual(["bogus"]);
		const account = await h.call("GET", "/api/v2/account/settings.json");
		expect(account.json.settings.tickets.follower_and_email_cc_collaborations).toBe(false);
		expect(account.json.settings.tickets.collaboration).toBe(true);
		expect(account.json.settings.limits.attachment_size).toBe(52_428_800);
	});

	it("dumps the state as JSON without passwords", async () => {
		const res = await sandbox("GET", "state");
		expect(res.json.world).toBe("default");
		expect(res.json.tickets).toHaveLength(15);
		expect(res.json.account.passwords).toBeUndefined();
		expect(Object.values(res.json.blobs)).toContainEqual({ size: 70 });
	});

	it("logs API requests with method, url, user and status, and clears the log", async () => {
		await h.call("GET", "/api/v2/tickets/1.json", undefined, { as: "agent@example.com" });
		await h.call("GET", "/api/v2/tickets/1.json", undefined, { as: null });
		await sandbox("GET", "state");
		const log = (await sandbox("GET", "requests")).json.requests;
		expect(
			log.map((e: { method: string; url: string; user: string | null; status: number }) => [
				e.method,
				e.url,
				e.user,
				e.status,
			]),
		).toEqual([
			["GET", "/api/v2/tickets/1.json", "agent@example.com", 200],
			["GET", "/api/v2/tickets/1.json", null, 401],
		]);
		await sandbox("DELETE", "requests");
		expect(h.emulator.controls.requests()).toEqual([]);
	});

	it("tells the host's own reads (x-sandbox-client: host) from the app's requests in the log", async () => {
		await h.emulator.handle({
			method: "GET",
			url: "/api/v2/tickets/1.json",
			headers: { authorization: basicTokenHeader("agent@example.com"), "X-Sandbox-Client": "host" },
		});
		await h.call("GET", "/api/v2/tickets/1.json", undefined, { as: "agent@example.com" });
		expect(h.emulator.controls.requests().map(e => e.client)).toEqual(["host", "app"]);
	});

	it("answers sandbox routes with CORS headers", async () => {
		expect((await sandbox("OPTIONS", "reset")).headers["access-control-allow-origin"]).toBe("*");
		expect((await sandbox("GET", "worlds")).headers["access-control-allow-origin"]).toBe("*");
	});
});

describe("change notifications", () => {
	it("notifies listeners of ticket, user, upload, job and reset changes with the actor", async () => {
		const changes: EmulatorChange[] = [];
		const stop = h.emulator.onChange(c => changes.push(c));
		await h.call(
			"PUT",
			"/api/v2/tickets/1.json",
			{ ticket: { email_ccs: [{ user_email: "new.cc@example.org" }] } },
			{ as: "agent@example.com" },
		);
		await h.call("POST", "/api/v2/tickets.json?async=true", { ticket: { comment: { body: "x" } } });
		h.emulator.controls.flushJobs();
		h.emulator.reset();
		stop();
		await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "low" } });
		expect(changes).toContainEqual({ type: "ticket", id: 1, actorId: 1002 });
		expect(changes).toContainEqual(expect.objectContaining({ type: "user" }));
		expect(changes).toContainEqual({ type: "ticket", id: 16, actorId: 1001 });
		expect(changes.filter(c => c.type === "job").length).toBeGreaterThanOrEqual(2);
		expect(changes.at(-1)).toEqual({ type: "reset" });
	});

	it("isolates a failing listener from the others", async () => {
		const seen: string[] = [];
		h.emulator.onChange(() => {
			throw new Error("boom");
		});
		h.emulator.onChange(c => seen.push(c.type));
		const original = console.error;
		console.error = () => undefined;
		try {
			await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { priority: "low" } });
		} finally {
			console.error = original;
		}
		expect(seen).toEqual(["ticket"]);
	});
});
