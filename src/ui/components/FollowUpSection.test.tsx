// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../api/client";
import { createTranslator, type Bundle } from "../../i18n/createTranslator";
import { ApiCtx, I18nCtx, ZafCtx } from "../context";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../models/createDraftStore";
import { createFollowUpModel } from "../models/createFollowUpModel";
import { FollowUpPanel } from "./FollowUpSection";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const bundle = (locale: string) =>
	JSON.parse(readFileSync(join(ROOT, "translations", `${locale}.json`), "utf8")) as Bundle;

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** A fresh emulator and the real model over the in-process port, rendered inside the real providers. */
async function setup(options: { ticketId?: number; locale?: string; storage?: StorageLike } = {}) {
	const { ticketId = 7, locale = "en", storage = createMemoryStorage() } = options;
	const emulator = createEmulator({ settings: { rateLimits: false, jobStepMs: 0 } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId });
	const api = createZendeskApi(port);
	const translator = createTranslator(locale, { en: bundle("en"), [locale]: bundle(locale) });
	const model = createFollowUpModel({
		api,
		zaf: port,
		ticketId,
		drafts: createDraftStore(storage, 1002, ticketId),
		linkedNote: id => translator.t("followUp.linkedNote", { id }),
		searchDebounceMs: 0,
	});
	const container = document.createElement("div");
	document.body.append(container);
	render(
		<ZafCtx.Provider value={port}>
			<ApiCtx.Provider value={api}>
				<I18nCtx.Provider value={translator}>
					<FollowUpPanel model={model} />
				</I18nCtx.Provider>
			</ApiCtx.Provider>
		</ZafCtx.Provider>,
		container,
	);
	const unmount = () => {
		render(null, container);
		model.dispose();
	};
	cleanups.push(() => {
		unmount();
		client.close();
		emulator.dispose();
	});
	await model.load();
	await until(() => container.querySelector(".zd-followup") !== null, "the section");
	return { emulator, model, container, client, storage, unmount };
}

async function until(check: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 300; i++) {
		if (check()) return;
		await new Promise(r => setTimeout(r, 5));
	}
	throw new Error(`timed out waiting for ${what}`);
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

