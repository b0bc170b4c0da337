/**
 * Bulk safe updates across related tickets, end to end: the built app in the workspace, against
 * the emulator. Problem 14 of the default world has three incidents (11, 12, 15). While the agent
 * applies a CC and a field value to all three, another agent changes one of them: every incident
 * ends with the CC and the value, the other agent's change is intact, and the work is one
 * update_many job plus one retry for the conflicted ticket, with an outcome per ticket.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { all: allRequests, clear: clearRequests } = requestLog(ws);
const ORDER_FIELD = "5101";

const updateManyJobs = async () =>
	(await allRequests()).filter(r => r.method === "PUT" && r.url.includes("update_many"));

async function openRelated(id: number): Promise<Frame> {
	const app = await ws.openTicket(id);
	await ws.click(app.getByRole("button", { name: "Show related tickets" }));
	await app.locator(".zd-bulk__list").waitFor();
	await ws.appSettled();
	return app;
}

describe("bulk updates of related tickets", () => {
	it("applies a CC and a field value to a problem's three incidents; the one another agent changed is retried alone", async () => {
		const app = await openRelated(14);
		for (const id of [11, 12, 15]) {
			const row = app.locator(".zd-bulk__row", { hasText: `#${id}` });
			await ws.check(row.getByRole("checkbox"));
		}
		await app.getByLabel("Add email CCs").fill("olivia.bennett@example.org");
		await app.getByLabel("Set a field").selectOption({ label: "Order number" });
		await app.getByLabel("Value").fill("PO-2026");
		await ws.appSettled();
		// Slow jobs, so the other agent's save lands while the job is under way.
		await ws.api("POST", "/__sandbox/settings", { body: { jobStepMs: 1500 } });
		await clearRequests();
		await ws.click(app.getByRole("button", { name: /Apply to selected tickets \(3\)/ }));
		for (let i = 0; i < 100 && (await updateManyJobs()).length === 0; i++) await new Promise(r => setTimeout(r, 50));
		const before = await ws.ticket(12);
		const answer = await ws.api("POST", "/__sandbox/act-as", {
			body: { ticketId: 12, changes: { tags: [...(before["tags"] as string[]), "theirs"] } },
		});
		expect(answer.status).toBe(200);
		await app.getByText("Updated after someone else's change.").waitFor({ timeout: 30_000 });
		await app.locator(".zd-bulk__outcome").nth(2).waitFor();
		const outcomes = await app.locator(".zd-bulk__outcome").allTextContents();
		expect(outcomes.filter(text => text === "Updated.")).toHaveLength(2);
		expect(outcomes.filter(text => text === "Updated after someone else's change.")).toHaveLength(1);
		const state = await ws.emulatorState();
		const olivia = (state["users"] as Array<{ id: number; email: string }>).find(
			u => u.email === "olivia.bennett@example.org",
		)!.id;
		for (const id of [11, 12, 15]) {
			const ticket = await ws.ticket(id);
			expect(ticket["email_cc_ids"]).toContain(olivia);
			const value = (ticket["custom_fields"] as Array<{ id: number; value: unknown }>).find(
				f => String(f.id) === ORDER_FIELD,
			);
			expect(value?.value).toBe("PO-2026");
		}
		expect((await ws.ticket(12))["tags"]).toContain("theirs");
		const jobs = await updateManyJobs();
		expect(jobs.map(r => r.status)).toEqual([200, 200]);
	});

	it("is keyboard-usable: select all, type a tag, apply, and open a ticket from its link", async () => {
		const app = await openRelated(14);
		await app.getByRole("button", { name: "Select all" }).focus();
		await ws.page.keyboard.press("Enter");
		await app.getByLabel("Add tags").focus();
		await ws.page.keyboard.type("kb-bulk");
		await app.getByRole("button", { name: /Apply to selected tickets/ }).focus();
		await ws.page.keyboard.press("Enter");
		await app.getByText("Updated.").first().waitFor({ timeout: 30_000 });
		expect((await ws.ticket(11))["tags"]).toContain("kb-bulk");
		await app.getByRole("button", { name: "#15" }).focus();
		// Enter goes down in the app; the workspace routes (pushState) and replaces the app's iframe
		// for ticket 15, so the key comes up in the workspace page. A whole press would send its
		// keyup to the iframe being removed, and Chromium may then never answer it (a press has no
		// timeout). The navigation is what is asserted, not the next page's load.
		await ws.page.keyboard.down("Enter");
		await ws.page.waitForURL(/\/tickets\/15$/, { waitUntil: "commit" });
		await ws.page.keyboard.up("Enter");
	});
});
