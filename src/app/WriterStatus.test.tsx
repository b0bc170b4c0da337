// @vitest-environment happy-dom
import { signal } from "@preact/signals";
import { afterEach, describe, expect, it } from "vitest";
import type { Wait } from "../ticket/waitClock";
import { renderPanel, until, openEditors } from "../testing/panelTestSetup";
import { ReadWaitCtx } from "../ticket/useWait";
import { FieldsSection } from "../features/fields/FieldsSection";
import { PeopleSection } from "../features/people/PeopleSection";
import { WriterStatus } from "./PanelStatus";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/**
 * The status line above the real People and Fields sections, over the emulator. The writer's sleep is held by
 * the test (`release()`), so a 429 wait lasts exactly as long as the test wants, and the panel's clock reads a
 * time the test moves on (`advance`).
 */
async function setup(locale = "en") {
	const sleeping: Array<() => void> = [];
	const release = () => sleeping.splice(0).forEach(wake => wake());
	let time = Date.now();
	const laneOptions = {
		sleep: () => new Promise<void>(resolve => sleeping.push(resolve)),
		random: () => 0,
		now: () => time,
	};
	const readWait = signal<Wait | null>(null);
	const { emulator, container, t, dispose } = renderPanel(
		<ReadWaitCtx.Provider value={readWait}>
			<WriterStatus />
			<PeopleSection />
			<FieldsSection />
		</ReadWaitCtx.Provider>,
		{ ticketId: 2, locale, timing: laneOptions },
	);
	cleanups.push(() => {
		release();
		dispose();
	});
	await openEditors(container);
	await until(() => container.querySelector('[data-field-id="5101"] input') !== null, "the fields", 400);
	const status = () => container.querySelector<HTMLElement>('[data-testid="writer-status"]');
	const advance = (ms: number) => void (time += ms);
	const now = () => time;
	return { emulator, container, status, release, sleeping, readWait, t, advance, now };
}

function editOrderNumber(container: HTMLElement, value: string): void {
	const input = container.querySelector<HTMLInputElement>('[data-field-id="5101"] input');
	if (!input) throw new Error("no order number input");
	input.value = value;
	input.dispatchEvent(new Event("input", { bubbles: true }));
}

function saveButton(container: HTMLElement, text: string): HTMLButtonElement | undefined {
	return [...container.querySelectorAll("button")].find(b => b.textContent?.trim() === text);
}

/** Stages Liam as a new CC from the picker, as the agent does with the keyboard. */
async function stageLiam(container: HTMLElement): Promise<void> {
	const combobox = container.querySelector<HTMLInputElement>(
		'.zd-people__group[data-list="ccs"] input[role="combobox"]',
	);
	if (!combobox) throw new Error("no CC picker");
	combobox.value = "Liam";
	combobox.dispatchEvent(new Event("input", { bubbles: true }));
	await until(() => container.querySelector('[role="option"]')?.textContent?.includes("Liam") === true, "Liam", 400);
	combobox.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
	await until(() => combobox.getAttribute("aria-activedescendant") !== null, "the active option", 400);
	combobox.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
}

/** Every piece of text on the page that counts a wait down ("… Retrying in 30 seconds."), with where it is. */
function countdowns(container: HTMLElement): Array<{ text: string; row: string | null }> {
	return [...container.querySelectorAll("*")]
		.filter(el => el.children.length === 0 && /(Retrying|Trying again) in \d+ seconds?\./.test(el.textContent ?? ""))
		.map(el => ({
			text: el.textContent ?? "",
			row: el.closest(".zd-actions") ? (el.closest(".zd-people, .zd-fields")?.className ?? "?") : null,
		}));
}

/** The live regions' text: what screen readers are told. */
function announcements(container: HTMLElement): string[] {
	return [...container.querySelectorAll('[aria-live="polite"]')]
		.map(el => el.textContent ?? "")
		.filter(text => /retry|try again/i.test(text));
}

