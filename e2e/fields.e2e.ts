/**
 * Custom fields and audit metadata on the current ticket, end to end: the built app in the
 * workspace over the real ZAF protocol, against the emulator. Asserts on the emulator's ticket,
 * audits and request log, and on what the workspace page shows, not on the app's internals.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace, openEditors } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { all: requests, ticketPuts, clear: clearRequests } = requestLog(ws);

/** Ticket 2 of the default world has every custom field type set (form "General support"). */
const TICKET = 2;

async function openFields(id = TICKET): Promise<Frame> {
	const app = await ws.openTicket(id);
	await openEditors(app, "fields", "metadata");
	await app.locator('[data-field-id="5101"]').waitFor();
	// The other sections may still be loading and growing the iframe: act on a panel that has settled.
	await ws.appSettled();
	return app;
}

/** The custom field values of a REST ticket, by id. */
function values(ticket: Record<string, unknown>): Record<number, unknown> {
	const list = ticket["custom_fields"] as Array<{ id: number; value: unknown }>;
	return Object.fromEntries(list.map(entry => [entry.id, entry.value]));
}

async function addMetadata(app: Frame, key: string, value: string): Promise<void> {
	// Count before the click: the new row renders asynchronously, and its labels are 1-based.
	const rows = app.locator(".zd-metadata__row");
	const before = await rows.count();
	await ws.click(app.getByRole("button", { name: "Add metadata" }));
	await rows.nth(before).waitFor();
	await app.getByLabel(`Key ${before + 1}`, { exact: true }).fill(key);
	await app.getByLabel(`Value ${before + 1}`, { exact: true }).fill(value);
}

