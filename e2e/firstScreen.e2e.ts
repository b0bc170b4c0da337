/**
 * The panel's first screen, as an agent sees it in the sidebar (333 px wide): a glance per
 * section, short enough to leave room for other apps, light enough to draw at once, and every
 * string translated. Measured on ticket 1 of the default world with six email CCs.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openEditors, useWorkspace } from "./harness";

const ws = useWorkspace();

/** At most this tall at first screen (issue 13). */
const MAX_HEIGHT_PX = 700;
/** At most this many elements in the app's document at first screen (issue 13). */
const MAX_ELEMENTS = 80;

/** Ticket 1 with six email CCs: its two, and four more of the world's end users. */
async function openWithSixCcs(): Promise<Frame> {
	const ccs = [1102, 1103, 1105, 1106, 1107, 1108].map(user_id => ({ user_id, action: "put" }));
	const answer = await ws.api("PUT", "/api/v2/tickets/1.json", { body: { ticket: { email_ccs: ccs } } });
	expect(answer.status).toBe(200);
	const app = await ws.openTicket(1);
	await app.getByRole("button", { name: "Edit people" }).waitFor();
	await app.getByText(/of \d+ fields filled in/).waitFor();
	await ws.appSettled();
	return app;
}

const measure = (app: Frame) =>
	app.evaluate(() => ({
		width: document.documentElement.clientWidth,
		height: document.documentElement.scrollHeight,
		elements: document.querySelectorAll("*").length,
		text: document.body.innerText,
	}));

describe("the first screen", () => {
	it("shows a glance per section within 700 px and 80 elements at the sidebar's width", async () => {
		const app = await openWithSixCcs();
		const first = await measure(app);
		expect(first.width).toBe(333);
		expect(first.height).toBeLessThanOrEqual(MAX_HEIGHT_PX);
		expect(first.elements).toBeLessThanOrEqual(MAX_ELEMENTS);
		// The glances say the essentials: six CCs, the first three by name, the rest counted.
		expect(first.text).toContain("Email CCs (6)");
		expect(first.text).toContain("Liam O'Connor, Sofia Rossi, Amara Okafor, and 3 more");
		expect(first.text).toContain("Followers (1)");
		// No editor is on the first screen: no input at all.
		expect(await app.locator("input, select, textarea").count()).toBe(0);
	});

	it("opens every editor on demand, every string of the panel translated", async () => {
		const app = await openWithSixCcs();
		await openEditors(app);
		await app.getByRole("combobox", { name: "Add an email CC" }).waitFor();
		await app.getByLabel("Order number").waitFor();
		await app.getByRole("button", { name: "Add metadata" }).waitFor();
		await ws.click(app.getByRole("button", { name: "Show history" }));
		await app.locator(".zd-audit").first().waitFor();
		await ws.click(app.getByRole("button", { name: "Show related tickets" }));
		await app.locator(".zd-bulk__list").waitFor();
		await ws.click(app.getByRole("button", { name: "Create linked ticket" }));
		await app.getByLabel("First comment").waitFor();
		expect(await app.evaluate(() => document.body.innerText)).not.toContain("[missing:");
	});
});
