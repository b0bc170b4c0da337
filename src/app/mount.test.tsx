// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { ApiError } from "../platform/api/errors";
import type { LocaleLoader } from "../platform/i18n/bundles";
import type { Bundle } from "../platform/i18n/createTranslator";
import type { ZafPort } from "../platform/zaf/port";
import { createMemoryStorage, draftKey } from "../platform/storage/createDraftStore";
import { FIELD_DEFINITIONS_KEY } from "../ticket/createFieldDefinitionsCache";
import { ACCOUNT_SETTINGS_KEY } from "../ticket/createAccountSettings";
import { mount } from "./mount";
import { openEditors, until } from "../testing/panelTestSetup";

const ROOT = join(import.meta.dirname, "..", "..");
const fromDisk: LocaleLoader = async l =>
	JSON.parse(readFileSync(join(ROOT, "translations", `${l}.json`), "utf8")) as Bundle;

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const fn of cleanup) fn();
	cleanup = [];
	document.body.innerHTML = "";
});

/**
 * A fresh world: the emulator's default world, the in-process port signed in as `userEmail`
 * (default agent@example.com, Sam Carter, en-US) on ticket 1 (`ticketId: 0` = no ticket open),
 * and a container in the document.
 */
function setup(options: { userEmail?: string; ticketId?: number } = {}) {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const ticketId = options.ticketId ?? 1;
	const { port, client } = createInProcessPort({
		emulator,
		userEmail: options.userEmail ?? "agent@example.com",
		...(ticketId > 0 ? { ticketId } : {}),
	});
	cleanup.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	const container = document.createElement("div");
	document.body.append(container);
	return { emulator, port, client, container };
}

async function mounted(zaf: ZafPort, container: HTMLElement, loadLocale?: LocaleLoader) {
	const unmount = await mount({ zaf, container, ...(loadLocale ? { loadLocale } : {}) });
	cleanup.push(unmount);
	return unmount;
}

const toggles = (container: HTMLElement) => [...container.querySelectorAll<HTMLButtonElement>(".zd-section__toggle")];
/** The five section slots of the panel (a section, or its crash notice: features are tested on their own). */
const slots = (container: HTMLElement) => [...(container.querySelector(".zd-sections")?.children ?? [])];

