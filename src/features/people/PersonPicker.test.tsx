// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
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

describe("PersonPicker with an address of an existing user", () => {
	const options = (container: HTMLElement) =>
		[...container.querySelectorAll('.zd-people__group[data-list="ccs"] [role="option"]')].map(o => o.textContent);

	it("offers the user the search found for the typed email, never a new CC, and Enter stages that user", async () => {
		const { container, field, type, enter, model } = await setup();
		type("Noah.Fischer@example.org");
		await until(() => options(container).length > 0, "the options");
		expect(options(container)).toEqual(["Noah Fischernoah.fischer@example.org"]);
		enter();
		await until(() => model.staged.value.changes.length > 0, "the staged CC");
		expect(model.staged.value.changes).toMatchObject([{ list: "ccs", op: "add", person: { kind: "user" } }]);
		expect(model.staged.value.changes[0]?.person).toMatchObject({ user: { id: 1104 } });
		expect(container.querySelector(".zd-person-picker__new")).toBeNull();
		expect(field.value).toBe("");
	});

	it("waits for a search still on its way before it calls a typed email new", async () => {
		const { container, type, enter, model, emulator } = await setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/users/search", delayMs: 80, times: 1 });
		type("noah.fischer@example.org");
		enter();
		await until(() => model.staged.value.changes.length > 0, "the staged CC", 1000);
		expect(model.staged.value.changes[0]?.person).toMatchObject({ kind: "user", user: { id: 1104 } });
		expect(container.querySelector(".zd-person-picker__new")).toBeNull();
	});

	it("still offers an address nobody has as a new CC", async () => {
		const { container, type, enter } = await setup();
		type("jo.doe@example.net");
		await until(() => options(container).length > 0, "the options");
		expect(options(container)).toEqual(["Add jo.doe@example.net as a new CC"]);
		enter();
		await until(() => container.querySelector(".zd-person-picker__new") !== null, "the new CC step");
	});
});

describe("PersonPicker's typed text", () => {
	it("survives a reload of the panel, like the staged changes, and searches again", async () => {
		const emulator = createEmulator({ settings: { rateLimits: false } });
		cleanups.push(() => emulator.dispose());
		const first = await setup({ emulator });
		first.type("noah.fischer@exampl");
		const { storage } = first;
		first.dispose();
		const again = await setup({ storage, emulator });
		expect(again.field.value).toBe("noah.fischer@exampl");
		await until(
			() => again.container.querySelector('.zd-people__group[data-list="ccs"] [role="option"]') !== null,
			"the search of the kept text",
		);
		again.type("");
		const third = await setup({ storage, emulator });
		expect(third.field.value).toBe("");
	});
});
