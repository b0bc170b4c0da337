/**
 * The workspace's ZAF host against the real npm SDK in Chromium, through a tiny probe app
 * (e2e/fixtures/protocolApp) served exactly like the real one. Assertions are on what the SDK
 * delivered to the app, on the workspace DOM and on the emulator's state.
 */
import { fileURLToPath } from "node:url";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";

const PROBE = fileURLToPath(new URL("./fixtures/protocolApp", import.meta.url));
const ws = useWorkspace({ appDir: PROBE });

/** What the probe app keeps on its window. */
interface ProbeWindow {
	client: {
		get(paths: string | string[]): Promise<Record<string, unknown>>;
		set(key: string, value: unknown): Promise<Record<string, unknown>>;
		invoke(name: string, ...args: unknown[]): Promise<unknown>;
		request(options: unknown): Promise<Record<string, unknown>>;
	};
	registration?: { metadata: Record<string, unknown>; context: Record<string, unknown> };
	events: Array<{ name: string; payload?: Record<string, unknown> }>;
	hookAnswer: unknown;
}

/** Runs `fn` inside the probe app with its window typed. */
function inApp<T, A = undefined>(app: Frame, fn: (w: ProbeWindow, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
	return app.evaluate(({ source, arg }) => new Function("w", "arg", `return (${source})(w, arg)`)(window, arg), {
		source: fn.toString(),
		arg,
	}) as Promise<T>;
}

async function events(app: Frame) {
	return inApp(app, w => w.events);
}

describe("ZAF host with the npm SDK", () => {
	it("registers the app: handshake in, zaf.app.registered with app.json metadata and the ticket context out", async () => {
		const app = await ws.openTicket(1);
		await app.waitForFunction(() => "registration" in window);
		const registration = await inApp(app, w => w.registration);
		expect(registration?.metadata).toMatchObject({
			appId: 7,
			installationId: 4242,
			name: "Protocol probe",
			settings: { title: "Protocol probe", greeting: "hello", defaultGroup: 5 },
		});
		expect(registration?.context).toMatchObject({ product: "support", location: "ticket_sidebar", ticketId: 1 });
		const url = new URL(app.url());
		expect(url.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(url.searchParams.get("origin")).toBe(ws.sandbox.workspaceUrl);
		const log = await ws.protocolLog();
		const keys = log.map(e => `${e.direction} ${String((e.message as Record<string, unknown> | null)?.["key"] ?? "")}`);
		expect(keys.indexOf("in iframe.handshake")).toBeGreaterThanOrEqual(0);
		expect(keys.indexOf("out zaf.app.registered")).toBeGreaterThan(keys.indexOf("in iframe.handshake"));
		expect(await events(app)).toContainEqual({ name: "app.activated", payload: { firstLoad: true } });
	});

	it("applies invoke('resize') to the iframe", async () => {
		const app = await ws.openTicket(1);
		await inApp(app, w => w.client.invoke("resize", { width: "100%", height: "321px" }));
		const frameBox = () => ws.page.locator("[data-testid=app-frame]").evaluate(e => e.getBoundingClientRect().height);
		await expect.poll(frameBox).toBe(321);
		await inApp(app, w => w.client.invoke("resize", { height: 150 }));
		await expect.poll(frameBox).toBe(150);
	});

	it("answers get with values and per-path errors, and rejects a single unknown path", async () => {
		const app = await ws.openTicket(1);
		const bulk = await inApp(app, w =>
			w.client.get(["ticket.id", "ticket.status", "ticket.requester.email", "currentUser.email", "ticket.nope"]),
		);
		expect(bulk).toMatchObject({
			"ticket.id": 1,
			"ticket.status": "open",
			"ticket.requester.email": "olivia.bennett@example.org",
			"currentUser.email": "agent@example.com",
			errors: { "ticket.nope": { name: "APIUnavailable", path: "ticket.nope" } },
		});
		const single = await inApp(app, w =>
			w.client.get("ticket.nope").then(
				() => "resolved",
				(e: Error) => `${e.name}: ${e.message}`,
			),
		);
		expect(single).toBe('APIUnavailable: "ticket.nope" Could not find API for ticket.nope');
	});

	it("relays requests to the emulator: done with httpCompleteResponse, fail with the 404 body", async () => {
		const app = await ws.openTicket(1);
		const done = await inApp(app, w => w.client.request({ url: "/api/v2/tickets/1.json", httpCompleteResponse: true }));
		expect(done["status"]).toBe(200);
		expect(done["responseJSON"]).toMatchObject({ ticket: { id: 1 } });
		const failed = await inApp(app, w =>
			w.client.request({ url: "/api/v2/tickets/999999.json", type: "GET" }).then(
				() => null,
				(xhr: Record<string, unknown>) => xhr,
			),
		);
		expect(failed).toMatchObject({ status: 404, responseJSON: { error: "RecordNotFound" } });
		await ws.waitForProtocol(e => (e.message as Record<string, unknown>)?.["key"] === "zaf.request:2.fail");
	});

	it("runs the app's requests as the identity chosen in 'signed in as'", async () => {
		const app = await ws.openTicket(1, { as: "light_agent" });
		const me = await inApp(app, w => w.client.request("/api/v2/users/me.json"));
		expect(me).toMatchObject({ user: { email: "light@example.com" } });
		expect(await ws.page.locator("[data-testid=signed-in-as]").inputValue()).toBe("light_agent");
	});

	it("delivers ticket.updated when another agent changes the ticket, and the workspace shows the change", async () => {
		const app = await ws.openTicket(1);
		await app.waitForFunction(() => "registration" in window);
		await expect.poll(() => ws.page.evaluate(() => window.__workspace?.subscriberCount("ticket.updated"))).toBe(1);
		const res = await fetch(`${ws.sandbox.emulatorUrl}/__sandbox/act-as`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ ticketId: 1, changes: { subject: "Changed in another tab" } }),
		});
		expect(res.status).toBe(200);
		await app.waitForFunction(() => (window as unknown as ProbeWindow).events.some(e => e.name === "ticket.updated"));
		const updated = (await events(app)).find(e => e.name === "ticket.updated");
		expect(updated?.payload).toMatchObject({ ticketId: 1 });
		expect(updated?.payload?.["updatedBy"]).not.toBe(1002);
		await expect.poll(() => ws.page.textContent("[data-testid=ticket-subject]")).toBe("Changed in another tab");
		expect(await inApp(app, w => w.client.get("ticket.subject"))).toMatchObject({
			"ticket.subject": "Changed in another tab",
		});
	});

	it("set changes the open form; Submit saves it only when the ticket.save hook allows", async () => {
		const app = await ws.openTicket(1);
		await inApp(app, w => w.client.set("ticket.status", "pending"));
		await expect.poll(() => ws.page.textContent("[data-testid=form-edits]")).toContain('ticket.status: "pending"');
		await inApp(app, w => void (w.hookAnswer = "Pick a reason first"));
		await ws.page.click("[data-testid=submit-ticket]");
		await expect(ws.page.locator("[data-testid=toast][data-kind=error]").first().textContent()).resolves.toBe(
			"Pick a reason first",
		);
		expect((await ws.ticket(1))["status"]).toBe("open");
		await inApp(app, w => void (w.hookAnswer = true));
		await ws.page.click("[data-testid=submit-ticket]");
		await expect.poll(async () => (await ws.ticket(1))["status"]).toBe("pending");
		await expect.poll(async () => (await events(app)).map(e => e.name)).toContain("ticket.submit.done");
		await expect.poll(() => ws.page.textContent("[data-testid=ticket-status]")).toBe("pending");
	});

	it("shows invoke('notify') as a toast and follows invoke('routeTo') to another ticket", async () => {
		const app = await ws.openTicket(1);
		await inApp(app, w => w.client.invoke("notify", "Follow-up created", "notice"));
		await expect(ws.page.getByText("Follow-up created").isVisible()).resolves.toBe(true);
		await inApp(app, w => void w.client.invoke("routeTo", "ticket", 2));
		await ws.page.waitForURL(/\/tickets\/2$/);
		await ws.page.waitForFunction(() => window.__workspace?.ticketId() === 2 && window.__workspace.isRegistered());
		const next = await ws.appFrame();
		await next.waitForFunction(() => "registration" in window);
		expect((await inApp(next, w => w.registration))?.context).toMatchObject({ ticketId: 2 });
	});
});
