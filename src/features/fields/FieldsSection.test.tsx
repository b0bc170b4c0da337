// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { openEditors, renderPanel, until } from "../../testing/panelTestSetup";
import { FieldsSection } from "./FieldsSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The section on `ticketId`, once its glance has counted the fields. */
async function setup(ticketId: number, locale = "en") {
	const panel = renderPanel(<FieldsSection />, { ticketId, locale });
	cleanups.push(panel.dispose);
	await until(() => panel.container.querySelector(".zd-glance__line") !== null, "the glance");
	return panel;
}

const lines = (container: HTMLElement) =>
	[...container.querySelectorAll(".zd-glance__line")].map(line => line.textContent);

describe("FieldsSection's glance", () => {
	it("counts what is filled in and names what Zendesk needs before solving", async () => {
		const { container, emulator } = await setup(1);
		const shown = lines(container);
		expect(shown[0]).toMatch(/^\d+ of \d+ fields filled in$/);
		expect(shown[1]).toBe("Needed to solve: Resolution code");
		// Ticket 1 has no form: the glance reads the definitions the editor would (every field and form), once.
		const urls = emulator.controls.requests().map(r => r.url.split("?")[0]);
		expect(urls.sort()).toEqual(["/api/v2/ticket_fields.json", "/api/v2/ticket_forms.json", "/api/v2/tickets/1.json"]);
	});

	it("says nothing is needed once every field is set, and opens the editor on demand", async () => {
		const { container } = await setup(2);
		expect(container.querySelector('[data-testid="fields-needed"]')).toBeNull();
		expect(container.querySelector("[data-field-id]")).toBeNull();
		await openEditors(container);
		await until(() => container.querySelector("[data-field-id]") !== null, "the editor's fields");
	});

	it("speaks the agent's language", async () => {
		const { container } = await setup(1, "de");
		expect(lines(container)[0]).toMatch(/^\d+ von \d+ Feldern ausgefüllt$/);
		expect(container.querySelector(".zd-glance button")?.textContent).toBe("Felder bearbeiten");
	});
});