describe("custom fields and audit metadata", () => {
	it("edits every field type and saves them in exactly one update", async () => {
		const app = await openFields();
		await clearRequests();
		await app.getByLabel("Order number").fill("ORD-E2E-1");
		await app.getByLabel("Steps to reproduce").fill("1. Open\n2. Crash");
		await app.getByLabel("Seats affected").fill("42");
		await app.getByLabel("Refund amount").fill("19.99");
		await app.getByLabel("Purchase date").fill("2025-03-01");
		await ws.check(app.getByLabel("VIP customer"), false);
		await app.getByLabel("Serial number").fill("AB-1234");
		await app.getByLabel("Product").selectOption({ label: "Scanner X2" });
		const platforms = app.getByRole("group", { name: "Affected platforms" });
		await ws.check(platforms.getByLabel("Windows"), false);
		await ws.check(platforms.getByLabel("Linux"));
		// The user lookup: clear the user it names, then type the new one's email; Enter takes the user it belongs to.
		const manager = app.locator('[data-field-id="5110"]');
		await ws.click(manager.getByRole("button", { name: /^Clear .* from Account manager$/ }));
		await app.getByRole("combobox", { name: "Account manager" }).fill("agent@example.com");
		await manager.getByRole("option").first().waitFor();
		await app.getByRole("combobox", { name: "Account manager" }).press("Enter");
		await manager
			.locator(".zd-person__name")
			.getByText(/agent@example\.com/)
			.waitFor();
		await app.getByLabel(/Resolution code/).selectOption({ label: "Fixed" });
		await app.getByText("11 unsaved").waitFor();
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText("Saved.").waitFor();

		expect(await ticketPuts(TICKET)).toHaveLength(1);
		expect(values(await ws.ticket(TICKET))).toMatchObject({
			5101: "ORD-E2E-1",
			5102: "1. Open\n2. Crash",
			5103: "42",
			5104: "19.99",
			5105: "2025-03-01",
			5106: false,
			5107: "AB-1234",
			5108: "scanner_x2",
			5109: ["platform_macos", "platform_linux"],
			5110: 1002,
			5112: "resolved_fixed",
		});
		// The workspace shows what the agent would read, and the app has nothing left unsaved.
		await expect.poll(() => ws.page.textContent("[data-testid=custom-field-5108]")).toContain("Scanner X2");
		expect(await app.getByText("unsaved").count()).toBe(0);
	});

	it("shows the partner organization by name, picks another by the start of its name with the keyboard, and saves its id in exactly one update", async () => {
		const app = await openFields();
		const partner = app.locator('[data-field-id="5114"]');
		// Ticket 2's partner organization is 9004: the field shows its name, not the id.
		await partner.locator(".zd-person__name").getByText("Brightline Office Supplies").waitFor();
		expect(await partner.locator("input").count()).toBe(0);
		await clearRequests();

		const clear = partner.getByRole("button", { name: "Clear Brightline Office Supplies from Partner organization" });
		await clear.focus();
		await ws.page.keyboard.press("Enter");
		// The picker takes the chip's place, and the focus with it.
		const picker = app.getByRole("combobox", { name: "Partner organization" });
		await expect.poll(() => picker.evaluate(el => el === document.activeElement)).toBe(true);
		await ws.page.keyboard.type("Hartm");
		const result = partner.getByRole("option", { name: "Hartmann Druck GmbH" });
		await result.waitFor();
		// Typed at once: one search after the pause, for the whole text.
		const searches = (await requests()).filter(r => r.url.includes("/organizations/autocomplete"));
		expect(searches.map(r => new URL(r.url, "http://x").searchParams.get("name"))).toEqual(["Hartm"]);
		await ws.page.keyboard.press("ArrowDown");
		expect(await result.getAttribute("aria-selected")).toBe("true");
		await ws.page.keyboard.press("Enter");
		await partner.locator(".zd-person__name").getByText("Hartmann Druck GmbH").waitFor();
		await app.getByText("1 unsaved").waitFor();

		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText("Saved.").waitFor();
		expect(await ticketPuts(TICKET)).toHaveLength(1);
		expect(values(await ws.ticket(TICKET))[5114]).toBe(9002);
		// The picked name was known: no read of it, before or after the save.
		expect((await requests()).filter(r => r.url.includes("/organizations/show_many"))).toEqual([]);
		expect(await partner.textContent()).toContain("Hartmann Druck GmbH");
	});

	it("attaches the metadata to the save's audit, shown in the workspace and in the app's history", async () => {
		const app = await openFields();
		await clearRequests();
		await addMetadata(app, "reason", "customer call");
		// The counter measures the exact JSON sent: the admin default {"source":"zcli-dev"} plus the row.
		await app.getByText("46 / 1024 bytes").waitFor();
		await app.getByLabel("Order number").fill("ORD-E2E-2");
		await app.getByText("Your audit metadata will be saved with these changes.").waitFor();
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText(/Metadata saved on audit \d+\./).waitFor();
		expect(await ticketPuts(TICKET)).toHaveLength(1);

		const audits = (
			await ws.api<{ audits: Array<{ metadata: { custom: Record<string, unknown> } }> }>(
				"GET",
				`/api/v2/tickets/${TICKET}/audits.json`,
			)
		).json.audits;
		expect(audits.at(-1)?.metadata.custom).toEqual({ source: "zcli-dev", reason: "customer call" });
		await expect
			.poll(async () => (await ws.page.locator("[data-testid=audit-metadata]").allTextContents()).join(" "))
			.toContain("customer call");

		await ws.click(app.getByRole("button", { name: "Show history" }));
		const newest = app.locator(".zd-audit").first();
		await newest.getByText("customer call").waitFor();
		expect(await newest.textContent()).toContain("Order number: ORD-20250108-117 → ORD-E2E-2");
	});

	it("loads the audit history only when it is opened", async () => {
		const app = await openFields();
		const auditReads = async () => (await requests()).filter(r => r.url.includes("/audits")).length;
		await app.getByRole("button", { name: "Save fields" }).waitFor();
		const before = await auditReads();
		await ws.click(app.getByRole("button", { name: "Show history" }));
		await app.locator(".zd-audit").first().waitFor();
		expect(await auditReads()).toBe(before + 1);
	});

	it("refuses a metadata-only save with Zendesk's reason, sends nothing and keeps the metadata", async () => {
		const app = await openFields();
		await clearRequests();
		await addMetadata(app, "note", "only metadata");
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app
			.getByText(/metadata alone changes nothing/)
			.first()
			.waitFor();
		expect(await ticketPuts(TICKET)).toHaveLength(0);
		expect(await app.getByLabel("Value 1").inputValue()).toBe("only metadata");
	});

	it("shows integer and format errors on their fields, sends nothing and keeps the draft", async () => {
		const app = await openFields();
		await clearRequests();
		await app.getByLabel("Seats affected").fill("twelve");
		await app.getByLabel("Serial number").fill("ab-1");
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		const seats = app.locator('[data-field-id="5103"]');
		const serial = app.locator('[data-field-id="5107"]');
		await seats.getByText("“twelve” is not a whole number. Use digits only, e.g. 42.").waitFor();
		await serial.getByText("“ab-1” does not have the format this field requires.").waitFor();
		expect(await ticketPuts(TICKET)).toHaveLength(0);
		expect(await app.getByLabel("Seats affected", { exact: true }).inputValue()).toBe("twelve");

		expect(await app.getByLabel("Serial number", { exact: true }).inputValue()).toBe("ab-1");
		// Fixing one field clears its message; the other stays until it is fixed too.
		await app.getByLabel("Seats affected", { exact: true }).fill("12");
		await app.getByLabel("Serial number", { exact: true }).fill("AB-1001");
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText("Saved.").waitFor();
		expect(await ticketPuts(TICKET)).toHaveLength(1);
		expect(values(await ws.ticket(TICKET))).toMatchObject({ 5103: "12", 5107: "AB-1001" });
	});

	it("says 30 February is not a real date, on blur and on Save, and never clears the stored date", async () => {
		const app = await openFields();
		await clearRequests();
		const date = app.getByRole("textbox", { name: "Purchase date" });
		const field = app.locator('[data-field-id="5105"]');
		const message = "Not a real date (such as 30 February). Check the day and month.";
		// Typed into Chromium's own date picker (en-US order: month, day, year): it then reads as "".
		await ws.click(date);
		await app.page().keyboard.type("02302025");
		await date.blur();
		await field.getByText(message).waitFor();
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await field.getByText(message).waitFor();
		expect(await ticketPuts(TICKET)).toHaveLength(0);
		await app.getByText("1 unsaved").waitFor();
		expect(values(await ws.ticket(TICKET))).toMatchObject({ 5105: "2024-12-19" });
		// A real date clears the message and saves.
		await date.fill("2025-02-28");
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.getByText("Saved.").waitFor();
		expect(values(await ws.ticket(TICKET))).toMatchObject({ 5105: "2025-02-28" });
	});
});