describe("WriterStatus and the waits beside their buttons", () => {
	it("counts down a Save's 429 in Save's row, announced once, then clears and the save lands", async () => {
		const { emulator, container, status, release, sleeping, t, advance } = await setup();
		expect(status()?.getAttribute("aria-live")).toBe("polite");
		expect(status()?.textContent).toBe("");
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/2", status: 429, retryAfter: 30, times: 1 });
		editOrderNumber(container, "ORD-429");
		await until(() => saveButton(container, t("fields.save"))?.disabled === false, "the save button", 400);
		saveButton(container, t("fields.save"))?.click();
		await until(() => sleeping.length === 1, "the writer to wait", 400);
		const notice = () => container.querySelector<HTMLElement>('.zd-fields .zd-actions [data-testid="wait-notice"]');
		await until(() => notice()?.dataset.reason === "rate_limited", "the countdown beside Save", 400);
		// One countdown, in Save's row; the status line above shows none (Save is the action that waits).
		const thirty = t("conflict.status.rateLimited", { seconds: 30, count: 30 });
		expect(countdowns(container)).toEqual([{ text: thirty, row: "zd-fields" }]);
		expect(status()?.dataset.reason).toBeUndefined();
		// Not a live region itself: screen readers hear the one sentence of the status line.
		expect(notice()?.closest('[aria-live], [role="status"]')).toBeNull();
		const told = t("conflict.status.announceRateLimited", { seconds: 30, count: 30 });
		expect(announcements(container)).toEqual([told]);

		advance(1_000);
		await until(() => notice()?.dataset.seconds === "29", "the next second", 400);
		expect(notice()?.textContent).toBe(t("conflict.status.rateLimited", { seconds: 29, count: 29 }));
		// The announcement is not repeated every second.
		expect(announcements(container)).toEqual([told]);

		release();
		await until(() => notice() === null, "the countdown to clear", 400);
		expect(announcements(container)).toEqual([]);
		await until(
			() => emulator.db.tickets.find(x => x.id === 2)?.field_values["5101"] === "ORD-429",
			"the saved value",
			400,
		);
	});

	it("shows one wait with one number beside Apply and Save when People's apply waits behind Fields' save", async () => {
		const { emulator, container, release, sleeping, t, advance } = await setup();
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/2", status: 429, retryAfter: 9, times: 1 });
		editOrderNumber(container, "ORD-9");
		await until(() => saveButton(container, t("fields.save"))?.disabled === false, "the save button", 400);
		saveButton(container, t("fields.save"))?.click();
		await until(() => sleeping.length === 1, "the writer to wait", 400);
		await stageLiam(container);
		await until(() => saveButton(container, t("people.apply"))?.disabled === false, "the apply button", 400);
		saveButton(container, t("people.apply"))?.click();
		await until(() => countdowns(container).length === 2, "both countdowns", 400);
		for (const step of [0, 400, 700, 900, 1_000]) {
			advance(step);
			await new Promise(resolve => setTimeout(resolve, 300));
			const shown = countdowns(container);
			expect(shown.map(c => c.row).sort()).toEqual(["zd-fields", "zd-people"]);
			expect(new Set(shown.map(c => c.text)).size).toBe(1);
		}
		expect(countdowns(container)[0]?.text).toBe(t("conflict.status.rateLimited", { seconds: 6, count: 6 }));
		expect(announcements(container)).toEqual([t("conflict.status.announceRateLimited", { seconds: 9, count: 9 })]);
		release();
		await until(
			() => emulator.db.tickets.find(x => x.id === 2)?.email_cc_ids.includes(1102) === true,
			"the new CC",
			400,
		);
		expect(emulator.db.tickets.find(x => x.id === 2)?.field_values["5101"]).toBe("ORD-9");
		expect(countdowns(container)).toEqual([]);
	});

	it("shows a read being retried in the status line, as no button waits for it, in the agent's language", async () => {
		const { container, status, readWait, t, now } = await setup("de");
		readWait.value = { until: now() + 1_000, reason: "retry" };
		await until(() => status()?.dataset.reason === "retry", "the read wait", 400);
		expect(status()?.textContent).toContain("Neuer Versuch in 1 Sekunde.");
		expect(status()?.textContent).toContain(t("conflict.status.announceRetrying", { seconds: 1, count: 1 }));
		expect(container.querySelector('.zd-actions [data-testid="wait-notice"]')).toBeNull();
		readWait.value = { until: now() + 4_000, reason: "retry" };
		await until(() => status()?.textContent?.includes("Neuer Versuch in 4 Sekunden.") === true, "4 Sekunden", 400);
		readWait.value = null;
		await until(() => status()?.textContent === "", "the line to clear", 400);
	});
});
