// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { createMemoryStorage } from "../../platform/storage/createDraftStore";
import { openEditors, renderPanel, until } from "../../testing/panelTestSetup";
import { PeopleSection } from "./PeopleSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The section on `ticketId` as `user`, once its lists show. */
async function setup(ticketId: number, user: string, local = createMemoryStorage()) {
	const panel = renderPanel(<PeopleSection />, { ticketId, user, local, locale: "en" });
	cleanups.push(panel.dispose);
	await openEditors(panel.container);
	await until(() => panel.container.querySelector(".zd-people__group") !== null, "the people lists");
	return panel;
}

/** Every control an agent could change something with. */
const editable = (container: HTMLElement) =>
	container.querySelectorAll(".zd-people input, .zd-people select, .zd-people textarea, .zd-people button");

describe("PeopleSection on a ticket that can't be changed", () => {
	it("shows a closed ticket's CCs and followers read-only, says why and points to the follow-up", async () => {
		const { container } = await setup(7, "agent@example.com");
		const names = [...container.querySelectorAll(".zd-person__name")].map(el => el.textContent);
		expect(names).toHaveLength(3); // email CCs 1110 + 1111, follower 1004
		expect(editable(container)).toHaveLength(0);
		expect(container.querySelector('[role="combobox"]')).toBeNull();
		const reason = container.querySelector('[data-testid="people-locked"]');
		expect(reason?.textContent).toBe(
			"This ticket is closed: Zendesk accepts no changes to it. Create a follow-up instead (Follow-up section above).",
		);
		// The lists are described by the reason, for screen readers.
		expect(container.querySelector(".zd-people__list")?.getAttribute("aria-describedby")).toBe(reason?.id);
	});

	it("offers a light agent nothing on someone else's ticket, with the documented reason", async () => {
		const { container, emulator } = await setup(1, "light@example.com");
		expect(container.querySelectorAll(".zd-person")).toHaveLength(3);
		expect(editable(container)).toHaveLength(0);
		expect(container.querySelector('[data-testid="people-locked"]')?.textContent).toContain(
			"Light agents can add only private comments",
		);
		expect(emulator.controls.requests().filter(r => r.method === "PUT")).toHaveLength(0);
	});

	it("keeps staged changes stored but does not offer them", async () => {
		const local = createMemoryStorage();
		const staged = {
			changes: [{ list: "ccs", op: "add", person: { kind: "email", email: "late@example.net", name: "Late" } }],
		};
		createDraftStore(local, 1002, 7).save("people", staged);
		const { container } = await setup(7, "agent@example.com", local);
		expect(container.textContent).not.toContain("late@example.net");
		expect(container.querySelector(".zd-section__badge")).toBeNull();
		expect(createDraftStore(local, 1002, 7).load("people", (v): v is unknown => v !== null)).toEqual(staged);
	});

	it("stays editable for the agent on an open ticket", async () => {
		const { container } = await setup(1, "agent@example.com");
		expect(container.querySelector('[data-testid="people-locked"]')).toBeNull();
		expect(container.querySelectorAll('[role="combobox"]')).toHaveLength(2);
	});
});