describe("mount", () => {
	it("shows the loading state, then the five sections of the ticket sidebar", async () => {
		const { port, container } = setup();
		await mounted(port, container);
		expect(container.textContent).toContain("Loading…");
		await until(() => slots(container).length === 5, "five sections", 100);
		expect(container.querySelector(".zd-loading")).toBeNull();
		expect(container.getAttribute("lang")).toBe("en-US");
	});

	it("speaks the agent's language, loaded through the locale loader", async () => {
		// Lena Hoffmann (light@example.com) speaks German.
		const { port, container } = setup({ userEmail: "light@example.com", ticketId: 0 });
		await mounted(port, container, fromDisk);
		await until(() => container.textContent?.includes("Öffnen Sie ein Ticket") ?? false, "the German note", 100);
		expect(container.getAttribute("lang")).toBe("de");
	});

	it("falls back to English when the agent's locale cannot be loaded", async () => {
		// Maria González (maria@example.com) speaks Spanish, which this loader cannot load.
		const { port, container } = setup({ userEmail: "maria@example.com", ticketId: 0 });
		await mounted(port, container, async () => undefined);
		await until(
			() => container.textContent?.includes("Open a ticket to use this app.") ?? false,
			"the English note",
			100,
		);
	});

	it("collapses and expands a section with its keyboard-reachable toggle, keeping its content", async () => {
		const { port, container } = setup();
		await mounted(port, container);
		await until(() => toggles(container).length > 0, "a section", 100);
		const people = toggles(container)[0]!;
		const body = document.getElementById(people.getAttribute("aria-controls") ?? "")!;
		expect(people.tagName).toBe("BUTTON");
		expect(people.getAttribute("aria-expanded")).toBe("true");
		people.click();
		await until(() => people.getAttribute("aria-expanded") === "false", "collapse", 100);
		expect(body.hidden).toBe(true);
		expect(body.childNodes.length).toBeGreaterThan(0);
		people.click();
		await until(() => people.getAttribute("aria-expanded") === "true", "expand", 100);
		expect(body.hidden).toBe(false);
	});

	it("says so when no ticket is open", async () => {
		const { port, container } = setup({ ticketId: 0 });
		await mounted(port, container);
		await until(
			() => container.textContent?.includes("Open a ticket to use this app.") ?? false,
			"no-ticket note",
			100,
		);
	});

	it("shows a start-up failure with a retry that recovers", async () => {
		const { port, container } = setup();
		let failures = 1;
		const flaky: ZafPort = {
			...port,
			metadata: () =>
				failures-- > 0
					? Promise.reject(new ApiError({ kind: "timeout", message: "[zd-sidebar] metadata failed: timeout" }))
					: port.metadata(),
		};
		await mounted(flaky, container);
		await until(() => container.querySelector('[role="alert"]') !== null, "the error", 100);
		expect(container.textContent).toContain("The app could not start.");
		expect(container.textContent).toContain("Zendesk did not answer in time.");
		container.querySelector<HTMLButtonElement>(".zd-notice__actions button")!.click();
		await until(() => slots(container).length === 5, "recovery", 100);
	});

	it("keeps drafts and session caches in the storages it is given, never in the browser's own", async () => {
		const { emulator, port, container } = setup();
		const agentId = emulator.db.users.find(u => u.email === "agent@example.com")?.id ?? 0;
		const local = createMemoryStorage();
		const session = createMemoryStorage();
		local.setItem(draftKey(agentId, 1, "metadata"), JSON.stringify([{ key: "source", value: "phone" }]));
		globalThis.localStorage.clear();
		globalThis.sessionStorage.clear();
		cleanup.push(await mount({ zaf: port, container, storage: { local, session } }));
		const input = (label: string) => container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
		// The metadata row the agent typed in an earlier panel comes back from the injected local storage...
		await until(() => input("Key 1")?.value === "source", "the restored metadata row", 100);
		const value = input("Value 1")!;
		value.value = "chat";
		value.dispatchEvent(new Event("input", { bubbles: true }));
		// ...and an edit is saved there again.
		expect(local.getItem(draftKey(agentId, 1, "metadata"))).toContain("chat");
		// Account-level caches go to the injected session storage.
		await until(() => session.getItem(FIELD_DEFINITIONS_KEY) !== null, "the cached field definitions", 100);
		await until(() => session.getItem(ACCOUNT_SETTINGS_KEY) !== null, "the cached account settings", 100);
		expect(globalThis.localStorage.length).toBe(0);
		expect(globalThis.sessionStorage.length).toBe(0);
	});

	it("opens a ticket with a form with three requests: the ticket, the settings and that form with its fields (plus the names its organization lookups point to)", async () => {
		const { emulator, port, container } = setup({ ticketId: 2 });
		// A slow ticket read: the form's request must not wait for it (the log is written as answers leave).
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/2", delayMs: 80 });
		const gets: string[][] = [];
		const zaf: ZafPort = { ...port, get: paths => (gets.push(paths), port.get(paths)) };
		cleanup.push(await mount({ zaf, container, storage: { session: createMemoryStorage() } }));
		await openEditors(container);
		await until(
			() => container.querySelector(".zd-fields")?.textContent?.includes("Order number") ?? false,
			"the form's fields",
			100,
		);
		await new Promise(resolve => setTimeout(resolve, 100));
		const app = emulator.controls
			.requests()
			.filter(r => r.client === "app")
			.map(r => `${r.method} ${r.url}`);
		expect(app.indexOf("GET /api/v2/ticket_forms/7001.json?include=ticket_fields")).toBeLessThan(
			app.indexOf("GET /api/v2/tickets/2.json?include=users"),
		);
		// Ticket 2's partner organization is named at once, with the panel (one show_many for all of them).
		expect(app.sort()).toEqual([
			"GET /api/v2/account/settings.json",
			"GET /api/v2/organizations/show_many.json?ids=9004",
			"GET /api/v2/ticket_forms/7001.json?include=ticket_fields",
			"GET /api/v2/tickets/2.json?include=users",
		]);
		expect(gets[0]).toEqual(["currentUser", "ticket.form"]);
		expect(gets.filter(paths => paths.includes("currentUser"))).toHaveLength(1);
	});

	it("empties the container on unmount", async () => {
		const { port, container } = setup();
		const unmount = await mounted(port, container);
		await until(() => slots(container).length === 5, "five sections", 100);
		unmount();
		expect(container.innerHTML).toBe("");
	});
});
