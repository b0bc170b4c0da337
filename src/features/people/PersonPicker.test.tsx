// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { until } from "../../testing/panelTestSetup";
import { renderPeoplePanel, type PeoplePanelOptions } from "../../testing/peoplePanelTestSetup";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

async function setup(options: PeoplePanelOptions = {}) {
	const panel = await renderPeoplePanel(options);
	cleanups.push(panel.dispose);
	await until(() => panel.container.querySelector(".zd-people__group") !== null, "the lists");
	const group = panel.container.querySelector<HTMLElement>('.zd-people__group[data-list="ccs"]')!;
	const field = group.querySelector<HTMLInputElement>('input[role="combobox"]')!;
	const alert = () => group.querySelector('[role="alert"]')?.textContent ?? null;
	const type = (text: string) => {
		field.value = text;
		field.dispatchEvent(new Event("input", { bubbles: true }));
	};
	const enter = () =>
		field.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
	return { ...panel, field, alert, type, enter };
}

describe("PersonPicker with an address that only looks like one", () => {
	const cases: Array<[typed: string, message: string]> = [
		["bob\uff20example.com", "“bob\uff20example.com” has a look-alike @ (＠). Use the ordinary @ sign."],
		["bob at example.com", "Write “bob at example.com” with an @ sign, e.g. bob@example.com."],
		[
			"bob@example\uff0ecom",
			"“bob@example\uff0ecom” has a full-width or invisible character. Retype it with ordinary characters.",
		],
	];
	it.each(cases)("names the problem of %j while it is typed, and Enter stages nothing", async (typed, message) => {
		const { field, alert, type, enter, model } = await setup();
		type(typed);
		await until(() => alert() !== null, "the message");
		expect(alert()).toBe(message);
		expect(field.getAttribute("aria-invalid")).toBe("true");
		enter();
		await until(() => model.issues.value.length > 0, "the refusal");
		expect(alert()).toBe(message);
		expect(model.staged.value.changes).toEqual([]);
		expect(field.value).toBe(typed);
		type("bob@example.com");
		await until(() => alert() === null, "the message to clear");
	});

	it("says it in German for a German agent", async () => {
		const { alert, type } = await setup({ locale: "de" });
		type("bob\uff20example.com");
		await until(() => alert() !== null, "the message");
		expect(alert()).toBe("„bob\uff20example.com“ enthält ein falsches @ (＠). Verwenden Sie das normale @-Zeichen.");
	});

	it("stays quiet for a name search and a half-typed address", async () => {
		const { alert, type } = await setup();
		type("Noa");
		type("bob@exa");
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(alert()).toBeNull();
	});
});
