// @vitest-environment happy-dom
import { render } from "preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import type { TicketFieldDef } from "../../shared/customFieldsTypes";
import { createTranslator } from "../../platform/i18n/createTranslator";
import { I18nCtx } from "../../platform/context";
import { createLookupModel, type LookupModel } from "./createLookupModel";
import { LookupControl } from "./LookupControl";
import { bundle, until } from "../../testing/panelTestSetup";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** Each field's lookup control, labelled by the field's title as FieldInput does, with its value in state. */
function Fields({ fields, lookup, initial }: { fields: TicketFieldDef[]; lookup: LookupModel; initial: string[] }) {
	const [values, setValues] = useState(initial);
	const set = (index: number, value: string) => setValues(current => current.map((v, i) => (i === index ? value : v)));
	return (
		<>
			{fields.map((field, index) => (
				<div key={field.id} data-field-id={field.id}>
					<label for={`f${field.id}`}>{field.title}</label>
					<LookupControl
						field={field}
						value={values[index] ?? ""}
						typed={values[index] !== initial[index]}
						lookup={lookup}
						common={{
							id: `f${field.id}`,
							disabled: undefined,
							"aria-describedby": undefined,
							"aria-invalid": undefined,
							onBlur: () => undefined,
						}}
						idInput={
							<input
								id={`f${field.id}`}
								type="text"
								inputMode="numeric"
								value={values[index] ?? ""}
								onInput={event => set(index, event.currentTarget.value)}
							/>
						}
						onChange={id => set(index, id)}
					/>
					<output>{values[index]}</output>
				</div>
			))}
		</>
	);
}

/**
 * The real lookup model and API client over the emulator in-process (default world), rendering the
 * extras of the given fields of the world with their values. `copies` adds lookup fields built from
 * 5114 (to organizations unless another target is given).
 */
async function setup(
	entries: Array<[fieldId: number, value: string]>,
	{
		locale = "en",
		copies = [],
		fault,
	}: {
		locale?: string;
		copies?: Array<[id: number, title: string, value: string, target?: string]>;
		fault?: Parameters<ReturnType<typeof createEmulator>["controls"]["addFault"]>[0];
	} = {},
) {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId: 2 });
	const api = createZendeskApi(port);
	const all = await api.listTicketFields();
	const byId = (id: number) => {
		const found = all.find(f => f.id === id);
		if (!found) throw new Error(`no field ${id}`);
		return found;
	};
	const partner = byId(5114);
	const fields = [
		...entries.map(([id]) => byId(id)),
		...copies.map(([id, title, , target]) => ({
			...partner,
			id,
			title,
			relationshipTargetType: target ?? "zen:organization",
		})),
	];
	const initial = [...entries.map(([, value]) => value), ...copies.map(([, , value]) => value)];
	const lookup = createLookupModel({ api, debounceMs: 0 });
	const translator = createTranslator(locale, { en: bundle("en"), [locale]: bundle(locale) });
	const container = document.createElement("div");
	document.body.append(container);
	emulator.controls.clearRequests();
	if (fault) emulator.controls.addFault(fault);
	render(
		<I18nCtx.Provider value={translator}>
			<Fields fields={fields} lookup={lookup} initial={initial} />
		</I18nCtx.Provider>,
		container,
	);
	cleanups.push(() => {
		render(null, container);
		lookup.dispose();
		client.close();
		emulator.dispose();
	});
	const field = (id: number) => container.querySelector(`[data-field-id="${id}"]`) as HTMLElement;
	const requests = () => emulator.controls.requests().map(r => r.url);
	return { emulator, container, field, requests, t: translator.t };
}

const type = (element: HTMLInputElement, text: string) => {
	element.value = text;
	element.dispatchEvent(new Event("input", { bubbles: true }));
};
const key = (element: HTMLInputElement, name: string) =>
	element.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
const pickerOf = (field: HTMLElement) => field.querySelector('input[role="combobox"]') as HTMLInputElement | null;
/** The stored value (the id the save would send). */
const valueOf = (field: HTMLElement) => field.querySelector("output")?.textContent ?? "";
const chipName = (field: HTMLElement) => field.querySelector(".zd-person__name")?.textContent ?? null;
const removeButton = (field: HTMLElement) => field.querySelector(".zd-person__remove") as HTMLButtonElement;

