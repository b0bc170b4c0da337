// @vitest-environment happy-dom
import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import { createTranslator } from "../../platform/i18n/createTranslator";
import { ApiCtx, EnvCtx, I18nCtx, ZafCtx } from "../../platform/context";
import { bundle, renderPanel, until, openEditors } from "../../testing/panelTestSetup";
import { renderPeoplePanel, type PeoplePanelOptions } from "../../testing/peoplePanelTestSetup";
import { TicketProvider } from "../../ticket/TicketProvider";
import { MetadataSection } from "../metadata/MetadataSection";
import { PeopleSection } from "./PeopleSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** A fresh emulator, the real model over the in-process port, rendered inside the real providers. */
async function setup(options: PeoplePanelOptions = {}) {
	const panel = await renderPeoplePanel(options);
	cleanups.push(panel.dispose);
	await until(() => panel.container.querySelector(".zd-people__group") !== null, "the lists");
	return panel;
}

const group = (container: HTMLElement, list: "ccs" | "followers") => {
	const found = container.querySelector<HTMLElement>(`.zd-people__group[data-list="${list}"]`);
	if (!found) throw new Error(`no ${list} group`);
	return found;
};
const input = (container: HTMLElement, list: "ccs" | "followers") => {
	const found = group(container, list).querySelector<HTMLInputElement>('input[role="combobox"]');
	if (!found) throw new Error(`no ${list} input`);
	return found;
};
const type = (element: HTMLInputElement, text: string) => {
	element.value = text;
	element.dispatchEvent(new Event("input", { bubbles: true }));
};
const key = (element: HTMLElement, name: string) =>
	element.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
const names = (container: HTMLElement, list: "ccs" | "followers") =>
	[...group(container, list).querySelectorAll(".zd-person")].map(
		li => `${li.querySelector(".zd-person__name")?.textContent}:${li.getAttribute("data-state")}`,
	);
const button = (container: HTMLElement, text: string) => {
	const found = [...container.querySelectorAll("button")].find(b => b.textContent === text);
	if (!found) throw new Error(`no button "${text}"`);
	return found;
};

