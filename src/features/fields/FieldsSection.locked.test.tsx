// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createDraftStore, createMemoryStorage } from "../../platform/storage/createDraftStore";
import { openEditors, renderPanel, until } from "../../testing/panelTestSetup";
import { FieldsSection } from "./FieldsSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The section on `ticketId` as `user`, once its fields show. */
async function setup(ticketId: number, user: string, local = createMemoryStorage()) {
	const panel = renderPanel(<FieldsSection />, { ticketId, user, local, locale: "en" });
	cleanups.push(panel.dispose);
	await openEditors(panel.container);
	await until(() => panel.container.querySelector("[data-field-id]") !== null, "the fields");
	return panel;
}

const controls = (container: HTMLElement) =>
	container.querySelectorAll("input, select, textarea, button:not(.zd-section__toggle)");

describe("FieldsSection on a ticket that can't be changed", () => {
	it("shows a closed ticket's values as text, says why, and offers no input or Save", async () => {
		const { container } = await setup(7, "agent@example.com");
		expect(container.querySelectorAll("dt").length).toBeGreaterThan(0);
		expect(controls(container)).toHaveLength(0);
		expect(container.textContent).not.toContain("Save fields");
		const reason = container.querySelector('[data-testid="fields-locked"]');
		expect(reason?.textContent).toBe(
			"This ticket is closed: Zendesk accepts no changes to it. Create a follow-up instead (Follow-up section above).",
		);
		expect(container.querySelector(".zd-fields__values")?.getAttribute("aria-describedby")).toBe(reason?.id);
	});

	it("offers a light agent nothing on someone else's ticket, with the documented reason", async () => {
		const { container } = await setup(2, "light@example.com");
		expect(controls(container)).toHaveLength(0);
		expect(container.querySelector('[data-testid="fields-locked"]')?.textContent).toContain(
			"Zendesk doesn't let them change the fields of a ticket they didn't request",
		);
		// Ticket 2 has every field set: a dropdown shows its option's name, a checkbox Yes or No.
		expect([...container.querySelectorAll("dd")].some(dd => /^(Yes|No)$/.test(dd.textContent ?? ""))).toBe(true);
	});

	it("keeps a stored draft but neither shows nor counts it", async () => {
		const local = createMemoryStorage();
		const draft = { "5001": { value: "Typed before it closed", base: null } };
		createDraftStore(local, 1002, 7).save("fields", draft);
		const { container } = await setup(7, "agent@example.com", local);
		expect(container.textContent).not.toContain("Typed before it closed");
		expect(container.querySelector(".zd-section__badge")).toBeNull();
		const stored = createDraftStore(local, 1002, 7).load("fields", (v): v is unknown => v !== null);
		expect(stored).toEqual(draft);
	});
});
