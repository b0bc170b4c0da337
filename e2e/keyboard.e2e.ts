/**
 * Keyboard use, end to end: the built app in the workspace driven with the keyboard only (Tab,
 * arrows, Enter, Space and typing; no click on an app control), against the emulator. Asserts on
 * the emulator's state and request log, on where the focus is after each action, and that every
 * focused control shows a focus ring. See docs/accessibility.md.
 */
import type { Frame, Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace, openEditors } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { ticketPuts, creates, clear: clearRequests } = requestLog(ws);

/** What has the focus in the app, described for failure messages ("BODY" when nothing does). */
async function focused(app: Frame): Promise<string> {
	return app.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (el === null || el === document.body) return "BODY";
		const label =
			el.getAttribute("aria-label") ??
			(el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
			el.textContent ??
			"";
		return `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} "${label.trim().slice(0, 40)}"`;
	});
}

async function hasFocus(target: Locator): Promise<boolean> {
	return target.evaluate(el => el === el.ownerDocument.activeElement);
}

/** Moves the keyboard focus into the app's iframe (as Tab from the workspace would), before its first control. */
async function focusApp(): Promise<void> {
	await ws.page.focus("[data-testid=app-frame]");
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails with the path taken. */
async function tabTo(app: Frame, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
	const path: string[] = [];
	for (let i = 0; i < max; i++) {
		if (await hasFocus(target)) return;
		await ws.page.keyboard.press(back ? "Shift+Tab" : "Tab");
		path.push(await focused(app));
	}
	if (await hasFocus(target)) return;
	throw new Error(`Tab never reached the control; the focus went through:\n  ${path.join("\n  ")}`);
}

/** The focused element's ring: a visible outline or box-shadow, else null. */
async function focusRing(app: Frame): Promise<string | null> {
	return app.evaluate(() => {
		const el = document.activeElement;
		if (el === null || el === document.body) return null;
		const style = getComputedStyle(el);
		if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineStyle}`;
		if (style.boxShadow !== "none") return `box-shadow ${style.boxShadow}`;
		return null;
	});
}

/** Tabs through the whole app once; returns every stop without a visible focus ring. */
async function stopsWithoutRing(app: Frame, max = 80): Promise<string[]> {
	await focusApp();
	const missing: string[] = [];
	for (let i = 0; i < max; i++) {
		await ws.page.keyboard.press("Tab");
		const inApp = await app.evaluate(() => document.hasFocus() && document.activeElement !== document.body);
		if (!inApp) break; // left the iframe: every control was visited
		const what = await focused(app);
		if ((await focusRing(app)) === null && !missing.includes(what)) missing.push(what);
	}
	return missing;
}

describe("keyboard use", () => {
	it("People: adds a CC with Tab, typing, ↓ and Enter, then applies with Enter in one update", async () => {
		const app = await ws.openTicket(1);
		const edit = app.getByRole("button", { name: "Edit people" });
		await edit.waitFor();
		await ws.appSettled();
		await clearRequests();
		await focusApp();
		// The glance's button opens the editor with Enter, and the editor's first control takes the focus.
		await tabTo(app, edit);
		await ws.page.keyboard.press("Enter");
		const cc = app.getByRole("combobox", { name: "Add an email CC" });
		await cc.waitFor();
		expect(await focused(app)).toContain("Remove Liam O'Connor");
		await tabTo(app, cc);
		await ws.page.keyboard.type("Noa");
		await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		await ws.page.keyboard.press("ArrowDown");
		const activeId = await cc.getAttribute("aria-activedescendant");
		expect(activeId).not.toBeNull();
		expect(await app.locator(`[id="${activeId}"]`).textContent()).toContain("Noah Fischer");
		await ws.page.keyboard.press("Enter");
		await app.getByText("Add Noah Fischer as CC").waitFor();
		// The input keeps the focus, emptied, ready for the next person.
		expect(await hasFocus(cc)).toBe(true);
		expect(await cc.inputValue()).toBe("");

		const apply = app.getByRole("button", { name: "Apply changes" });
		await tabTo(app, apply);
		expect(await focusRing(app)).not.toBeNull();
		await ws.page.keyboard.press("Enter");
		await app.getByText("Saved.").waitFor();
		expect((await ws.ticket(1))["email_cc_ids"]).toEqual([1102, 1103, 1104]);
		expect(await ticketPuts(1)).toHaveLength(1);
		// The focus stays on Apply (now unavailable) rather than falling back to the document.
		expect(await focused(app)).toContain("Apply changes");
		// Tab goes on from there, not from the top of the panel.
		await ws.page.keyboard.press("Tab");
		expect(await app.locator(".zd-people").evaluate(el => el.contains(el.ownerDocument.activeElement))).toBe(false);
		expect(await focused(app)).toContain("Fields");
	});

	it("Fields: changes a dropdown and a text field with the keyboard and saves with Enter", async () => {
		const app = await ws.openTicket(2);
		const edit = app.getByRole("button", { name: "Edit fields" });
		await edit.waitFor();
		await ws.appSettled();
		await focusApp();
		await tabTo(app, edit);
		await ws.page.keyboard.press("Space");
		const product = app.getByLabel("Product", { exact: true });
		await product.waitFor();
		await clearRequests();
		await tabTo(app, app.getByLabel("Order number"));
		await ws.page.keyboard.press("ControlOrMeta+A");
		await ws.page.keyboard.type("ORD-KEY-1");
		await tabTo(app, product);
		expect(await product.inputValue()).toBe("hd_5555");
		await ws.page.keyboard.press("ArrowDown");
		expect(await product.inputValue()).toBe("scanner_x2");
		await app.getByText("2 unsaved").waitFor();

		const save = app.getByRole("button", { name: "Save fields" });
		await tabTo(app, save);
		await ws.page.keyboard.press("Enter");
		await app.getByText("Saved.").waitFor();
		expect(await ticketPuts(2)).toHaveLength(1);
		const fields = (await ws.ticket(2))["custom_fields"] as Array<{ id: number; value: unknown }>;
		expect(fields.find(f => f.id === 5101)?.value).toBe("ORD-KEY-1");
		expect(fields.find(f => f.id === 5108)?.value).toBe("scanner_x2");
		expect(await focused(app)).toContain("Save fields");
	});

	it("Follow-up: opens the form with Enter, writes the comment and creates the follow-up with the keyboard", async () => {
		const app = await ws.openTicket(7);
		const start = app.getByRole("button", { name: "Create follow-up" });
		await start.waitFor();
		await clearRequests();
		await focusApp();
		await tabTo(app, start);
		await ws.page.keyboard.press("Enter");
		// The form opens with the focus on its first field.
		const subject = app.getByLabel("Subject");
		await subject.waitFor();
		expect(await hasFocus(subject)).toBe(true);

		const comment = app.getByLabel("First comment");
		await tabTo(app, comment);
		await ws.page.keyboard.type("Typed with the keyboard only.");
		const submit = app.locator(".zd-followup__form").getByRole("button", { name: "Create follow-up" });
		await tabTo(app, submit);
		expect(await focusRing(app)).not.toBeNull();
		await ws.page.keyboard.press("Enter");
		await app.getByText("Follow-up #16 created.").waitFor();
		expect(await creates()).toHaveLength(1);
		expect((await ws.ticket(7))["followup_ids"]).toEqual([16]);
		expect((await ws.ticket(16))["via"]).toMatchObject({ source: { rel: "follow_up", from: { ticket_id: 7 } } });
		// The focus lands on the result, not on the document.
		expect(await focused(app)).not.toBe("BODY");
		expect(await app.locator(".zd-notice--success").evaluate(el => el.contains(el.ownerDocument.activeElement))).toBe(
			true,
		);
	});

	it("Follow-up: opens the form with Space; Enter in the requester search never submits the form", async () => {
		const app = await ws.openTicket(7);
		const start = app.getByRole("button", { name: "Create follow-up" });
		await start.waitFor();
		await clearRequests();
		await focusApp();
		await tabTo(app, start);
		await ws.page.keyboard.press("Space");
		await tabTo(app, app.getByLabel("First comment"));
		await ws.page.keyboard.type("For someone else.");
		// The requester radios: Shift+Tab back to the group, ↓ to "another existing user".
		const same = app.getByRole("radio", { name: /Same as the original/ });
		await tabTo(app, same, { back: true });
		await ws.page.keyboard.press("ArrowDown");
		expect(await app.getByRole("radio", { name: "Another existing user" }).isChecked()).toBe(true);
		const search = app.getByRole("combobox", { name: "Search by name or email" });
		await tabTo(app, search);
		await ws.page.keyboard.type("Noa");
		await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		// Enter with nothing highlighted: nothing is sent, the typed text and the focus stay.
		await ws.page.keyboard.press("Enter");
		await ws.appSettled();
		expect(await creates()).toHaveLength(0);
		expect(await hasFocus(search)).toBe(true);
		expect(await search.inputValue()).toBe("Noa");
		// ↓ Enter picks; the focus moves to "Change" (the search input is replaced by the choice).
		await ws.page.keyboard.press("ArrowDown");
		await ws.page.keyboard.press("Enter");
		await app
			.getByText(/Noah Fischer/)
			.first()
			.waitFor();
		expect(await focused(app)).toContain("Change");
		// Change puts the focus back in the search.
		await ws.page.keyboard.press("Enter");
		await search.waitFor();
		expect(await hasFocus(search)).toBe(true);
		await ws.page.keyboard.press("ControlOrMeta+A");
		await ws.page.keyboard.type("Noah");
		await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		await ws.page.keyboard.press("ArrowDown");
		await ws.page.keyboard.press("Enter");

		await tabTo(app, app.locator(".zd-followup__form").getByRole("button", { name: "Create follow-up" }));
		await ws.page.keyboard.press("Enter");
		await app.getByText("Follow-up #16 created.").waitFor();
		expect((await ws.ticket(16))["requester_id"]).toBe(1104);
		expect(await creates()).toHaveLength(1);
	});

	it("section headers toggle with Enter and Space and expose aria-expanded", async () => {
		const app = await ws.openTicket(1);
		await openEditors(app, "people");
		const people = app.getByRole("button", { name: "People", exact: true });
		const cc = app.getByRole("combobox", { name: "Add an email CC" });
		await cc.waitFor();
		expect(await people.getAttribute("aria-expanded")).toBe("true");
		const body = await people.getAttribute("aria-controls");
		expect(body).not.toBeNull();
		await focusApp();
		await tabTo(app, people);
		expect(await focusRing(app)).not.toBeNull();
		await ws.page.keyboard.press("Enter");
		expect(await people.getAttribute("aria-expanded")).toBe("false");
		expect(await app.locator(`[id="${body}"]`).isHidden()).toBe(true);
		expect(await hasFocus(people)).toBe(true);
		// Collapsed: Tab skips the section's controls and goes to the next header.
		await ws.page.keyboard.press("Tab");
		expect(await hasFocus(app.getByRole("button", { name: "Fields", exact: true }))).toBe(true);
		await ws.page.keyboard.press("Shift+Tab");
		await ws.page.keyboard.press("Space");
		expect(await people.getAttribute("aria-expanded")).toBe("true");
		expect(await app.locator(`[id="${body}"]`).isVisible()).toBe(true);
		await ws.page.keyboard.press("Tab");
		expect(await focused(app)).toContain("Remove Liam O'Connor");
	});

	it("keeps the focus in place when its control is replaced or disabled for a moment", async () => {
		let app = await ws.openTicket(1);
		await openEditors(app, "people");
		const remove = app.getByRole("button", { name: "Remove Liam O'Connor" });
		await remove.waitFor();
		await focusApp();
		await tabTo(app, remove);
		await ws.page.keyboard.press("Enter");
		// The × button gives way to Undo in the same row: the focus moves there, not to the document.
		const undo = app.locator('[data-state="removing"]').getByRole("button", { name: "Undo" });
		await undo.waitFor();
		expect(await hasFocus(undo)).toBe(true);
		await ws.page.keyboard.press("Enter");
		await remove.waitFor();
		expect(await hasFocus(remove)).toBe(true);

		app = await ws.openTicket(2);
		await openEditors(app, "fields");
		const order = app.getByLabel("Order number");
		await order.waitFor();
		await clearRequests();
		await focusApp();
		// The lookup shows its user by name; Enter on × clears it and puts the focus in the picker.
		await tabTo(app, app.getByRole("button", { name: /^Clear Maria González .* from Account manager$/ }));
		await ws.page.keyboard.press("Enter");
		const picker = app.getByRole("combobox", { name: "Account manager" });
		await expect.poll(() => hasFocus(picker)).toBe(true);
		// Enter in the lookup's picker with nothing highlighted searches on; it does not save the form.
		await ws.page.keyboard.type("Kenji");
		await app.getByRole("option", { name: /Kenji Watanabe/ }).waitFor();
		await ws.page.keyboard.press("Enter");
		await ws.appSettled();
		expect(await ticketPuts(2)).toHaveLength(0);
		expect(await picker.inputValue()).toBe("Kenji");
		// Undo brings Maria back, so the save below sends only the order number.
		await tabTo(app, app.getByRole("button", { name: "Undo the change to Account manager" }));
		await ws.page.keyboard.press("Enter");
		await app
			.locator('[data-field-id="5110"] .zd-person__name')
			.getByText(/Maria González/)
			.waitFor();
		// Enter in a text field saves (the form's submit); the field is disabled meanwhile and gets the focus back.
		await tabTo(app, order, { back: true });
		await ws.page.keyboard.press("ControlOrMeta+A");
		await ws.page.keyboard.type("ORD-ENTER-2");
		await ws.page.keyboard.press("Enter");
		await app.getByText("Saved.").waitFor();
		expect(await ticketPuts(2)).toHaveLength(1);
		await expect.poll(() => hasFocus(order)).toBe(true);
	});

	it("Metadata: Enter on Add metadata puts the focus in the new key; removing the row keeps it in the editor", async () => {
		const app = await ws.openTicket(2);
		const edit = app.getByRole("button", { name: "Edit metadata" });
		await edit.waitFor();
		await ws.appSettled();
		await focusApp();
		await tabTo(app, edit);
		await ws.page.keyboard.press("Enter");
		const add = app.getByRole("button", { name: "Add metadata" });
		await add.waitFor();
		await tabTo(app, add);
		await ws.page.keyboard.press("Enter");
		const key = app.getByLabel("Key 1");
		await key.waitFor();
		expect(await hasFocus(key)).toBe(true);
		await ws.page.keyboard.type("reason");
		await ws.page.keyboard.press("Tab");
		await ws.page.keyboard.type("phone call");
		expect(await app.getByLabel("Value 1").inputValue()).toBe("phone call");
		await ws.page.keyboard.press("Tab");
		expect(await focused(app)).toContain("Remove row 1");
		await ws.page.keyboard.press("Enter");
		await key.waitFor({ state: "detached" });
		expect(await hasFocus(add)).toBe(true);
	});

	it("never takes the focus from the workspace around the app", async () => {
		const app = await ws.openTicket(1);
		await openEditors(app, "people");
		const remove = app.getByRole("button", { name: "Remove Liam O'Connor" });
		await remove.waitFor();
		await focusApp();
		await tabTo(app, remove);
		await ws.page.keyboard.press("Enter");
		await app.locator('[data-state="removing"]').waitFor();
		// The agent goes back to the workspace; then the ticket changes and the panel re-renders.
		await ws.page.focus("[data-testid=signed-in-as]");
		await ws.actAs(1, { email_ccs: [{ user_id: 1105, action: "put" }] });
		await app.getByText("Amara Okafor", { exact: true }).waitFor();
		await ws.appSettled();
		expect(await ws.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("signed-in-as");
		expect(await app.evaluate(() => document.hasFocus())).toBe(false);
	});

	it("shows a focus ring on every control Tab reaches (fields of every type, people, follow-up form)", async () => {
		let app = await ws.openTicket(2);
		await app.getByRole("button", { name: "Edit fields" }).waitFor();
		await ws.appSettled();
		// The glances first, then every editor.
		expect(await stopsWithoutRing(app)).toEqual([]);
		await openEditors(app);
		await app.getByLabel("Product", { exact: true }).waitFor();
		expect(await stopsWithoutRing(app)).toEqual([]);

		app = await ws.openTicket(7);
		const start = app.getByRole("button", { name: "Create follow-up" });
		await start.waitFor();
		await focusApp();
		await tabTo(app, start);
		await ws.page.keyboard.press("Enter");
		const more = app.getByText("More options");
		await more.waitFor();
		await tabTo(app, app.locator(".zd-followup__options > summary"));
		await ws.page.keyboard.press("Enter");
		expect(await app.locator(".zd-followup__options").getAttribute("open")).not.toBeNull();
		expect(await stopsWithoutRing(app, 120)).toEqual([]);
	});
});
