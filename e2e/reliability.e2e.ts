/**
 * Reliability, end to end: the built app in the workspace over the real ZAF protocol, against the
 * emulator with its `/__sandbox/` fault controls. The 429 countdown (one status line above the
 * sections, then the save goes through by itself), and a conflict with another agent on the same
 * field (both values shown, nothing overwritten until the agent chooses).
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace, openEditors } from "./harness";
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
	it("counts down a 429's Retry-After in one status line, then saves by itself", async () => {
		const app = await openFields(2);
		await ws.api("DELETE", "/__sandbox/requests");
		const fault = await ws.api("POST", "/__sandbox/faults", {
			body: { method: "PUT", path: "/api/v2/tickets/2", status: 429, retryAfter: 3, times: 1 },
		});
		expect(fault.status).toBeLessThan(300);
		await orderNumber(app).fill("ORD-429");
		await app.getByRole("button", { name: "Save fields" }).click();

		const status = app.locator('[data-testid="writer-status"]');
		await status.getByText(/Zendesk asked the app to slow down\. Retrying in [34] s\./).waitFor();
		expect(await status.getAttribute("role")).toBe("status");
		expect(await status.getAttribute("aria-live")).toBe("polite");
		// Screen readers get one sentence for the wait (the ticking number is hidden from them).
		expect(await status.locator(".zd-visually-hidden").textContent()).toMatch(/retry by itself in [34] seconds/);
		// It counts down...
		await status.getByText(/Retrying in [12] s\./).waitFor();
		// ...and the save goes through without the agent doing anything.
		await app.getByText("Saved.").waitFor({ timeout: 10_000 });
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
		await app.getByRole("button", { name: "Save fields" }).click();

		const field = app.locator('[data-field-id="5101"]');
		await field.getByText("Someone else changed this field to “THEIRS-1” meanwhile.", { exact: false }).waitFor();
		// Both values: theirs in the notice, the agent's still in the input; Zendesk kept theirs.
		expect(await orderNumber(app).inputValue()).toBe("MINE-1");
		expect(await fieldValue(2, 5101)).toBe("THEIRS-1");
		expect(await ticketPuts(2)).toEqual([]);

		// The agent keeps their own value: saving again now overwrites, knowingly.
		await app.getByRole("button", { name: "Save fields" }).click();
		await app.getByText("Saved.").waitFor();
		expect(await fieldValue(2, 5101)).toBe("MINE-1");
		expect(await ticketPuts(2)).toHaveLength(1);
	});

	it("lets the agent take the other agent's value instead, sending nothing", async () => {
		const app = await openFields(2);
		await orderNumber(app).fill("MINE-2");
		await ws.actAs(2, { custom_fields: [{ id: 5101, value: "THEIRS-2" }] }, "maria@example.com");
		await app.getByRole("button", { name: "Save fields" }).click();
		await app.locator('[data-field-id="5101"]').getByText("THEIRS-2", { exact: false }).waitFor();
		await ws.api("DELETE", "/__sandbox/requests");
		await app.getByRole("button", { name: "Undo the change to Order number" }).click();
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
		await app.getByRole("button", { name: "Save fields" }).click();
		await app.getByText("Saved.").waitFor();
		expect(await fieldValue(2, 5101)).toBe("MINE-3");
		expect(await fieldValue(2, 5102)).toBe("Their steps");
	});
});