describe("PeoplePanel", () => {
	it("shows CCs and followers with initials and the CC counter", async () => {
		const { container } = await setup();
		expect(names(container, "ccs")).toEqual(["Liam O'Connor:current", "Sofia Rossi:current"]);
		expect(names(container, "followers")).toEqual(["Maria González:current"]);
		expect([...group(container, "ccs").querySelectorAll(".zd-person__avatar")].map(a => a.textContent)).toEqual([
			"LO",
			"SR",
		]);
		const counter = container.querySelector(".zd-people__counter");
		expect(counter?.textContent).toBe("2 / 48");
		expect(counter?.getAttribute("aria-label")).toBe("2 of 48 email CCs");
		expect(container.textContent).toContain("never together with an internal note");
		expect(button(container, "Apply changes").disabled).toBe(true);
	});

	it("adds a CC from the keyboard-navigable listbox and applies it", async () => {
		const { container, ticket } = await setup();
		const field = input(container, "ccs");
		type(field, "Noa");
		await until(() => group(container, "ccs").querySelectorAll('[role="option"]').length > 0, "options");
		expect(field.getAttribute("aria-expanded")).toBe("true");
		key(field, "ArrowDown");
		await until(() => field.getAttribute("aria-activedescendant") !== null, "active option");
		const active = container.querySelector(`#${CSS.escape(field.getAttribute("aria-activedescendant") ?? "")}`);
		expect(active?.getAttribute("aria-selected")).toBe("true");
		expect(active?.textContent).toContain("Noah Fischer");
		key(field, "Enter");
		await until(() => names(container, "ccs").includes("Noah Fischer:adding"), "the staged chip");
		expect(field.value).toBe("");
		expect(container.querySelector(".zd-people__counter")?.textContent).toBe("3 / 48");
		expect(container.textContent).toContain("Add Noah Fischer as CC");
		button(container, "Apply changes").click();
		await until(() => container.textContent?.includes("Saved.") === true, "the confirmation");
		expect(ticket()?.email_cc_ids).toEqual([1102, 1103, 1104]);
		expect(names(container, "ccs")).toContain("Noah Fischer:current");
	});

	it("offers only agents as followers and says why", async () => {
		const { container } = await setup();
		const field = input(container, "followers");
		expect(group(container, "followers").textContent).toContain("Only agents and admins can follow a ticket");
		type(field, "Olivia");
		await until(() => group(container, "followers").textContent?.includes("1 end user hidden") === true, "the hint");
		expect(group(container, "followers").querySelectorAll('[role="option"]')).toHaveLength(0);
		type(field, "Kenji");
		await until(() => group(container, "followers").querySelectorAll('[role="option"]').length === 1, "the agent");
		expect(group(container, "followers").querySelector('[role="option"]')?.textContent).toContain("Kenji Watanabe");
	});

	it("adds an unknown email as a new CC with a name", async () => {
		const { container, model } = await setup();
		const field = input(container, "ccs");
		type(field, "jo.doe@example.net");
		await until(
			() => group(container, "ccs").textContent?.includes("Add jo.doe@example.net as a new CC") === true,
			"the offer",
		);
		key(field, "ArrowDown");
		await until(() => field.getAttribute("aria-activedescendant") !== null, "active option");
		key(field, "Enter");
		await until(() => container.querySelector(".zd-person-picker__new") !== null, "the name form");
		const nameInput = container.querySelector<HTMLInputElement>(".zd-person-picker__new input");
		if (!nameInput) throw new Error("no name input");
		type(nameInput, "Jo Doe");
		button(container, "Add").click();
		await until(() => names(container, "ccs").includes("Jo Doe:adding"), "the new chip");
		expect(group(container, "ccs").textContent).toContain("new user");
		expect(model.staged.value.changes[0]?.person).toEqual({
			kind: "email",
			email: "jo.doe@example.net",
			name: "Jo Doe",
		});
	});

	it("shows a translated message next to the field for a malformed email and keeps staged changes", async () => {
		const { container, model } = await setup();
		model.add("ccs", { kind: "email", email: "kept@example.net", name: null });
		const field = input(container, "ccs");
		type(field, "jo@x");
		key(field, "Enter");
		await until(() => group(container, "ccs").querySelector('[role="alert"]') !== null, "the issue");
		expect(group(container, "ccs").querySelector('[role="alert"]')?.textContent).toBe(
			'"jo@x" is not a valid email address.',
		);
		expect(field.getAttribute("aria-invalid")).toBe("true");
		expect(field.value).toBe("jo@x");
		expect(model.staged.value.changes).toHaveLength(1);
		type(field, "jo@x.");
		await until(() => group(container, "ccs").querySelector('[role="alert"]') === null, "the issue to clear");
	});

	it("stages a removal with the chip's remove button and undoes it", async () => {
		const { container } = await setup();
		const remove = group(container, "ccs").querySelector<HTMLButtonElement>(
			'button[aria-label="Remove Liam O\'Connor"]',
		);
		remove?.click();
		await until(() => names(container, "ccs").includes("Liam O'Connor:removing"), "the removal");
		expect(container.querySelector(".zd-people__counter")?.textContent).toBe("1 / 48");
		button(container, "Undo").click();
		await until(() => names(container, "ccs").includes("Liam O'Connor:current"), "the undo");
		expect(button(container, "Discard").disabled).toBe(true);
	});

	it("tells the agent what another agent changed while they were editing", async () => {
		const { container, model, emulator } = await setup();
		model.add("ccs", { kind: "email", email: "mine@example.net", name: null });
		model.add("followers", {
			kind: "user",
			user: {
				id: 1004,
				name: "Kenji Watanabe",
				email: "kenji@example.com",
				role: "agent",
				roleType: null,
				active: true,
				suspended: false,
			},
		});
		emulator.controls.actAs({
			ticketId: 1,
			changes: { email_ccs: [{ user_id: 1105, action: "put" }], followers: [{ user_id: 1004, action: "put" }] },
		});
		await until(() => container.querySelector('[data-notes="rebase"]') !== null, "the notice");
		const notice = container.querySelector('[data-notes="rebase"]')?.textContent ?? "";
		expect(notice).toContain("The ticket changed while you were editing");
		expect(notice).toContain("Amara Okafor was added as CC.");
		expect(notice).toContain("Kenji Watanabe had already been added as follower by someone else.");
		expect(names(container, "ccs")).toEqual([
			"Liam O'Connor:current",
			"Sofia Rossi:current",
			"Amara Okafor:current",
			"mine@example.net:adding",
		]);
	});

	it("shows a light agent why Zendesk refused, keeping the changes", async () => {
		const { container, model } = await setup({ user: "light@example.com" });
		const field = input(container, "followers");
		type(field, "Kenji");
		await until(() => group(container, "followers").querySelectorAll('[role="option"]').length === 1, "the agent");
		key(field, "ArrowDown");
		await until(() => field.getAttribute("aria-activedescendant") !== null, "active option");
		key(field, "Enter");
		await until(() => names(container, "followers").includes("Kenji Watanabe:adding"), "the staged follower");
		button(container, "Apply changes").click();
		await until(() => container.querySelector('[data-kind="forbidden"]') !== null, "the refusal");
		expect(container.textContent).toContain("You don't have permission to change CCs or followers");
		expect(model.staged.value.changes).toHaveLength(1);
	});

	it("uses one CC list and explains the legacy model when CCs and followers are off", async () => {
		const { container } = await setup({ world: "collaboratorsLegacy" });
		expect(container.querySelector('.zd-people__group[data-list="followers"]')).toBeNull();
		expect(container.textContent).toContain("This account uses legacy CCs");
		expect(group(container, "ccs").querySelector("h3")?.textContent).toContain("CCs (collaborators)");
	});

	it("speaks German for a German agent", async () => {
		const { container } = await setup({ locale: "de" });
		expect(group(container, "ccs").querySelector("h3")?.textContent).toContain("E-Mail-CCs");
		expect(button(container, "Änderungen übernehmen").disabled).toBe(true);
	});
});

