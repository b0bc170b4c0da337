// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { FaultSpec } from "../../../sandbox/emulator/controls/faults";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../../platform/storage/createDraftStore";
import { renderPanel, until } from "../../testing/panelTestSetup";
import { FollowUpSection } from "./FollowUpSection";

const AGENT_ID = 1002;

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The real section over the emulator (in-process), inside the real providers. */
async function setup(
	ticketId: number,
	options: { local?: StorageLike; locale?: string; fault?: FaultSpec; ready?: string } = {},
) {
	const { ready = ".zd-followup", ...panel } = options;
	const { emulator, client, container, local, dispose } = renderPanel(<FollowUpSection />, {
		ticketId,
		emulatorSettings: { jobStepMs: 0 },
		...panel,
	});
	cleanups.push(dispose);
	const ticketReads = () =>
		emulator.controls
			.requests()
			.filter(r => r.method === "GET" && r.url.split("?")[0]?.replace(/\.json$/, "") === `/api/v2/tickets/${ticketId}`)
			.length;
	await until(() => container.querySelector(ready) !== null, ready, 300);
	return { emulator, client, container, local, ticketReads };
}

const type = (element: HTMLInputElement | HTMLTextAreaElement, text: string) => {
	element.value = text;
	element.dispatchEvent(new Event("input", { bubbles: true }));
};
const key = (element: HTMLElement, name: string) =>
	element.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true }));
const button = (container: HTMLElement, text: string) => {
	const found = [...container.querySelectorAll("button")].find(b => b.textContent?.trim() === text);
	if (!found) throw new Error(`no button "${text}"`);
	return found;
};
const fieldByLabel = <T extends HTMLElement>(container: HTMLElement, label: string): T => {
	const element = [...container.querySelectorAll("label")].find(l => l.textContent?.replace(" *", "").trim() === label);
	const control = element?.htmlFor ? container.querySelector<T>(`#${CSS.escape(element.htmlFor)}`) : null;
	if (!control) throw new Error(`no field "${label}"`);
	return control;
};
const radio = (container: HTMLElement, text: string) => {
	const label = [...container.querySelectorAll("label.zd-radio")].find(l => l.textContent?.includes(text));
	const input = label?.querySelector("input");
	if (!input) throw new Error(`no radio "${text}"`);
	return input;
};
const submit = (container: HTMLElement) =>
	container.querySelector("form")?.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));

const commentBox = (container: HTMLElement) => container.querySelector("textarea");
/** The follow-up draft stored for the agent on ticket 7. */
const storedDraft = (local: StorageLike) =>
	createDraftStore(local, AGENT_ID, 7).load("followUp", (v): v is Record<string, unknown> => typeof v === "object");