describe("LookupControl for user and organization lookups", () => {
	it("shows the chosen records by name, with one request per type for several fields", async () => {
		const { field, requests } = await setup(
			[
				[5114, "9004"],
				[5110, "1003"],
			],
			{ copies: [[99001, "Reseller", "9001"]] },
		);
		await until(() => chipName(field(5114)) === "Brightline Office Supplies", "the partner");
		await until(() => chipName(field(99001)) === "Brightwater Logistics", "the reseller");
		await until(() => chipName(field(5110)) === "Maria González <maria@example.com>", "the user");
		// The id is what is stored, never the main thing shown: no id input.
		expect(field(5114).querySelector("input")).toBeNull();
		expect([...requests()].sort()).toEqual([
			"/api/v2/organizations/show_many.json?ids=9004%2C9001",
			"/api/v2/users/show_many.json?ids=1003",
		]);
	});

	it("clears the record with ×, then picks another organization by the start of its name with the keyboard", async () => {
		const { field, requests, t } = await setup([[5114, "9004"]]);
		await until(() => chipName(field(5114)) === "Brightline Office Supplies", "the partner");
		expect(removeButton(field(5114)).getAttribute("aria-label")).toBe(
			"Clear Brightline Office Supplies from Partner organization",
		);
		removeButton(field(5114)).click();
		await until(() => pickerOf(field(5114)) !== null, "the picker");
		expect(valueOf(field(5114))).toBe("");
		const picker = pickerOf(field(5114))!;
		expect(picker.id).toBe("f5114");
		expect(picker.placeholder).toBe(t("fields.lookup.organizationPlaceholder"));
		type(picker, "hart");
		await until(() => field(5114).querySelectorAll('[role="option"]').length > 0, "the results");
		expect([...field(5114).querySelectorAll('[role="option"]')].map(o => o.textContent)).toEqual([
			"Hartmann Druck GmbH",
		]);
		key(picker, "ArrowDown");
		await until(() => picker.getAttribute("aria-activedescendant") !== null, "the highlight");
		key(picker, "Enter");
		await until(() => chipName(field(5114)) === "Hartmann Druck GmbH", "the picked name");
		expect(valueOf(field(5114))).toBe("9002");
		// The picked name is known: no show_many for it.
		expect(requests().filter(url => url.includes("/organizations/show_many"))).toEqual([
			"/api/v2/organizations/show_many.json?ids=9004",
		]);
		expect(requests()).toContain("/api/v2/organizations/autocomplete.json?name=hart");
	});

	it("finds users as the People pickers do; Enter picks nothing but the user a typed email belongs to", async () => {
		const { field, requests } = await setup([[5110, ""]]);
		const picker = pickerOf(field(5110))!;
		type(picker, "Kenji");
		await until(() => field(5110).querySelectorAll('[role="option"]').length > 0, "the results by name");
		expect(requests()).toContain("/api/v2/users/autocomplete.json?name=Kenji");
		key(picker, "Enter");
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(valueOf(field(5110))).toBe("");
		type(picker, "kenji@example.com");
		key(picker, "Enter");
		await until(() => chipName(field(5110)) === "Kenji Watanabe <kenji@example.com>", "the user of the email");
		expect(requests()).toContain("/api/v2/users/search.json?query=kenji%40example.com");
		expect(valueOf(field(5110))).toBe("1004");
	});

	it("picks a user with the mouse", async () => {
		const { field } = await setup([[5110, ""]]);
		type(pickerOf(field(5110))!, "Kenji");
		await until(() => field(5110).querySelectorAll('[role="option"]').length > 0, "the results");
		field(5110)
			.querySelector('[role="option"]')!
			.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
		await until(() => chipName(field(5110)) === "Kenji Watanabe <kenji@example.com>", "the picked user");
		expect(valueOf(field(5110))).toBe("1004");
	});

	it("says when no organization name starts with the text", async () => {
		const { field, t } = await setup([[5114, ""]]);
		type(pickerOf(field(5114))!, "Zeppelin");
		await until(() => field(5114).textContent?.includes(t("fields.lookup.noOrganizationMatch")) === true, "no match");
	});

	it("tells the agent, in their language, that an id names no organization or that a name or search failed, and never blocks the picker", async () => {
		const { emulator, field } = await setup([[5114, "424242"]], { locale: "de" });
		await until(() => field(5114).textContent?.includes("Keine Organisation hat diese ID.") === true, "missing");
		expect(chipName(field(5114))).toBe("#424242");
		removeButton(field(5114)).click();
		await until(() => pickerOf(field(5114)) !== null, "the picker");
		emulator.controls.addFault({ method: "GET", path: "/api/v2/organizations/autocomplete", status: 429, times: 1 });
		type(pickerOf(field(5114))!, "Me");
		await until(() => field(5114).textContent?.includes("Die Suche ist fehlgeschlagen.") === true, "search failed");
		expect(pickerOf(field(5114))!.disabled).toBe(false);
		// Typing again retries the search.
		type(pickerOf(field(5114))!, "Mer");
		await until(() => field(5114).textContent?.includes("Meridian Health Partners") === true, "the retried search");
	});

	it("says when a record's name could not be loaded, keeping its id", async () => {
		const emulatorFault = { method: "GET", path: "/api/v2/organizations/show_many", status: 503, times: 1 } as const;
		const { field } = await setup([[5114, "9003"]], { fault: emulatorFault });
		await until(() => field(5114).textContent?.includes("The name could not be loaded.") === true, "failed");
		expect(chipName(field(5114))).toBe("#9003");
		expect(valueOf(field(5114))).toBe("9003");
	});

	it("keeps an id input for a ticket lookup, with the ticket's subject", async () => {
		const { field } = await setup([], { copies: [[99002, "Related ticket", "1", "zen:ticket"]] });
		await until(() => field(99002).textContent?.includes("#1 Printer is on fire") === true, "the subject");
		expect(pickerOf(field(99002))).toBeNull();
		expect((field(99002).querySelector("input") as HTMLInputElement).value).toBe("1");
	});
});
