// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { renderPanel, until, openEditors } from "../../testing/panelTestSetup";
import { TicketHistory } from "../history/TicketHistory";
import { FieldsSection } from "./FieldsSection";
import { MetadataSection } from "../metadata/MetadataSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** A fresh emulator and both sections rendered inside the real providers, over the in-process port. */
async function setup(options: { locale?: string; ticketId?: number; settings?: Record<string, unknown> } = {}) {
	const { locale = "en", ticketId = 2 } = options;
	const { emulator, container, t, dispose } = renderPanel(
		<>
			<FieldsSection />
			<MetadataSection history={<TicketHistory />} />
		</>,
		{ ticketId, locale, ...(options.settings ? { appSettings: options.settings } : {}) },
	);
	cleanups.push(dispose);
	await openEditors(container);
	await until(() => container.querySelector("[data-field-id]") !== null, "the fields");
	emulator.controls.clearRequests();
	const puts = () => emulator.controls.requests().filter(r => r.method === "PUT");
	const ticket = () => emulator.db.tickets.find(t => t.id === ticketId);
	emulatorUserId = name => emulator.db.users.find(u => u.name === name)?.id ?? -1;
	return { emulator, container, puts, ticket, t };
}

/** Id of a user of the current test's world, by name. */
let emulatorUserId: (name: string) => number = () => -1;

const fieldEl = (container: HTMLElement, id: number) => {
	const found = container.querySelector<HTMLElement>(`[data-field-id="${id}"]`);
	if (!found) throw new Error(`no field ${id}`);
	return found;
};
const control = <T extends HTMLElement = HTMLInputElement>(
	container: HTMLElement,
	id: number,
	selector = "input, textarea, select",
) => {
	const found = fieldEl(container, id).querySelector<T>(selector);
	if (!found) throw new Error(`no control in field ${id}`);
	return found;
};
const type = (element: HTMLInputElement | HTMLTextAreaElement, text: string) => {
	element.value = text;
	element.dispatchEvent(new Event("input", { bubbles: true }));
};
const choose = (element: HTMLSelectElement, value: string) => {
	element.value = value;
	element.dispatchEvent(new Event("change", { bubbles: true }));
};
const button = (container: HTMLElement, text: string) => {
	const found = [...container.querySelectorAll("button")].find(b => b.textContent?.trim() === text);
	if (!found) throw new Error(`no button "${text}"`);
	return found;
};

