/**
 * Reliability, end to end: the built app in the workspace over the real ZAF protocol, against the
 * emulator with its `/__sandbox/` fault controls. The 429 countdown (beside Save, announced once
 * by the status line above the sections, then the save goes through by itself), and a conflict with another agent on the same
 * field (both values shown, nothing overwritten until the agent chooses). Drafts when this
 * Chromium refuses the app iframe storage (its default, as Chrome with third-party cookies
 * blocked): the agent is told before one is lost; with storage allowed a draft outlives a reload.
 */
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ALLOW_THIRD_PARTY_STORAGE_ARG, launchChromium } from "./browser";
import { openEditors, useWorkspace } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { ticketPuts } = requestLog(ws);

const orderNumber = (app: Frame) => app.locator('[data-field-id="5101"] input');
const fieldValue = async (id: number, field: number) =>
	((await ws.ticket(id))["custom_fields"] as Array<{ id: number; value: unknown }>).find(f => f.id === field)?.value;

async function openFields(id: number): Promise<Frame> {
	const app = await ws.openTicket(id);
	await openEditors(app, "fields", "metadata");
	await orderNumber(app).waitFor();
	await ws.appSettled();
	return app;
}

describe("reliability in the workspace", () => {
	it("counts down a 429's Retry-After in Save's row, announced once, then saves by itself", async () => {
		const app = await openFields(2);
		await ws.api("DELETE", "/__sandbox/requests");
		const fault = await ws.api("POST", "/__sandbox/faults", {
			body: { method: "PUT", path: "/api/v2/tickets/2", status: 429, retryAfter: 3, times: 1 },
		});
		expect(fault.status).toBeLessThan(300);
		await orderNumber(app).fill("ORD-429");
		await ws.click(app.getByRole("button", { name: "Save fields" }));

		// The countdown is in the row of the button that waits, where the agent is looking.
		const row = app.locator(".zd-fields .zd-actions");
		const countdown = row.locator('[data-testid="wait-notice"]');
		await countdown.getByText(/^Zendesk asked the app to slow down\. Retrying in [34] seconds\.$/).waitFor();
		expect(await row.getByRole("button", { name: "Save fields" }).count()).toBe(1);
		// It is the panel's only countdown: the status line above the sections shows none for a save...
		expect(await app.getByText(/Retrying in \d+ seconds?\./).count()).toBe(1);
		const status = app.locator('[data-testid="writer-status"]');
		expect(await status.locator('[data-testid="wait-notice"]').count()).toBe(0);
		// ...but stays the one polite live region: screen readers get one sentence for the wait.
		expect(await status.getAttribute("role")).toBe("status");
		expect(await status.getAttribute("aria-live")).toBe("polite");
		expect(await status.locator(".zd-visually-hidden").textContent()).toMatch(/retry by itself in [34] seconds/);
		expect(await countdown.evaluate(el => el.closest("[aria-live], [role=status]") === null)).toBe(true);
		// It counts down...
		await countdown.getByText(/Retrying in [12] seconds?\./).waitFor();
		// ...and the save goes through without the agent doing anything.
		await app.getByText("Saved.").waitFor({ timeout: 10_000 });
		await expect.poll(() => countdown.count()).toBe(0);
		await expect.poll(() => status.textContent()).toBe("");
		expect(await fieldValue(2, 5101)).toBe("ORD-429");
		expect((await ticketPuts(2)).map(r => r.status)).toEqual([429, 200]);
	});

	it("shows both values when another agent changed the same field, and overwrites theirs only when the agent saves again", async () => {
		const app = await openFields(2);
		await orderNumber(app).fill("MINE-1");
		// Maria changes the same field in another tab while the agent's edit is still a draft.
		await ws.actAs(2, { custom_fields: [{ id: 5101, value: "THEIRS-1" }] }, "maria@example.com");
		await ws.api("DELETE", "/__sandbox/requests");
		await ws.click(app.getByRole("button", { name: "Save fields" }));

		const field = app.locator('[data-field-id="5101"]');
		await field.getByText("Someone else changed this field to “THEIRS-1” meanwhile.", { exact: false }).waitFor();
		// Both values: theirs in the notice, the agent's still in the input; Zendesk kept theirs.
		expect(await orderNumber(app).inputValue()).toBe("MINE-1");
		expect(await fieldValue(2, 5101)).toBe("THEIRS-1");
		expect(await ticketPuts(2)).toEqual([]);

		// The agent keeps their own value: saving again now overwrites, knowingly.
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText("Saved.").waitFor();
		expect(await fieldValue(2, 5101)).toBe("MINE-1");
		expect(await ticketPuts(2)).toHaveLength(1);
	});

	it("lets the agent take the other agent's value instead, sending nothing", async () => {
		const app = await openFields(2);
		await orderNumber(app).fill("MINE-2");
		await ws.actAs(2, { custom_fields: [{ id: 5101, value: "THEIRS-2" }] }, "maria@example.com");
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.locator('[data-field-id="5101"]').getByText("THEIRS-2", { exact: false }).waitFor();
		await ws.api("DELETE", "/__sandbox/requests");
		await ws.click(app.getByRole("button", { name: "Undo the change to Order number" }));
		await expect.poll(() => orderNumber(app).inputValue()).toBe("THEIRS-2");
		expect(await fieldValue(2, 5101)).toBe("THEIRS-2");
		expect(await ticketPuts(2)).toEqual([]);
	});

	it("rebases a racing change to another field without asking, keeping both", async () => {
		const app = await openFields(2);
		await orderNumber(app).fill("MINE-3");
		// The other agent saves between the app's read and its write: the first PUT gets a 409.
		await ws.api("POST", "/__sandbox/faults", {
			body: {
				method: "PUT",
				path: "/api/v2/tickets/2",
				status: 409,
				body: {
					error: "UpdateConflict",
					description:
						"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
				},
				times: 1,
			},
		});
		await ws.actAs(2, { custom_fields: [{ id: 5102, value: "Their steps" }] }, "maria@example.com");
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText("Saved.").waitFor();
		expect(await fieldValue(2, 5101)).toBe("MINE-3");
		expect(await fieldValue(2, 5102)).toBe("Their steps");
	});
});