describe("FollowUpPanel", () => {
	it("creates a follow-up on a closed ticket and links to it", async () => {
		const { container, emulator, client } = await setup();
		expect(container.textContent).toContain("This ticket is closed and can't be reopened.");
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form");
		type(fieldByLabel(container, "First comment"), "The scanner jams again.");
		submit(container);
		await until(() => container.textContent?.includes("Follow-up #16 created.") === true, "the confirmation");
		expect(emulator.db.tickets.find(t => t.id === 16)?.via.source).toMatchObject({
			rel: "follow_up",
			from: { ticket_id: 7 },
		});
		button(container, "#16").click();
		await until(() => client.invocations.some(i => i.name === "routeTo"), "routeTo");
		expect(client.invocations).toContainEqual({ name: "routeTo", args: ["ticket", 16] });
		expect(container.querySelector("form")).toBeNull();
	});

	it("explains an empty comment next to the field and keeps the form", async () => {
		const { container, emulator } = await setup();
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form");
		submit(container);
		await until(() => container.textContent?.includes("Write the first comment") === true, "the issue");
		const comment = fieldByLabel<HTMLTextAreaElement>(container, "First comment");
		expect(comment.getAttribute("aria-invalid")).toBe("true");
		const describedBy = comment.getAttribute("aria-describedby") ?? "";
		expect(container.querySelector(`#${CSS.escape(describedBy.split(" ").pop() ?? "")}`)?.textContent).toBe(
			"Write the first comment of the new ticket.",
		);
		expect(emulator.db.tickets).toHaveLength(15);
	});

	it("says plainly that an open ticket cannot get a follow-up and offers a linked ticket", async () => {
		const { container, emulator } = await setup({ ticketId: 1 });
		expect(container.textContent).toContain("This ticket is open. Zendesk links follow-ups only to closed tickets");
		expect(() => button(container, "Create follow-up")).toThrow();
		button(container, "Create linked ticket").click();
		await until(() => container.querySelector("form") !== null, "the form");
		type(fieldByLabel(container, "First comment"), "A related question.");
		submit(container);
		await until(() => container.textContent?.includes("Linked ticket #16 created.") === true, "the confirmation");
		expect(emulator.db.comments.find(c => c.ticket_id === 16)?.body).toBe(
			"A related question.\n\nThis ticket continues ticket #1.",
		);
	});

	it("lists the existing follow-ups of the ticket", async () => {
		const { container } = await setup({ ticketId: 8 });
		expect(container.textContent).toContain("Follow-up of this ticket:");
		expect(button(container, "#9")).toBeTruthy();
	});

	it("picks another requester from the keyboard-navigable search results", async () => {
		const { container, model } = await setup();
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form");
		radio(container, "Another existing user").click();
		await until(() => container.querySelector('input[role="combobox"]') !== null, "the search box");
		const search = container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
		type(search, "hannah");
		await until(() => container.querySelectorAll('[role="option"]').length > 0, "options");
		expect(search.getAttribute("aria-expanded")).toBe("true");
		key(search, "ArrowDown");
		await until(() => search.getAttribute("aria-activedescendant") !== null, "the active option");
		const active = container.querySelector(`#${CSS.escape(search.getAttribute("aria-activedescendant") ?? "")}`);
		expect(active?.getAttribute("aria-selected")).toBe("true");
		key(search, "Enter");
		await until(() => container.textContent?.includes("Requester: Hannah Schmidt") === true, "the pick");
		expect(model.draft.value?.requester).toMatchObject({ kind: "existing", userId: 1109 });
	});

	it("shows a bad new-requester email next to the email field", async () => {
		const { container } = await setup();
		button(container, "Create follow-up").click();
		await until(() => container.querySelector("form") !== null, "the form");
		radio(container, "New requester").click();
		await until(() => container.textContent?.includes("Email") === true, "the new requester fields");
		type(fieldByLabel(container, "Name"), "Pablo");
		type(fieldByLabel(container, "Email"), "pablo@nowhere");
		type(fieldByLabel(container, "First comment"), "Hi");
		submit(container);
		await until(
			() => container.textContent?.includes('"pablo@nowhere" is not a valid email address.') === true,
			"the issue",
		);
		expect(fieldByLabel(container, "Email").getAttribute("aria-invalid")).toBe("true");
		expect(fieldByLabel<HTMLInputElement>(container, "Email").value).toBe("pablo@nowhere");
	});

	it("refuses a binary file with an explanation and uploads a text file", async () => {
		const { container, model } = await setup();
		button(container, "Create follow-up").click();
		await until(() => container.querySelector('input[type="file"]') !== null, "the file input");
		const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
		const files = [
			new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "photo.png"),
			new File(["a,b\n1,2\n"], "data.csv"),
		];
		Object.defineProperty(input, "files", { value: files, configurable: true });
		input.dispatchEvent(new Event("change", { bubbles: true }));
		await until(() => container.querySelectorAll(".zd-followup__file").length === 2, "two rows");
		await until(
			() => model.uploads.inFlight.value === 0 && container.textContent?.includes("uploaded") === true,
			"the upload",
		);
		const rows = [...container.querySelectorAll(".zd-followup__file")].map(r => r.getAttribute("data-state"));
		expect(rows).toEqual(["refused", "uploaded"]);
		expect(container.textContent).toContain("photo.png is not a text file");
		expect(container.textContent).toContain("attach button of the ticket editor");
	});

	it("keeps the draft when the panel is reloaded", async () => {
		const storage = createMemoryStorage();
		const first = await setup({ storage });
		button(first.container, "Create follow-up").click();
		await until(() => first.container.querySelector("form") !== null, "the form");
		type(fieldByLabel(first.container, "First comment"), "Half-written reply");
		first.unmount();
		const second = await setup({ storage });
		await until(() => second.container.querySelector("form") !== null, "the restored form");
		expect(fieldByLabel<HTMLTextAreaElement>(second.container, "First comment").value).toBe("Half-written reply");
	});

	it("speaks German for a German agent", async () => {
		const { container } = await setup({ locale: "de" });
		expect(container.textContent).toContain("Dieses Ticket ist geschlossen");
		expect(button(container, "Folgeticket erstellen")).toBeTruthy();
	});
});