describe("FieldsSection", () => {
	it("renders one labelled input per type, with descriptions, the required-on-solve marker and a read-only card", async () => {
		const { container } = await setup();
		expect(control(container, 5101).type).toBe("text");
		expect(control(container, 5102).tagName).toBe("TEXTAREA");
		expect(control(container, 5103).inputMode).toBe("numeric");
		expect(control(container, 5104).inputMode).toBe("decimal");
		expect(control(container, 5105).type).toBe("date");
		expect(control(container, 5106).type).toBe("checkbox");
		expect(control(container, 5106).checked).toBe(true);
		const product = control<HTMLSelectElement>(container, 5108);
		expect([...product.options].map(o => o.textContent)).toContain("HD 5555 laser printer");
		expect(product.value).toBe("hd_5555");
		expect(fieldEl(container, 5109).tagName).toBe("FIELDSET");
		expect(fieldEl(container, 5109).querySelectorAll('input[type="checkbox"]:checked')).toHaveLength(2);
		expect(fieldEl(container, 5111).textContent).toContain("XXXXXXXXXXXX1111");
		expect(fieldEl(container, 5111).querySelector("input")).toBeNull();
		expect(fieldEl(container, 5112).textContent).toContain("(required to solve)");
		expect(fieldEl(container, 5107).textContent).toContain("Two capital letters");
		const label = fieldEl(container, 5101).querySelector("label");
		expect(label?.getAttribute("for")).toBe(control(container, 5101).id);
	});

	it("shows a bad value's problem on its field after leaving it, sends nothing on save and keeps what was typed", async () => {
		const { container, puts, t } = await setup();
		const seats = control(container, 5103);
		type(seats, "twelve");
		seats.dispatchEvent(new Event("blur"));
		type(control(container, 5107), "ab-1");
		await until(() => fieldEl(container, 5103).querySelector(".zd-field__issue") !== null, "the issue");
		expect(fieldEl(container, 5103).textContent).toContain(t("fields.issues.integerInvalid", { value: "twelve" }));
		expect(seats.getAttribute("aria-invalid")).toBe("true");
		button(container, t("fields.save")).click();
		await until(() => fieldEl(container, 5107).querySelector(".zd-field__issue") !== null, "the regexp issue");
		expect(puts()).toHaveLength(0);
		expect(control(container, 5103).value).toBe("twelve");
		expect(control(container, 5107).value).toBe("ab-1");
	});

	it("saves several edits and the metadata in one update, then shows it in the history", async () => {
		const { container, puts, ticket, t } = await setup();
		choose(control<HTMLSelectElement>(container, 5108), "scanner_x2");
		type(control(container, 5101), "ORD-77");
		const linux = [...fieldEl(container, 5109).querySelectorAll("label")]
			.find(l => l.textContent === "Linux")
			?.querySelector("input");
		linux?.click();
		const keyInput = () => container.querySelector<HTMLInputElement>('input[aria-label="Key 1"]');
		button(container, t("metadata.addRow")).click();
		await until(() => keyInput() !== null, "a metadata row");
		type(keyInput() as HTMLInputElement, "reason");
		type(container.querySelector<HTMLInputElement>('input[aria-label="Value 1"]') as HTMLInputElement, "customer call");
		await until(() => container.textContent?.includes(t("fields.metadataAttached")) === true, "the attach hint");
		button(container, t("fields.save")).click();
		await until(() => container.textContent?.includes(t("fields.saved")) === true, "the save");
		expect(puts()).toHaveLength(1);
		expect(ticket()?.field_values).toMatchObject({ "5108": "scanner_x2", "5101": "ORD-77" });
		expect(ticket()?.field_values["5109"]).toEqual(expect.arrayContaining(["platform_linux"]));
		expect(container.textContent).toMatch(/Metadata saved on audit \d+\./);
		button(container, t("audits.show")).click();
		await until(() => container.querySelector(".zd-audit") !== null, "the history");
		const newest = container.querySelector(".zd-audit");
		expect(newest?.querySelector("dt")?.textContent).toBe("reason");
		expect(newest?.querySelector("dd")?.textContent).toBe("customer call");
		expect(newest?.textContent).toContain("Product: HD 5555 laser printer → Scanner X2");
	});

	it("refuses metadata alone with Zendesk's reason and keeps it", async () => {
		const { container, puts, t } = await setup();
		button(container, t("metadata.addRow")).click();
		await until(() => container.querySelector('input[aria-label="Key 1"]') !== null, "a metadata row");
		type(container.querySelector<HTMLInputElement>('input[aria-label="Key 1"]') as HTMLInputElement, "note");
		const save = button(container, t("fields.save"));
		await until(() => !save.disabled, "the save button");
		save.click();
		await until(() => container.textContent?.includes(t("metadata.issues.metadataOnly")) === true, "the refusal");
		expect(puts()).toHaveLength(0);
		expect(container.querySelector<HTMLInputElement>('input[aria-label="Key 1"]')?.value).toBe("note");
	});

	it("counts metadata bytes live against 1024", async () => {
		const { container, t } = await setup({ settings: { defaultMetadata: '{"source":"sidebar"}' } });
		const counter = () => container.querySelector('[data-testid="metadata-bytes"]')?.textContent;
		expect(counter()).toBe("20 / 1024 bytes");
		expect(container.textContent).toContain("source: sidebar");
		button(container, t("metadata.addRow")).click();
		await until(() => container.querySelector('input[aria-label="Key 1"]') !== null, "a metadata row");
		type(container.querySelector<HTMLInputElement>('input[aria-label="Key 1"]') as HTMLInputElement, "é");
		await until(() => counter() === "28 / 1024 bytes", "the counter");
	});

	it("speaks the agent's language", async () => {
		const { container } = await setup({ locale: "de" });
		expect(container.textContent).toContain("Felder speichern");
		expect(fieldEl(container, 5112).textContent).toContain("(zum Lösen erforderlich)");
	});
});

describe("lookup fields", () => {
	it("shows who a user lookup points to by name, and saves the id of another user picked instead", async () => {
		const { container, puts, ticket, t } = await setup();
		const chip = () => fieldEl(container, 5110).querySelector(".zd-person__name")?.textContent;
		await until(() => chip() === "Maria González <maria@example.com>", "the current user's name");
		fieldEl(container, 5110).querySelector<HTMLButtonElement>(".zd-person__remove")?.click();
		await until(() => fieldEl(container, 5110).querySelector('input[role="combobox"]') !== null, "the picker");
		const search = fieldEl(container, 5110).querySelector<HTMLInputElement>('input[role="combobox"]')!;
		// Labelled by the field's own label.
		expect(container.querySelector(`label[for="${search.id}"]`)?.textContent).toContain("Account manager");
		type(search, "Kenji");
		await until(() => fieldEl(container, 5110).textContent?.includes("Kenji Watanabe") === true, "the search results");
		[...fieldEl(container, 5110).querySelectorAll('[role="option"]')]
			.find(o => o.textContent?.startsWith("Kenji Watanabe"))
			?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
		const kenji = emulatorUserId("Kenji Watanabe");
		await until(() => chip() === "Kenji Watanabe <kenji@example.com>", "the picked user");
		button(container, t("fields.save")).click();
		await until(() => container.textContent?.includes(t("fields.saved")) === true, "the save");
		expect(puts()).toHaveLength(1);
		expect(ticket()?.field_values["5110"]).toBe(kenji);
	});
});
