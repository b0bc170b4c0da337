// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { renderPanel, until } from "../../testing/panelTestSetup";
import { FollowUpSection } from "./FollowUpSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The real section on the closed ticket 7, its form open, over the in-process emulator. */
async function openForm() {
	const { container, emulator, dispose } = renderPanel(<FollowUpSection />, {
		ticketId: 7,
		emulatorSettings: { jobStepMs: 0 },
	});
	cleanups.push(dispose);
	await until(() => container.querySelector(".zd-followup") !== null, "the glance", 300);
	[...container.querySelectorAll("button")].find(b => b.textContent?.trim() === "Create follow-up")?.click();
	await until(() => container.querySelector(".zd-followup__ccs") !== null, "the form", 300);
	const ccs = container.querySelector<HTMLElement>(".zd-followup__ccs")!;
	const box = ccs.querySelector<HTMLInputElement>('input[type="text"]')!;
	const type = (text: string) => {
		box.value = text;
		box.dispatchEvent(new Event("input", { bubbles: true }));
	};
	const add = () => [...ccs.querySelectorAll("button")].find(b => b.textContent?.trim() === "Add")!.click();
	const messages = () => [...ccs.querySelectorAll(".zd-field__issue")].map(p => p.textContent);
	return { container, emulator, ccs, box, type, add, messages };
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
		await until(() => ccs.querySelector(".zd-chip.has-issue") !== null, "the flagged chip");
		expect(ccs.querySelector(".zd-chip.has-issue .zd-field__issue")?.textContent).toBe(message);
	});

	it("says a spelled-out at needs an @ sign, and stays quiet for a good address", async () => {
		const { type, messages } = await openForm();
		type("bob at example.com");
		await until(() => messages().length > 0, "the message");
		expect(messages()).toEqual(["Write “bob at example.com” with an @ sign, e.g. bob@example.com."]);
		type("bob@example.com, ann@example.org");
		await until(() => messages().length === 0, "no message");
	});
});