describe("PeopleSection", () => {
	it("builds its model from the environment and loads the ticket's people", async () => {
		const emulator = createEmulator({ settings: { rateLimits: false } });
		const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId: 1 });
		const container = document.createElement("div");
		document.body.append(container);
		const env = {
			location: "ticket_sidebar",
			ticketId: 1,
			settings: {} as never,
			currentUser: { id: 1002, name: "Sam Carter", locale: "en", role: "agent" },
		};
		render(
			<ZafCtx.Provider value={port}>
				<ApiCtx.Provider value={createZendeskApi(port)}>
					<I18nCtx.Provider value={createTranslator("en", { en: bundle("en") })}>
						<EnvCtx.Provider value={env}>
							<TicketProvider>
								<PeopleSection />
							</TicketProvider>
						</EnvCtx.Provider>
					</I18nCtx.Provider>
				</ApiCtx.Provider>
			</ZafCtx.Provider>,
			container,
		);
		cleanups.push(() => {
			render(null, container);
			client.close();
			emulator.dispose();
		});
		await openEditors(container);
		await until(() => container.querySelectorAll(".zd-person").length === 3, "the people");
		expect(container.querySelector(".zd-section__toggle")?.textContent).toBe("People");
	});
});

describe("PeopleSection with the Metadata section (the panel's shared metadata)", () => {
	/** Both sections inside the real providers, as ShellSidebar renders them, over the emulator. */
	async function setupPanel() {
		const { emulator, container, dispose } = renderPanel(
			<>
				<PeopleSection />
				<MetadataSection />
			</>,
			{ ticketId: 1 },
		);
		cleanups.push(dispose);
		await openEditors(container);
		await until(() => container.querySelectorAll(".zd-person").length === 3, "the people");
		const puts = () => emulator.controls.requests().filter(r => r.method === "PUT");
		const people = () => container.querySelector<HTMLElement>(".zd-people")!;
		const metadataRow = (key: string, value: string) => {
			button(container, "Add metadata").click();
			return until(() => container.querySelector('input[aria-label="Key 1"]') !== null, "the row").then(() => {
				type(container.querySelector<HTMLInputElement>('input[aria-label="Key 1"]')!, key);
				type(container.querySelector<HTMLInputElement>('input[aria-label="Value 1"]')!, value);
			});
		};
		const removeLiam = async () => {
			group(container, "ccs").querySelector<HTMLButtonElement>('button[aria-label="Remove Liam O\'Connor"]')?.click();
			await until(() => names(container, "ccs").includes("Liam O'Connor:removing"), "the staged removal");
		};
		return { emulator, container, puts, people, metadataRow, removeLiam };
	}

	it("says the metadata goes with the apply, and the Metadata section names fields and people saves", async () => {
		const { container, emulator, people, metadataRow, removeLiam } = await setupPanel();
		expect(container.textContent).toContain("attached to the next fields or people change you save");
		await metadataRow("reason", "customer call");
		await removeLiam();
		expect(people().textContent).toContain("Your audit metadata will be saved with these changes.");
		button(container, "Apply changes").click();
		await until(() => container.textContent?.includes("Metadata saved on audit") === true, "the metadata status");
		const audit = emulator.db.audits.filter(a => a.ticket_id === 1).at(-1);
		expect(audit?.metadata.custom).toEqual({ reason: "customer call" });
		expect(container.textContent).toContain(`Metadata saved on audit ${audit?.id}.`);
		expect(container.querySelector('input[aria-label="Key 1"]')).toBeNull();
	});

	it("blocks Apply on oversize metadata: the reason in the Metadata section, a pointer in People, nothing sent", async () => {
		const { container, puts, people, metadataRow, removeLiam } = await setupPanel();
		await metadataRow("notes", "x".repeat(1100));
		await removeLiam();
		button(container, "Apply changes").click();
		await until(() => people().querySelector('[role="alert"]') !== null, "the pointer");
		expect(people().querySelector('[role="alert"]')?.textContent).toBe(
			"Fix the audit metadata first (see Metadata below): it would be saved with these changes. Nothing was sent.",
		);
		expect(container.querySelector(".zd-metadata")?.textContent).toMatch(
			/Metadata is \d+ bytes; Zendesk accepts at most 1024\./,
		);
		expect(puts()).toEqual([]);
		expect(names(container, "ccs")).toContain("Liam O'Connor:removing");
	});
});
