// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { renderPanel, until } from "../../testing/panelTestSetup";
import { FollowUpSection } from "./FollowUpSection";
import { createMemoryStorage, type StorageLike } from "../../platform/storage/createDraftStore";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The real section on the closed ticket 7, its form open, over the in-process emulator. */
async function openForm(local?: StorageLike) {
	const { container, emulator, dispose } = renderPanel(<FollowUpSection />, {
		ticketId: 7,
		emulatorSettings: { jobStepMs: 0 },
		...(local ? { local } : {}),
	});
	cleanups.push(dispose);
	await until(() => container.querySelector(".zd-followup") !== null, "the glance", 300);
	// A waiting draft opens the form by itself.
	[...container.querySelectorAll("button")].find(b => b.textContent?.trim() === "Create follow-up")?.click();
	await until(() => container.querySelector(".zd-followup__ccs") !== null, "the form", 300);
	const ccs = container.querySelector<HTMLElement>(".zd-followup__ccs")!;
	const box = ccs.querySelector<HTMLInputElement>('input[type="text"]')!;
	const type = (text: string) => {
		box.value = text;
		box.dispatchEvent(new Event("input", { bubbles: true }));
	};
	// Enter adds what is typed (the picker's Enter with nothing highlighted).
	const add = () => box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
	const messages = () => [...ccs.querySelectorAll(".zd-field__issue")].map(p => p.textContent);
	const chips = () =>
		[...ccs.querySelectorAll(".zd-person")].map(chip => chip.querySelector(".zd-person__name")?.textContent);
	const options = () => [...ccs.querySelectorAll('[role="option"]')].map(o => o.textContent);
	return { container, emulator, ccs, box, type, add, messages, chips, options };
}

describe("the follow-up form's CC box", () => {
	it("names a look-alike @ as it is typed, and on the listed CC before any create attempt", async () => {
		const { box, type, add, messages, ccs } = await openForm();
		type("bob\uff20example.com");
		await until(() => messages().length > 0, "the message");
		const message = "“bob\uff20example.com” has a look-alike @ (＠). Use the ordinary @ sign.";
		expect(messages()).toEqual([message]);
		expect(box.getAttribute("aria-invalid")).toBe("true");
		add();
		await until(() => ccs.querySelector(".zd-person.has-issue") !== null, "the flagged chip");
		expect(ccs.querySelector(".zd-person.has-issue .zd-field__issue")?.textContent).toBe(message);
	});

	it("says a spelled-out at needs an @ sign, and stays quiet for a good address", async () => {
		const { type, messages } = await openForm();
		type("bob at example.com");
		await until(() => messages().length > 0, "the message");
		expect(messages()).toEqual(["Write “bob at example.com” with an @ sign, e.g. bob@example.com."]);
		type("bob@example.com, ann@example.org");
		await until(() => messages().length === 0, "no message");
	});

	it("finds a user by name and lists them as a CC chip, from the same search as the People picker", async () => {
		const { type, options, chips, box, emulator, ccs } = await openForm();
		const before = chips().length;
		type("Hannah");
		await until(() => options().length > 0, "the options");
		expect(options()[0]).toContain("Hannah Schmidt");
		expect(emulator.controls.requests().map(r => r.url)).toContain("/api/v2/users/autocomplete.json?name=Hannah");
		ccs
			.querySelector('[role="option"]')!
			.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
		await until(() => chips().length === before + 1, "the chip");
		expect(chips().at(-1)).toBe("Hannah Schmidt");
		expect(box.value).toBe("");
	});

	it("takes a typed email that belongs to a user as that user, and several addresses with Enter", async () => {
		const { type, add, chips, container } = await openForm();
		const before = chips().length;
		type("Hannah.Schmidt@example.org");
		add();
		await until(() => chips().length === before + 1, "the user's chip");
		expect(chips().at(-1)).toBe("Hannah Schmidt");
		type("jo@example.net, kim@example.net");
		add();
		await until(() => chips().length === before + 3, "the address chips");
		expect(chips().slice(-2)).toEqual(["jo@example.net", "kim@example.net"]);
		expect(container.textContent).not.toContain("Add hannah");
	});

	it("keeps the text typed in the CC picker through a reload of the panel", async () => {
		const local = createMemoryStorage();
		const first = await openForm(local);
		first.type("kim@exampl");
		cleanups.pop()?.();
		const again = await openForm(local);
		expect(again.box.value).toBe("kim@exampl");
	});
});
