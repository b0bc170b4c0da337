// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { openEditors, renderPanel, until } from "../../testing/panelTestSetup";
import { MetadataSection } from "./MetadataSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

describe("MetadataSection on a ticket that can't be changed", () => {
	it("offers no metadata editor on a closed ticket, and says why", async () => {
		const { container, dispose } = renderPanel(<MetadataSection />, { ticketId: 7 });
		cleanups.push(dispose);
		await until(() => container.querySelector('[data-testid="metadata-locked"]') !== null, "the reason");
		expect(container.querySelector('[data-testid="metadata-locked"]')?.textContent).toBe(
			"This ticket is closed, so no change can carry audit metadata. A follow-up can.",
		);
		expect(container.querySelectorAll("input, textarea, button:not(.zd-section__toggle)")).toHaveLength(0);
	});

	it("keeps the editor on an open ticket", async () => {
		const { container, dispose } = renderPanel(<MetadataSection />, { ticketId: 1 });
		cleanups.push(dispose);
		await openEditors(container);
		await until(
			() => [...container.querySelectorAll("button")].some(b => b.textContent === "Add metadata"),
			"the editor",
		);
		expect(container.querySelector('[data-testid="metadata-locked"]')).toBeNull();
	});
});
