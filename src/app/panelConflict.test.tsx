// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { SandboxEmulator } from "../../sandbox/emulator/types";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createMemoryStorage } from "../platform/storage/createDraftStore";
import { mount } from "./mount";
import { openEditors, until } from "../testing/panelTestSetup";

/**
 * A Fields save that meets a 409, through the whole panel as `mount` composes it (the panel API's
 * shared ticket read, the ticket's write lane shared with People, read retries) over the emulator:
 * the in-process twin of e2e/requests.e2e.ts "on a conflict re-reads the ticket once and sends the
 * save again", so a regression in the writer, the lane, the shared read or the emulator's fault
 * matching shows here without a browser.
 */
const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

const UPDATE_CONFLICT = {
	error: "UpdateConflict",
	description:
		"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
};

/** The agent's panel on ticket 1, loaded, with every section ready. */
async function openPanel() {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId: 1 });
	const container = document.createElement("div");
	document.body.append(container);
	const unmount = await mount({
		zaf: port,
		container,
		storage: { local: createMemoryStorage(), session: createMemoryStorage() },
	});
	cleanups.push(() => {
		unmount();
		client.close();
		emulator.dispose();
	});
	await openEditors(container);
	await until(
		() => [".zd-followup", ".zd-people", ".zd-fields"].every(selector => container.querySelector(selector) !== null),
		"the three sections",
		400,
	);
	return { emulator, container };
}

/** Types into Order number (field 5101) as the agent would. */
function typeOrderNumber(container: HTMLElement, value: string): void {
	const input = container.querySelector<HTMLInputElement>('[data-field-id="5101"] input');
	if (!input) throw new Error("Order number input missing");
	input.value = value;
	input.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Clicks Save fields once the panel has rendered the edit (the button is enabled only with a draft). */
async function clickSave(container: HTMLElement): Promise<void> {
	const save = () =>
		[...container.querySelectorAll<HTMLButtonElement>("button")].find(b => b.textContent === "Save fields");
	await until(() => save()?.disabled === false, "an enabled Save fields button", 400);
	save()?.click();
}

/** The app's requests since the log was cleared, as `METHOD /path?query status`. */
function appRequests(emulator: SandboxEmulator): string[] {
	return emulator.controls
		.requests()
		.filter(entry => entry.client !== "host")
		.map(entry => `${entry.method} ${decodeURIComponent(entry.url).replace(".json", "")} ${entry.status}`);
}

const fieldValue = (emulator: SandboxEmulator, id: number) =>
	emulator.db.tickets.find(ticket => ticket.id === 1)?.field_values[String(id)];

describe("a Fields save meeting a 409 in the composed panel", () => {
	it("re-reads the ticket once, sends the same save again and says Saved.", async () => {
		const { emulator, container } = await openPanel();
		typeOrderNumber(container, "ORD-78");
		emulator.controls.addFault({
			method: "PUT",
			path: "/api/v2/tickets/1",
			status: 409,
			times: 1,
			body: UPDATE_CONFLICT,
		});
		emulator.controls.clearRequests();
		await clickSave(container);
		try {
			await until(() => container.textContent?.includes("Saved.") ?? false, "Saved.", 400);
		} finally {
			console.log(
				"DBG",
				appRequests(emulator),
				container.querySelector(".zd-fields")?.textContent?.slice(-200),
				container.querySelector("[data-testid=writer-status]")?.textContent,
			);
		}
		expect(appRequests(emulator)).toEqual([
			"PUT /api/v2/tickets/1 409",
			"GET /api/v2/tickets/1?include=users 200",
			"PUT /api/v2/tickets/1 200",
		]);
		expect(fieldValue(emulator, 5101)).toBe("ORD-78");
	});

	it("re-plans on the moved-on ticket when another agent saved while the PUT was on its way, keeping both", async () => {
		const { emulator, container } = await openPanel();
		typeOrderNumber(container, "ORD-79");
		// The agent's PUT reaches Zendesk only after Maria's save: its stamp is then out of date.
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/1", delayMs: 30, times: 1 });
		emulator.controls.clearRequests();
		await clickSave(container);
		const theirs = emulator.controls.actAs({
			ticketId: 1,
			as: "maria@example.com",
			changes: { custom_fields: [{ id: 5102, value: "Their steps" }] },
		});
		expect(theirs.ok).toBe(true);
		await until(() => container.textContent?.includes("Saved.") ?? false, "Saved.", 400);
		const puts = appRequests(emulator).filter(line => line.startsWith("PUT "));
		expect(puts).toEqual(["PUT /api/v2/tickets/1 409", "PUT /api/v2/tickets/1 200"]);
		expect(fieldValue(emulator, 5101)).toBe("ORD-79");
		expect(fieldValue(emulator, 5102)).toBe("Their steps");
	});
});