describe("FollowUpSection", () => {
	it("shows what the agent can create and the existing follow-ups from one ticket read, without the form", async () => {
		const { container, ticketReads } = await setup(8);
		expect(container.querySelector(".zd-followup")?.getAttribute("data-mode")).toBe("followUp");
		expect(container.textContent).toContain("#9");
		expect(container.querySelector(".zd-section__badge")?.textContent).toBe("1");
		expect(commentBox(container)).toBeNull();
		expect(ticketReads()).toBe(1);
	});

	it("opens the form on the start button, from the ticket it has already read", async () => {
		const { container, ticketReads } = await setup(7);
		button(container, "Create follow-up").click();
		await until(() => commentBox(container) !== null, "the form", 300);
		expect(ticketReads()).toBe(1);
	});

	it("once the form is open, reads the ticket once per change elsewhere (the model follows it, not the glance too)", async () => {
		const { container, emulator, ticketReads } = await setup(1);
		button(container, "Create linked ticket").click();
		await until(() => commentBox(container) !== null, "the form", 300);
		emulator.controls.clearRequests();
		emulator.controls.actAs({ ticketId: 1, changes: { status: "pending" } });
		await until(() => ticketReads() > 0, "the re-read", 300);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(ticketReads()).toBe(1);
	});

	it("brings a waiting draft back at panel open, with what the agent wrote", async () => {
		const local = createMemoryStorage();
		const first = await setup(7, { local });
		button(first.container, "Create follow-up").click();
		await until(() => commentBox(first.container) !== null, "the form", 300);
		const box = commentBox(first.container)!;
		box.value = "Still jammed.";
		box.dispatchEvent(new Event("input", { bubbles: true }));
		expect(createDraftStore(local, AGENT_ID, 7).load("followUp", (_v): _v is unknown => true)).toBeDefined();
		cleanups.pop()?.();

		const again = await setup(7, { local });
		await until(() => commentBox(again.container) !== null, "the restored form", 300);
		expect(commentBox(again.container)?.value).toBe("Still jammed.");
	});

	it("keeps the section when the ticket cannot be read, and reads again on Try again", async () => {
		const { container, emulator } = await setup(7, {
			fault: { method: "GET", path: "/api/v2/tickets/7", status: 403, times: 1 },
			ready: "[role=alert]",
		});
		expect(container.querySelector(".zd-followup")).toBeNull();
		emulator.controls.clearFaults();
		button(container, "Try again").click();
		await until(() => container.querySelector(".zd-followup") !== null, "the section after the retry", 300);
	});

	it("keeps the ticket shown when a refresh fails: a failed refresh is not a failed section", async () => {
		const { container, emulator, ticketReads } = await setup(1);
		emulator.controls.clearRequests();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", status: 403, times: 1 });
		emulator.controls.actAs({ ticketId: 1, changes: { status: "pending" } });
		await until(() => ticketReads() > 0, "the failed refresh", 300);
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(container.querySelector(".zd-followup")).not.toBeNull();
		expect(container.querySelector("[role=alert]")).toBeNull();
	});

	it("creates a follow-up on a closed ticket and links to it", async () => {
		const { container, emulator, client } = await setup(7);
		expect(container.textContent).toContain("This ticket is closed and can't be reopened.");
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		type(fieldByLabel(container, "First comment"), "The scanner jams again.");
		submit(container);
		await until(() => container.textContent?.includes("Follow-up #16 created.") === true, "the confirmation", 300);
		expect(emulator.db.tickets.find(t => t.id === 16)?.via.source).toMatchObject({
			rel: "follow_up",
			from: { ticket_id: 7 },
		});
		button(container, "#16").click();
		await until(() => client.invocations.some(i => i.name === "routeTo"), "routeTo", 300);
		expect(client.invocations).toContainEqual({ name: "routeTo", args: ["ticket", 16] });
		expect(container.querySelector("form")).toBeNull();
	});

	it("counts a create's 429 down beside the create button, then creates by itself", async () => {
		const fault = { method: "POST", path: "/api/v2/tickets", status: 429, retryAfter: 1, times: 1 } as const;
		const { container, emulator } = await setup(7, { fault });
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		type(fieldByLabel(container, "First comment"), "Slow down, then create.");
		submit(container);
		const notice = () => container.querySelector<HTMLElement>('.zd-followup__actions [data-testid="wait-notice"]');
		await until(() => notice() !== null, "the countdown beside Create", 300);
		expect(notice()?.dataset.reason).toBe("rate_limited");
		expect(notice()?.textContent).toMatch(/^Zendesk asked the app to slow down\. Retrying in [12] seconds?\.$/);
		// The only countdown of the form, and no live region (the panel's status line announces a wait once).
		expect(container.querySelectorAll('[data-testid="wait-notice"]')).toHaveLength(1);
		expect(container.textContent).not.toContain("Creating the ticket…");
		expect(notice()?.closest('[aria-live], [role="status"]')).toBeNull();
		await until(() => container.textContent?.includes("Follow-up #16 created.") === true, "the confirmation", 600);
		expect(notice()).toBeNull();
		expect(emulator.db.tickets.filter(t => t.id > 15)).toHaveLength(1);
	});

	it("explains an empty comment next to the field and keeps the form", async () => {
		const { container, emulator } = await setup(7);
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		submit(container);
		await until(() => container.textContent?.includes("Write the first comment") === true, "the issue", 300);
		const comment = fieldByLabel<HTMLTextAreaElement>(container, "First comment");
		expect(comment.getAttribute("aria-invalid")).toBe("true");
		const describedBy = comment.getAttribute("aria-describedby") ?? "";
		expect(container.querySelector(`#${CSS.escape(describedBy.split(" ").pop() ?? "")}`)?.textContent).toBe(
			"Write the first comment of the new ticket.",
		);
		expect(emulator.db.tickets).toHaveLength(15);
	});

	it("says plainly that an open ticket cannot get a follow-up and offers a linked ticket", async () => {
		const { container, emulator } = await setup(1);
		expect(container.textContent).toContain("This ticket is open. Zendesk links follow-ups only to closed tickets");
		expect(() => button(container, "Create follow-up")).toThrow();
		button(container, "Create linked ticket").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		type(fieldByLabel(container, "First comment"), "A related question.");
		submit(container);
		await until(() => container.textContent?.includes("Linked ticket #16 created.") === true, "the confirmation", 300);
		expect(emulator.db.comments.find(c => c.ticket_id === 16)?.body).toBe(
			"A related question.\n\nThis ticket continues ticket #1.",
		);
	});

	it("lists the existing follow-ups of the ticket", async () => {
		const { container } = await setup(8);
		expect(container.textContent).toContain("Follow-up of this ticket:");
		expect(button(container, "#9")).toBeTruthy();
	});

	it("picks another requester from the keyboard-navigable search results", async () => {
		const { container, local } = await setup(7);
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		radio(container, "Another existing user").click();
		await until(() => container.querySelector('input[role="combobox"]') !== null, "the search box", 300);
		const search = container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
		type(search, "hannah");
		await until(() => container.querySelectorAll('[role="option"]').length > 0, "options", 300);
		expect(search.getAttribute("aria-expanded")).toBe("true");
		key(search, "ArrowDown");
		await until(() => search.getAttribute("aria-activedescendant") !== null, "the active option", 300);
		const active = container.querySelector(`#${CSS.escape(search.getAttribute("aria-activedescendant") ?? "")}`);
		expect(active?.getAttribute("aria-selected")).toBe("true");
		key(search, "Enter");
		const picked = () => container.querySelector(".zd-followup__picked .zd-person__name")?.textContent;
		await until(() => picked() === "Hannah Schmidt", "the pick", 300);
		expect(storedDraft(local)).toMatchObject({ requester: { kind: "existing", userId: 1109 } });
	});

	it("offers the language of a new requester at once, with the account default, and fills in the account's languages when they arrive", async () => {
		// The account's languages take a while to come: the field must not wait for them.
		const { container } = await setup(7, { fault: { method: "GET", path: "/api/v2/locales", delayMs: 300 } });
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		radio(container, "New requester").click();
		await until(() => container.textContent?.includes("Email") === true, "the new requester fields", 300);
		const language = fieldByLabel<HTMLSelectElement>(container, "Language");
		expect([...language.options].map(o => o.textContent)).toEqual(["Account default"]);
		await until(() => language.options.length > 1, "the account's languages", 300);
		expect(fieldByLabel<HTMLSelectElement>(container, "Language")).toBe(language);
		expect(language.value).toBe("");
	});

	it("shows a bad new-requester email next to the email field", async () => {
		const { container } = await setup(7);
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form", 300);
		radio(container, "New requester").click();
		await until(() => container.textContent?.includes("Email") === true, "the new requester fields", 300);
		type(fieldByLabel(container, "Name"), "Pablo");
		type(fieldByLabel(container, "Email"), "pablo@nowhere");
		type(fieldByLabel(container, "First comment"), "Hi");
		submit(container);
		await until(
			() => container.textContent?.includes('"pablo@nowhere" is not a valid email address.') === true,
			"the issue",
			300,
		);
		expect(fieldByLabel(container, "Email").getAttribute("aria-invalid")).toBe("true");
		expect(fieldByLabel<HTMLInputElement>(container, "Email").value).toBe("pablo@nowhere");
	});

	it("refuses a binary file with an explanation and uploads a text file", async () => {
		const { container } = await setup(7);
		button(container, "Create follow-up").click();
		await until(() => container.querySelector('input[type="file"]') !== null, "the file input", 300);
		const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
		const files = [
			new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "photo.png"),
			new File(["a,b\n1,2\n"], "data.csv"),
		];
		Object.defineProperty(input, "files", { value: files, configurable: true });
		input.dispatchEvent(new Event("change", { bubbles: true }));
		await until(() => container.querySelectorAll(".zd-followup__file").length === 2, "two rows", 300);
		const rows = () => [...container.querySelectorAll(".zd-followup__file")].map(r => r.getAttribute("data-state"));
		await until(() => rows()[1] === "uploaded", "the upload", 300);
		expect(rows()).toEqual(["refused", "uploaded"]);
		expect(container.textContent).toContain("photo.png is not a text file");
		expect(container.textContent).toContain("attach button of the ticket editor");
	});

	it("speaks German for a German agent", async () => {
		const { container } = await setup(7, { locale: "de" });
		expect(container.textContent).toContain("Dieses Ticket ist geschlossen");
		expect(button(container, "Folgeticket erstellen")).toBeTruthy();
	});
});
