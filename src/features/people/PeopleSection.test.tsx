// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { openEditors, renderPanel, until } from "../../testing/panelTestSetup";
import { PeopleSection } from "./PeopleSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The section on `ticketId`, once its glance names the lists. */
async function setup(ticketId: number, locale = "en") {
	const panel = renderPanel(<PeopleSection />, { ticketId, locale });
	cleanups.push(panel.dispose);
	await until(() => panel.container.querySelector(".zd-glance__label") !== null, "the glance");
	return panel;
}

const lines = (container: HTMLElement) =>
	[...container.querySelectorAll(".zd-glance__line")].map(line => line.textContent?.replace(/\s+/g, " "));

describe("PeopleSection's glance", () => {
	it("counts each list, shows up to three faces and names the first three", async () => {
		const { container } = await setup(1);
		expect(lines(container)).toEqual([
			"Email CCs (2) LOSRLiam O'Connor and Sofia Rossi",
			"Followers (1) MGMaria González",
		]);
	});

	it("counts the CCs after the third instead of naming them", async () => {
		const panel = renderPanel(<PeopleSection />, {
			ticketId: 1,
			// The ticket has six CCs before the panel reads it.
			before: emulator => {
				const ticket = emulator.db.tickets.find(t => t.id === 1);
				if (!ticket) throw new Error("no ticket 1");
				ticket.email_cc_ids = [1102, 1103, 1105, 1106, 1107, 1108];
			},
		});
		cleanups.push(panel.dispose);
		await until(() => panel.container.querySelector(".zd-glance__label") !== null, "the glance");
		expect(lines(panel.container)[0]).toBe("Email CCs (6) LOSRAOLiam O'Connor, Sofia Rossi, Amara Okafor, and 3 more");
	});

	it("reads nothing of its own and loads no editor until asked", async () => {
		const { container, emulator } = await setup(1);
		const urls = emulator.controls.requests().map(r => r.url.split("?")[0]);
		expect(urls.sort()).toEqual(["/api/v2/account/settings.json", "/api/v2/tickets/1.json"]);
		expect(container.querySelector(".zd-people")).toBeNull();
		await openEditors(container);
		await until(() => container.querySelectorAll(".zd-person").length === 3, "the editor's people");
	});

	it("speaks the agent's language", async () => {
		const { container } = await setup(1, "fr");
		expect(lines(container)[0]).toContain("Liam O'Connor et Sofia Rossi");
		expect(container.querySelector(".zd-glance button")?.textContent).toBe("Modifier les personnes");
	});

	it("shows a long CC list's first eight in the editor, and the rest on Show more", async () => {
		const panel = renderPanel(<PeopleSection />, {
			ticketId: 1,
			// Eleven CCs: every end user of the world but the requester.
			before: emulator => {
				const ticket = emulator.db.tickets.find(t => t.id === 1);
				if (!ticket) throw new Error("no ticket 1");
				ticket.email_cc_ids = [1102, 1103, 1104, 1105, 1106, 1107, 1108, 1109, 1110, 1111, 1112];
			},
		});
		cleanups.push(panel.dispose);
		await openEditors(panel.container);
		const ccs = () => panel.container.querySelectorAll('.zd-people__group[data-list="ccs"] .zd-person');
		await until(() => ccs().length > 0, "the CC chips");
		expect(ccs()).toHaveLength(8);
		const more = [...panel.container.querySelectorAll("button")].find(b => b.textContent === "Show 3 more");
		if (!more) throw new Error("no Show 3 more");
		more.click();
		await until(() => ccs().length === 11, "every CC");
		expect([...panel.container.querySelectorAll("button")].some(b => b.textContent?.startsWith("Show "))).toBe(false);
	});
});
