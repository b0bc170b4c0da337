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
import { LookupExtras } from "./LookupExtras";
import { bundle, until } from "../../testing/panelTestSetup";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** Each field's id input (what the agent types or a pick fills in) with the extras under it. */
function Fields({ fields, lookup, initial }: { fields: TicketFieldDef[]; lookup: LookupModel; initial: string[] }) {
	const [values, setValues] = useState(initial);
	const set = (index: number, value: string) => setValues(current => current.map((v, i) => (i === index ? value : v)));
	return (
		<>
			{fields.map((field, index) => (
				<div key={field.id} data-field-id={field.id}>
					<input
						aria-label={field.title}
						value={values[index]}
						onInput={event => set(index, (event.currentTarget as HTMLInputElement).value)}
					/>
					<LookupExtras field={field} value={values[index] ?? ""} lookup={lookup} onPick={id => set(index, id)} />
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
	}: { locale?: string; copies?: Array<[id: number, title: string, value: string, target?: string]> } = {},
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
const searchOf = (field: HTMLElement) => field.querySelector('input[type="search"]') as HTMLInputElement;
const idInput = (field: HTMLElement) => field.querySelector("input:not([type])") as HTMLInputElement;

describe("LookupExtras for organization lookups", () => {
	it("names the organizations of several fields and the user of another with one request each", async () => {
		const { field, requests } = await setup(
			[
				[5114, "9004"],
				[5110, "1003"],
			],
			{ copies: [[99001, "Reseller", "9001"]] },
		);
		await until(() => field(5114).textContent?.includes("Brightline Office Supplies") === true, "the partner");
		await until(() => field(99001).textContent?.includes("Brightwater Logistics") === true, "the reseller");
		await until(() => field(5110).textContent?.includes("Maria González") === true, "the user");
		expect([...requests()].sort()).toEqual([
			"/api/v2/organizations/show_many.json?ids=9004%2C9001",
			"/api/v2/users/show_many.json?ids=1003",
		]);
	});

	it("searches organizations by the start of the name and fills in the picked id, keeping the focus in the search", async () => {
		const { field, requests, t } = await setup([[5114, "9004"]]);
		const search = searchOf(field(5114));
		expect(search.getAttribute("aria-label")).toBe("Search organizations for Partner organization");
		expect(search.placeholder).toBe(t("fields.lookup.organizationPlaceholder"));
		type(search, "hart");
		await until(() => field(5114).querySelector("li button") !== null, "the results");
		const pick = field(5114).querySelector("li button") as HTMLButtonElement;
		expect(pick.textContent).toBe("Hartmann Druck GmbH");
		pick.focus();
		pick.click();
		await until(() => idInput(field(5114)).value === "9002", "the picked id");
		expect(field(5114).textContent).toContain("Hartmann Druck GmbH");
		expect(search.value).toBe("");
		expect(field(5114).querySelectorAll("li")).toHaveLength(0);
		expect(document.activeElement).toBe(search);
		// The picked name is known: no show_many for it.
		expect(requests().filter(url => url.includes("/organizations/show_many"))).toEqual([
			"/api/v2/organizations/show_many.json?ids=9004",
		]);
	});

	it("says when no organization name starts with the text", async () => {
		const { field, t } = await setup([[5114, ""]]);
		type(searchOf(field(5114)), "Zeppelin");
		await until(() => field(5114).textContent?.includes(t("fields.lookup.noOrganizationMatch")) === true, "no match");
	});

	it("tells the agent, in their language, that an id names no organization or that a name or search failed, and never blocks the input", async () => {
		const { emulator, field } = await setup([[5114, ""]], { locale: "de" });
		type(idInput(field(5114)), "424242");
		await until(() => field(5114).textContent?.includes("Keine Organisation hat diese ID.") === true, "missing");
		emulator.controls.addFault({ method: "GET", path: "/api/v2/organizations/show_many", status: 503, times: 1 });
		type(idInput(field(5114)), "9003");
		await until(() => field(5114).textContent?.includes("Der Name konnte nicht geladen werden.") === true, "failed");
		emulator.controls.addFault({ method: "GET", path: "/api/v2/organizations/autocomplete", status: 429, times: 1 });
		type(searchOf(field(5114)), "Me");
		await until(() => field(5114).textContent?.includes("Die Suche ist fehlgeschlagen.") === true, "search failed");
		expect(idInput(field(5114)).disabled).toBe(false);
		expect(searchOf(field(5114)).disabled).toBe(false);
		expect(idInput(field(5114)).value).toBe("9003");
		// Typing again retries the search.
		type(searchOf(field(5114)), "Mer");
		await until(() => field(5114).textContent?.includes("Meridian Health Partners") === true, "the retried search");
	});

	it("shows no search for a ticket lookup, only the ticket's subject", async () => {
		const { field } = await setup([], { copies: [[99002, "Related ticket", "1", "zen:ticket"]] });
		await until(() => field(99002).textContent?.includes("#1 Printer is on fire") === true, "the subject");
		expect(searchOf(field(99002))).toBeNull();
	});
});
