/**
 * People on the current ticket, end to end: the built app in the workspace over the real ZAF
 * protocol, against the emulator. Asserts on the emulator's ticket and request log, not on the
 * app's internals.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace, openEditors } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { ticketPuts, clear: clearRequests } = requestLog(ws);

const ccGroup = (app: Frame) => app.locator('.zd-people__group[data-list="ccs"]');
const followerGroup = (app: Frame) => app.locator('.zd-people__group[data-list="followers"]');

/** Types into a picker and picks the option whose text matches. */
async function pick(app: Frame, combobox: string, text: string, option: RegExp): Promise<void> {
	const input = app.getByRole("combobox", { name: combobox });
	await input.fill(text);
	await ws.click(app.getByRole("option", { name: option }));
}

async function openPeople(id: number, as?: "admin" | "agent" | "light_agent"): Promise<Frame> {
	const app = await ws.openTicket(id, as ? { as } : undefined);
	await openEditors(app, "people");
	await ccGroup(app).waitFor();
	await ws.appSettled();
	return app;
}

describe("people on the current ticket", () => {
	it("adds and removes CCs and followers in exactly one update", async () => {
		const app = await openPeople(1);
		await ccGroup(app).getByText("Liam O'Connor").waitFor();
		await clearRequests();
		await pick(app, "Add an email CC", "Noah", /Noah Fischer/);
		await ws.click(app.getByRole("button", { name: "Remove Liam O'Connor" }));
		await pick(app, "Add a follower", "Kenji", /Kenji Watanabe/);
		await ws.click(app.getByRole("button", { name: "Remove Maria González" }));
		await app.getByText("Add Noah Fischer as CC").waitFor();
		await app.getByText("Remove Maria González from followers").waitFor();
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText("Saved.").waitFor();
		const ticket = await ws.ticket(1);
		expect(ticket["email_cc_ids"]).toEqual([1103, 1104]);
		expect(ticket["follower_ids"]).toEqual([1004]);
		expect(await ticketPuts(1)).toHaveLength(1);
		expect(await ccGroup(app).locator(".zd-people__counter").textContent()).toBe("2 / 48");
	});

	it("carries the pending audit metadata on the one people update; the workspace shows it on the new audit", async () => {
		const app = await openPeople(1);
		await clearRequests();
		await pick(app, "Add an email CC", "Noah", /Noah Fischer/);
		await openEditors(app, "metadata");
		await ws.click(app.getByRole("button", { name: "Add metadata" }));
		await app.getByLabel("Key 1").fill("reason");
		await app.getByLabel("Value 1").fill("cc requested by phone");
		await app.getByText("Add Noah Fischer as CC").waitFor();
		await app.getByText("Your audit metadata will be saved with these changes.").waitFor();
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText(/Metadata saved on audit \d+\./).waitFor();

		expect(await ticketPuts(1)).toHaveLength(1);
		expect((await ws.ticket(1))["email_cc_ids"]).toEqual([1102, 1103, 1104]);
		const audits = (
			await ws.api<{ audits: Array<{ id: number; metadata: { custom: Record<string, unknown> } }> }>(
				"GET",
				"/api/v2/tickets/1/audits.json",
			)
		).json.audits;
		// The admin's default (the workspace installs {"source":"zcli-dev"}) plus the agent's row.
		expect(audits.at(-1)?.metadata.custom).toEqual({ source: "zcli-dev", reason: "cc requested by phone" });
		expect(await app.getByText(`Metadata saved on audit ${audits.at(-1)?.id}.`).count()).toBe(1);
		await expect
			.poll(async () => (await ws.page.locator("[data-testid=audit-metadata]").allTextContents()).join(" "))
			.toContain("cc requested by phone");
		// The rows were cleared: the metadata is on the audit, not waiting for the next change.
		expect(await app.getByLabel("Key 1").count()).toBe(0);
	});

	it("creates a CC on the fly with the name the agent typed", async () => {
		const app = await openPeople(1);
		await clearRequests();
		await app.getByRole("combobox", { name: "Add an email CC" }).fill("jo.doe@example.net");
		await ws.click(app.getByRole("option", { name: "Add jo.doe@example.net as a new CC" }));
		await app.getByLabel("Name (optional)").fill("Jo Doe");
		await ws.click(app.getByRole("button", { name: "Add", exact: true }));
		await app.getByText("Add Jo Doe <jo.doe@example.net> as CC (Zendesk creates the user)").waitFor();
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText("Saved.").waitFor();
		const users = await ws.api<{ users: Array<Record<string, unknown>> }>(
			"GET",
			"/api/v2/users/search.json?query=jo.doe%40example.net",
		);
		const created = users.json.users.find(u => u["email"] === "jo.doe@example.net");
		expect(created?.["name"]).toBe("Jo Doe");
		expect((await ws.ticket(1))["email_cc_ids"]).toContain(created?.["id"]);
		expect(await ticketPuts(1)).toHaveLength(1);
	});

	it("offers an existing user's typed email as that user, not as a new CC", async () => {
		const app = await openPeople(1);
		const input = app.getByRole("combobox", { name: "Add an email CC" });
		await input.fill("Noah.Fischer@example.org");
		await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		expect(await app.getByRole("option", { name: /as a new CC/ }).count()).toBe(0);
		await input.press("Enter");
		await app.getByText("Add Noah Fischer as CC").waitFor();
		expect(await app.getByText(/Zendesk creates the user/).count()).toBe(0);
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText("Saved.").waitFor();
		expect((await ws.ticket(1))["email_cc_ids"]).toContain(1104);
	});

	it("shows the 48-CC cap and refuses a 49th CC before sending", async () => {
		const fill = Array.from({ length: 47 }, (_, i) => ({ user_email: `bulk${i}@example.net`, action: "put" }));
		const setup = await ws.api("PUT", "/api/v2/tickets/3.json", { body: { ticket: { email_ccs: fill } } });
		expect(setup.status).toBe(200);
		const app = await openPeople(3);
		const counter = ccGroup(app).locator(".zd-people__counter");
		await expect.poll(() => counter.textContent()).toBe("47 / 48");
		await pick(app, "Add an email CC", "Noah", /Noah Fischer/);
		await expect.poll(() => counter.textContent()).toBe("48 / 48");
		const input = app.getByRole("combobox", { name: "Add an email CC" });
		await input.fill("one.too.many@example.net");
		await ws.click(app.getByRole("option", { name: "Add one.too.many@example.net as a new CC" }));
		await ws.click(app.getByRole("button", { name: "Add", exact: true }));
		await ccGroup(app)
			.getByRole("alert")
			.getByText(/at most 48 email CCs/)
			.waitFor();
		await clearRequests();
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText("Saved.").waitFor();
		expect((await ws.ticket(3))["email_cc_ids"]).toHaveLength(48);
		expect(await ticketPuts(3)).toHaveLength(1);
	});

	it("uses legacy collaborators when the account has CCs and followers disabled", async () => {
		await ws.resetWorld("collaboratorsLegacy");
		const app = await openPeople(1);
		await app.getByText("This account uses legacy CCs").waitFor();
		expect(await followerGroup(app).count()).toBe(0);
		await clearRequests();
		await ws.click(app.getByRole("button", { name: "Remove Liam O'Connor" }));
		await pick(app, "Add a CC", "Noah", /Noah Fischer/);
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText("Saved.").waitFor();
		expect((await ws.ticket(1))["collaborator_ids"]).toEqual([1103, 1003, 1104]);
		expect(await ticketPuts(1)).toHaveLength(1);
	});

	it("merges a concurrent change by another agent without losing anyone (or bringing anyone back)", async () => {
		const app = await openPeople(1);
		await pick(app, "Add an email CC", "Noah", /Noah Fischer/);
		await app.getByText("Add Noah Fischer as CC").waitFor();
		// Maria adds Amara and removes Sofia in another tab, while Noah is staged here. actAs returns once
		// the panel has been told and has re-read (it rebases Noah onto the new CCs), as an agent would see it.
		await ws.actAs(
			1,
			{
				email_ccs: [
					{ user_id: 1105, action: "put" },
					{ user_id: 1103, action: "delete" },
				],
			},
			"maria@example.com",
		);
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.getByText("Saved.").waitFor();
		const ccs = (await ws.ticket(1))["email_cc_ids"] as number[];
		expect([...ccs].sort()).toEqual([1102, 1104, 1105]);
		await ccGroup(app).getByText("Amara Okafor").waitFor();
		await ccGroup(app).getByText("Noah Fischer").waitFor();
		expect(await ccGroup(app).getByText("Sofia Rossi").count()).toBe(0);
		// The workspace's own view of the ticket agrees.
		await expect.poll(() => ws.page.locator("[data-testid=ticket-ccs] li").count()).toBe(3);
	});

	it("shows another agent's change below Apply, so Apply stays where the agent is pointing", async () => {
		const app = await openPeople(1);
		await pick(app, "Add an email CC", "Noah", /Noah Fischer/);
		await app.getByText("Add Noah Fischer as CC").waitFor();
		const apply = app.getByRole("button", { name: "Apply changes" });
		const before = await apply.boundingBox();
		// Maria swaps one CC for another: the lists keep their length, and a notice tells the agent.
		await ws.actAs(
			1,
			{
				email_ccs: [
					{ user_id: 1105, action: "put" },
					{ user_id: 1103, action: "delete" },
				],
			},
			"maria@example.com",
		);
		const notice = app.locator('.zd-people [data-notes="rebase"]');
		await notice.waitFor();
		const after = await apply.boundingBox();
		expect(after?.y).toBe(before?.y);
		expect((await notice.boundingBox())!.y).toBeGreaterThan(after!.y);
	});
});
