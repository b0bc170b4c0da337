// @vitest-environment happy-dom
import { signal } from "@preact/signals";
import { afterEach, describe, expect, it } from "vitest";
import type { ReadWait } from "../ticket/withReadRetries";
import { renderPanel, until, openEditors } from "../testing/panelTestSetup";
import { ReadWaitCtx } from "../ticket/readWait";
import { FieldsSection } from "../features/fields/FieldsSection";
import { PeopleSection } from "../features/people/PeopleSection";
import { currentWait, secondsLeft, WriterStatus } from "./WriterStatus";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/**
 * The status line above the real People and Fields sections, over the emulator. The writer's sleep is held by
 * the test (`release()`), so a 429 wait lasts exactly as long as the test wants.
 */
async function setup(locale = "en") {
	const sleeping: Array<() => void> = [];
	const release = () => sleeping.splice(0).forEach(wake => wake());
	const laneOptions = {
		sleep: () => new Promise<void>(resolve => sleeping.push(resolve)),
		random: () => 0,
	};
	const readWait = signal<ReadWait | null>(null);
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
	return { emulator, container, status, release, sleeping, readWait, t };
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

/** Every piece of text on the page that counts a wait down ("… Retrying in 30 s."): there must be one. */
function countdowns(container: HTMLElement): string[] {
	return [...container.querySelectorAll("*")]
		.filter(el => el.children.length === 0 && /Retrying in \d+ s/.test(el.textContent ?? ""))
		.map(el => el.textContent ?? "");
}

describe("WriterStatus", () => {
	it("counts down a 429's Retry-After while a save waits, then clears and the save lands", async () => {
		const { emulator, container, status, release, sleeping, t } = await setup();
		expect(status()?.getAttribute("aria-live")).toBe("polite");
		expect(status()?.textContent).toBe("");
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/2", status: 429, retryAfter: 30, times: 1 });
		editOrderNumber(container, "ORD-429");
		await until(() => saveButton(container, t("fields.save"))?.disabled === false, "the save button", 400);
		saveButton(container, t("fields.save"))?.click();
		await until(() => sleeping.length === 1, "the writer to wait", 400);
		await until(() => status()?.dataset.reason === "rate_limited", "the countdown", 400);
		expect(status()?.getAttribute("role")).toBe("status");
		expect(status()?.textContent).toContain(t("conflict.status.rateLimited", { seconds: 30 }));
		expect(status()?.textContent).toContain(t("conflict.status.announceRateLimited", { seconds: 30 }));
		// The Fields section shows no countdown of its own: the panel has one line for it.
		expect(countdowns(container)).toEqual([t("conflict.status.rateLimited", { seconds: 30 })]);
		release();
		await until(() => status()?.textContent === "", "the line to clear", 400);
		await until(
			() => emulator.db.tickets.find(x => x.id === 2)?.field_values["5101"] === "ORD-429",
			"the saved value",
			400,
		);
	});

	it("counts down a People apply's 429 in the same one line; the People section shows none of its own", async () => {
		const { emulator, container, status, release, sleeping, t } = await setup();
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
		await until(() => saveButton(container, t("people.apply"))?.disabled === false, "the apply button", 400);
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/2", status: 429, retryAfter: 20, times: 1 });
		saveButton(container, t("people.apply"))?.click();
		await until(() => sleeping.length === 1, "the writer to wait", 400);
		await until(() => status()?.dataset.reason === "rate_limited", "the countdown", 400);
		expect(countdowns(container)).toEqual([t("conflict.status.rateLimited", { seconds: 20 })]);
		expect(container.querySelector(".zd-people")?.textContent).not.toMatch(/\d+ s\b/);
		release();
		await until(() => status()?.textContent === "", "the line to clear", 400);
		await until(
			() => emulator.db.tickets.find(x => x.id === 2)?.email_cc_ids.includes(1102) === true,
			"the new CC",
			400,
		);
	});

	it("shows a read being retried when no write waits, in the agent's language", async () => {
		const { status, readWait, t } = await setup("de");
		readWait.value = { until: Date.now() + 4_000, reason: "retry" };
		await until(() => status()?.dataset.reason === "retry", "the read wait", 400);
		expect(status()?.textContent).toContain(t("conflict.status.retrying", { seconds: 4 }));
		expect(status()?.textContent).toContain("Neuer Versuch");
		readWait.value = null;
		await until(() => status()?.textContent === "", "the line to clear", 400);
	});
});

describe("currentWait", () => {
	const read: ReadWait = { until: 5, reason: "retry" };
	it.each([
		["nothing waits", { state: "idle" } as const, null, null],
		["only a read waits", { state: "saving" } as const, read, read],
		[
			"a write waits",
			{ state: "waiting", reason: "rate_limited", until: 9 } as const,
			read,
			{ until: 9, reason: "rate_limited" },
		],
		["there is no lane", undefined, read, read],
	])("shows the right wait when %s", (_name, lane, readWait, expected) => {
		expect(currentWait(lane, readWait)).toEqual(expected);
	});

	it.each([
		[10_000, 0, 10],
		[10_001, 0, 11],
		[0, 500, 0],
	])("counts %i ms from %i as %i s", (until, now, seconds) => {
		expect(secondsLeft(until, now)).toBe(seconds);
	});
});