const UNKEPT_NOTICE = "This browser doesn't let the app keep drafts: what you type here is lost if the app reloads.";
const unkeptNotice = (app: Frame) => app.locator('[data-testid="unkept-drafts"]');

/**
 * Opens ticket `id` as the agent in `page` (a browser of the test's own) and returns the app's frame
 * once its fields show: opened by the agent, or (`draftWaiting`) by the draft left there.
 */
async function openFieldsIn(page: Page, id: number, draftWaiting = false): Promise<Frame> {
	const base = ws.sandbox.workspaceUrl;
	await page.goto(`${base}/__workspace/config.json`);
	await page.evaluate(() => localStorage.setItem("sandbox.signedInAs", "agent"));
	await page.goto(`${base}/tickets/${id}`);
	await page.waitForFunction(() => window.__workspace?.isRegistered() === true);
	const frame = await (await page.waitForSelector("[data-testid=app-frame]")).contentFrame();
	if (!frame) throw new Error("the app iframe has no frame");
	if (!draftWaiting) await openEditors(frame, "fields");
	await orderNumber(frame).waitFor();
	return frame;
}

describe("drafts when the browser refuses the app storage", () => {
	it("tells the agent once they have a draft, before the reload that loses it", async () => {
		const app = await openFields(2);
		// This Chromium refuses the cross-site iframe its storage: reading localStorage throws.
		const access = await app.evaluate(() => {
			try {
				void window.localStorage;
				return "allowed";
			} catch (error) {
				return error instanceof DOMException ? error.name : String(error);
			}
		});
		expect(access).toBe("SecurityError");
		const saved = await fieldValue(2, 5101);
		// Nothing to lose yet: nothing said.
		expect(await unkeptNotice(app).textContent()).toBe("");

		await orderNumber(app).fill("DRAFT-1");
		await unkeptNotice(app).getByText(UNKEPT_NOTICE, { exact: false }).waitFor();
		expect(await unkeptNotice(app).getAttribute("role")).toBe("status");

		// As the notice said: after a reload the draft is gone.
		const reloaded = await openFields(2);
		expect(await orderNumber(reloaded).inputValue()).toBe(saved ?? "");
		expect(await unkeptNotice(reloaded).textContent()).toBe("");
	});

	it("goes away when dismissed, keeping the draft for the panel", async () => {
		const app = await openFields(2);
		await orderNumber(app).fill("DRAFT-2");
		await unkeptNotice(app).getByText(UNKEPT_NOTICE, { exact: false }).waitFor();
		await ws.click(unkeptNotice(app).getByRole("button", { name: "Dismiss" }));
		await expect.poll(() => unkeptNotice(app).textContent()).toBe("");
		await orderNumber(app).fill("DRAFT-22");
		await ws.appSettled();
		expect(await unkeptNotice(app).textContent()).toBe("");
		expect(await orderNumber(app).inputValue()).toBe("DRAFT-22");
	});

	it("keeps the draft across a reload, saying nothing, when the browser allows storage", async () => {
		const browser = await launchChromium([ALLOW_THIRD_PARTY_STORAGE_ARG]);
		try {
			const page = await browser.newPage();
			const app = await openFieldsIn(page, 2);
			await orderNumber(app).fill("DRAFT-3");
			const reloaded = await openFieldsIn(page, 2, true);
			await expect.poll(() => orderNumber(reloaded).inputValue()).toBe("DRAFT-3");
			expect(await unkeptNotice(reloaded).textContent()).toBe("");
		} finally {
			await browser.close();
		}
	});
});
