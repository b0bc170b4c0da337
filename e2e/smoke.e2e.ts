/**
 * Smoke test of the real thing: the built app (dist/) in the workspace, loaded cross-origin with
 * the npm SDK, on a seeded ticket. It checks that the app's shell renders and that the workspace
 * shows the ticket's data — not any feature's details (feature e2e tests do that).
 */
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";

const ws = useWorkspace();

describe("workspace smoke", () => {
	it("opens a ticket from the list, shows its data, and the app renders its sections", async () => {
		await ws.openList();
		await ws.page.locator("[data-testid=ticket-row][data-ticket-id='1'] a").click();
		await ws.page.waitForURL(/\/tickets\/1$/);
		await ws.page.waitForFunction(() => window.__workspace?.isRegistered() === true);
		const ticket = await ws.ticket(1);
		expect(await ws.page.textContent("[data-testid=ticket-subject]")).toBe(ticket["subject"]);
		expect(await ws.page.textContent("[data-testid=ticket-status]")).toBe(ticket["status"]);
		expect(await ws.page.locator("[data-testid=ticket-ccs] li").count()).toBe(
			(ticket["email_cc_ids"] as unknown[]).length,
		);
		expect(await ws.page.locator("[data-testid=comment]").count()).toBeGreaterThan(0);
		expect(await ws.page.locator("[data-testid=audit]").count()).toBeGreaterThan(0);

		const app = await ws.appFrame();
		for (const section of ["Follow-up", "People", "Fields", "Metadata"]) {
			await app.getByRole("heading", { name: section }).waitFor();
		}
		// The app sized its iframe through invoke('resize') (the default height is 80 px).
		await expect
			.poll(() => ws.page.locator("[data-testid=app-frame]").evaluate(e => e.getBoundingClientRect().height))
			.toBeGreaterThan(80);
	});

	it("switches the signed-in agent from the header; every request then runs as that user, also after a reload", async () => {
		const app = await ws.openTicket(1);
		for (const section of [".zd-followup", ".zd-glance"]) await app.locator(section).first().waitFor();
		await ws.appSettled();
		const users = async () => {
			const log = await ws.api<{ requests: Array<{ user: string | null }> }>("GET", "/__sandbox/requests");
			return new Set(log.json.requests.map(r => r.user));
		};
		const ready = async () => {
			await ws.page.waitForSelector("body[data-ready=true]");
			await ws.page.waitForFunction(() => window.__workspace?.isRegistered() === true);
			await ws.appSettled();
		};
		await ws.api("DELETE", "/__sandbox/requests");
		await Promise.all([ws.page.waitForEvent("load"), ws.page.selectOption("[data-testid=signed-in-as]", "admin")]);
		await ready();
		expect(await ws.page.evaluate(() => window.__workspace?.signedInAs()?.email)).toBe("admin@example.com");
		await expect.poll(users).toContain("admin@example.com");
		// A request the agent's page had already sent may still land after the switch (a page cannot
		// take back what reached Zendesk), so the strict check starts from a quiet, admin-only page:
		// everything the reloaded page and its app ask for runs as the admin, nothing as the agent.
		await ws.api("DELETE", "/__sandbox/requests");
		await ws.page.reload();
		await ready();
		expect(await ws.page.locator("[data-testid=signed-in-as]").inputValue()).toBe("admin");
		await expect.poll(users).toContain("admin@example.com");
		expect([...(await users())]).toEqual(["admin@example.com"]);
	});

	it("says so when the ticket does not exist", async () => {
		await ws.page.goto(`${ws.sandbox.workspaceUrl}/tickets/987654`);
		await ws.page.waitForSelector("body[data-ready=true]");
		expect(await ws.page.textContent("[data-testid=view-error]")).toContain("does not exist");
		expect(await ws.page.locator("[data-testid=app-frame]").count()).toBe(0);
	});
});
