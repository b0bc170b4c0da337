/**
 * Tickets the agent can't change, end to end: a closed ticket and a light agent on someone else's
 * ticket. The built app in the workspace over the real ZAF protocol, against the emulator: People
 * and Fields show the ticket read-only with the reason, nothing offers a change, and nothing is sent.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { ticketPuts, clear: clearRequests } = requestLog(ws);

/** Controls inside the People and Fields sections an agent could change something with. */
const editableControls = (app: Frame) =>
	app.locator(".zd-people, .zd-fields").locator("input, select, textarea, button, [role=combobox]");

describe("a ticket the agent can't change", () => {
	it("shows closed ticket 7 read-only in People and Fields, says why, and keeps the follow-up offered", async () => {
		const app = await ws.openTicket(7);
		await clearRequests();
		// One reason at the top; the glances offer only to show what is there.
		const banner = app.getByTestId("ticket-locked");
		await banner.waitFor();
		expect(await banner.textContent()).toBe(
			"This ticket is closed: Zendesk accepts no changes to it. Create a follow-up instead.",
		);
		expect(await app.getByRole("button", { name: /^Edit / }).count()).toBe(0);
		await ws.click(app.getByRole("button", { name: "Show everyone" }));
		await ws.click(app.getByRole("button", { name: "Show values" }));
		const people = app.getByTestId("people-locked");
		const fields = app.getByTestId("fields-locked");
		await people.waitFor();
		await fields.waitFor();
		await ws.appSettled();
		for (const reason of [people, fields])
			expect(await reason.textContent()).toBe(
				"This ticket is closed: Zendesk accepts no changes to it. Create a follow-up instead (Follow-up section above).",
			);
		expect(await editableControls(app).count()).toBe(0);
		// The lists and the values are still there.
		expect(await app.locator('.zd-people__group[data-list="ccs"] .zd-person').count()).toBe(2);
		expect(await app.locator(".zd-fields__values dt").count()).toBeGreaterThan(0);
		// The follow-up is what the agent can do instead.
		await app.getByRole("button", { name: "Create follow-up" }).waitFor();
		expect(await ticketPuts(7)).toHaveLength(0);
	});

	it("offers a light agent nothing on ticket 1 (someone else's), with the documented reason in their language", async () => {
		// Lena Hoffmann, the world's light agent, uses German.
		const app = await ws.openTicket(1, { as: "light_agent" });
		await clearRequests();
		const banner = app.getByTestId("ticket-locked");
		await banner.waitFor();
		expect(await banner.textContent()).toContain("Light-Agents können nur interne Kommentare hinzufügen");
		expect(await app.getByRole("button", { name: /bearbeiten$/ }).count()).toBe(0);
		// No bulk change of related tickets either: every one is a property change.
		expect(await app.getByTestId("bulk-locked").textContent()).toContain("Light-Agents können CCs, Tags oder Felder");
		expect(await app.getByRole("button", { name: "Verwandte Tickets anzeigen" }).count()).toBe(0);
		await ws.click(app.getByRole("button", { name: "Alle anzeigen" }));
		await ws.click(app.getByRole("button", { name: "Werte anzeigen" }));
		const people = app.getByTestId("people-locked");
		await people.waitFor();
		await app.getByTestId("fields-locked").waitFor();
		await ws.appSettled();
		expect(await people.textContent()).toContain("Light-Agents können nur interne Kommentare hinzufügen");
		expect(await editableControls(app).count()).toBe(0);
		expect(await app.locator(".zd-people .zd-person").count()).toBe(3);
		expect(await ticketPuts(1)).toHaveLength(0);
	});
});
