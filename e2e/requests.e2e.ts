/**
 * Request economy, end to end: the built app in the workspace, its API requests counted at the
 * emulator's request log (the workspace page's own reads, marked `x-sandbox-client: host`, are
 * left out). The iframe may use storage here, as in most agents' browsers, so the per-session
 * caches are exercised; `npm run bench` also reports the storage-blocked case.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { requestLabel, settledAppRequests, type LoggedRequest } from "../scripts/bench/requests";
import { useWorkspace, openEditors, type EditorSection } from "./harness";

const ws = useWorkspace({ thirdPartyStorage: true });

/** The emulator's whole request log. */
async function log(): Promise<LoggedRequest[]> {
	return (await ws.api<{ requests: LoggedRequest[] }>("GET", "/__sandbox/requests")).json.requests;
}

async function clearLog(): Promise<void> {
	await ws.api("DELETE", "/__sandbox/requests");
}

/** The app's requests once it has been quiet for a while, as `METHOD /path?query` labels. */
async function settled(): Promise<string[]> {
	return (await settledAppRequests(log)).map(requestLabel);
}

/** Opens a ticket, waits until its glances have loaded, and opens the editors of `editors` as the agent would. */
async function openPanel(id: number, ...editors: EditorSection[]): Promise<Frame> {
	const app = await ws.openTicket(id);
	await app.locator(".zd-followup").waitFor();
	// The People glance names the lists, the Fields glance counts what is filled in; or their
	// editors show, opened by a draft an earlier visit left (this browser keeps the app's storage).
	await app.locator('[data-editor="people"] :is(.zd-glance__label, .zd-people)').first().waitFor();
	await app.locator('[data-editor="fields"] :is(.zd-glance__line, .zd-fields)').first().waitFor();
	await ws.appSettled();
	if (editors.length > 0) {
		await openEditors(app, ...editors);
		await ws.appSettled();
	}
	return app;
}

/** Starts a fresh browser session for the app: its sessionStorage (the per-session caches) emptied. */
async function freshSession(): Promise<void> {
	const app = await openPanel(3);
	await settled();
	await app.evaluate(() => sessionStorage.clear());
}

/** What one panel open may ask for, each at most once: the ticket (users sideloaded) and the account's configuration (not the locales: see below). */
const PANEL_OPEN = [
	/^GET \/api\/v2\/tickets\/\d+\?include=users$/,
	/^GET \/api\/v2\/account\/settings$/,
	/^GET \/api\/v2\/ticket_forms\/\d+\?include=ticket_fields$/,
	// Only for a ticket without a form: every field, and the forms to find the default one.
	/^GET \/api\/v2\/ticket_fields$/,
	/^GET \/api\/v2\/ticket_forms$/,
];

/** Checks a panel open asked only for what PANEL_OPEN allows, each at most once. */
function expectPanelOpen(requests: string[]): void {
	for (const request of requests)
		expect(
			PANEL_OPEN.some(allowed => allowed.test(request)),
			request,
		).toBe(true);
	for (const allowed of PANEL_OPEN) expect(requests.filter(r => allowed.test(r)).length).toBeLessThanOrEqual(1);
}

describe("request economy", () => {
	it("opens the first panel of a session with one ticket read, the settings and the ticket's form with its fields: 3 requests", async () => {
		await freshSession();
		await clearLog();
		await openPanel(5); // form 7002, requester, assignee and CCs: still no request per person or field
		const requests = await settled();
		expectPanelOpen(requests);
		expect(requests.length).toBeLessThanOrEqual(3);
		expect([...requests].sort()).toEqual([
			"GET /api/v2/account/settings",
			"GET /api/v2/ticket_forms/7002?include=ticket_fields",
			"GET /api/v2/tickets/5?include=users",
		]);
	});

	it("names the organizations the ticket's lookup fields point to with one more request, for all of them", async () => {
		await freshSession();
		await clearLog();
		const app = await openPanel(2, "fields"); // form 7001, every custom field set, a partner organization among them
		await app.getByText("Brightline Office Supplies").waitFor();
		const requests = await settled();
		expectPanelOpen(requests.filter(r => !r.startsWith("GET /api/v2/organizations/")));
		expect([...requests].sort()).toEqual([
			"GET /api/v2/account/settings",
			"GET /api/v2/organizations/show_many?ids=9004",
			"GET /api/v2/ticket_forms/7001?include=ticket_fields",
			"GET /api/v2/tickets/2?include=users",
		]);
	});

	it("opens the next ticket on the same form with a single request: its form, fields and the settings come from the session cache", async () => {
		await freshSession();
		await openPanel(5); // form 7002
		await settled();
		await clearLog();
		await openPanel(7); // form 7002 too; CCs and a follower: still no request per person
		expect(await settled()).toEqual(["GET /api/v2/tickets/7?include=users"]);
	});

	it("opens the next ticket on another form with exactly one more request: that form with its fields", async () => {
		await freshSession();
		await openPanel(2); // form 7001
		await settled();
		await clearLog();
		await openPanel(5); // form 7002
		const requests = await settled();
		expectPanelOpen(requests);
		expect([...requests].sort()).toEqual([
			"GET /api/v2/ticket_forms/7002?include=ticket_fields",
			"GET /api/v2/tickets/5?include=users",
		]);
	});

	it("opens a ticket without a form with every field and form, once per session (the fallback)", async () => {
		await freshSession();
		await clearLog();
		await openPanel(4); // no form
		const first = await settled();
		expectPanelOpen(first);
		expect([...first].sort()).toEqual([
			"GET /api/v2/account/settings",
			"GET /api/v2/ticket_fields",
			"GET /api/v2/ticket_forms",
			"GET /api/v2/tickets/4?include=users",
		]);
		await clearLog();
		await openPanel(1); // no form either; three CCs and followers
		expect(await settled()).toEqual(["GET /api/v2/tickets/1?include=users"]);
		await clearLog();
		await openPanel(5); // form 7002: known from every field and form
		expect(await settled()).toEqual(["GET /api/v2/tickets/5?include=users"]);
	});

	it("applies people changes with exactly one PUT", async () => {
		const app = await openPanel(1, "people", "fields", "metadata");
		await settled();
		await app.getByRole("combobox", { name: "Add an email CC" }).pressSequentially("Noah", { delay: 60 });
		await ws.click(app.getByRole("option", { name: /Noah Fischer/ }));
		await ws.click(app.getByRole("button", { name: "Remove Liam O'Connor" }));
		await settled();
		await clearLog();
		await ws.click(app.getByRole("button", { name: "Apply changes" }));
		await app.locator(".zd-people").getByText("Saved.").waitFor();
		expect(await settled()).toEqual(["PUT /api/v2/tickets/1"]);
	});

	it("searches once for a name typed key by key (debounced)", async () => {
		const app = await openPanel(1, "people", "fields", "metadata");
		await settled();
		await clearLog();
		await app.getByRole("combobox", { name: "Add an email CC" }).pressSequentially("Noah", { delay: 60 });
		await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		expect(await settled()).toHaveLength(1);
	});

	it("saves fields with audit metadata in exactly one PUT, with no read-back", async () => {
		const app = await openPanel(1, "people", "fields", "metadata");
		await settled();
		if ((await app.getByLabel("Key 1").count()) === 0)
			await ws.click(app.getByRole("button", { name: "Add metadata" }));
		await app.getByLabel("Key 1").fill("e2e_run");
		await app.getByLabel("Value 1").fill("e2e");
		await app.getByRole("textbox", { name: "Order number" }).fill("ORD-77");
		await clearLog();
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.locator(".zd-fields").getByText("Saved.").waitFor();
		expect(await settled()).toEqual(["PUT /api/v2/tickets/1"]);
		const ticket = await ws.ticket(1);
		expect(ticket["custom_fields"]).toContainEqual({ id: 5101, value: "ORD-77" });
	});

	it("on a conflict re-reads the ticket once and sends the save again", async () => {
		const app = await openPanel(1, "people", "fields", "metadata");
		await settled();
		await app.getByRole("textbox", { name: "Order number" }).fill("ORD-78");
		await ws.api("POST", "/__sandbox/faults", {
			body: {
				method: "PUT",
				path: "/api/v2/tickets/1",
				status: 409,
				times: 1,
				body: {
					error: "UpdateConflict",
					description:
						"Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.",
				},
			},
		});
		await clearLog();
		await ws.click(app.getByRole("button", { name: "Save fields" }));
		await app.locator(".zd-fields").getByText("Saved.").waitFor();
		const requests = await settled();
		expect(requests.filter(r => r.startsWith("PUT "))).toHaveLength(2);
		expect(requests.filter(r => r.startsWith("GET "))).toEqual([
			expect.stringMatching(/^GET \/api\/v2\/tickets\/1(\?include=users)?$/),
		]);
	});

	it("asks for the account's locales only when the agent chooses a new requester, once per session", async () => {
		await freshSession();
		const app = await openPanel(10);
		expect((await settled()).some(r => r.includes("/locales"))).toBe(false);
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await clearLog();
		await ws.check(app.locator(".zd-followup__form").getByLabel("New requester"));
		expect(await settled()).toEqual(["GET /api/v2/locales"]);
		await ws.click(app.getByRole("button", { name: "Discard draft" }));
		const next = await openPanel(8);
		await clearLog();
		await ws.click(next.getByRole("button", { name: "Create follow-up" }));
		await ws.check(next.locator(".zd-followup__form").getByLabel("New requester"));
		expect(await settled()).toEqual([]);
		await ws.click(next.getByRole("button", { name: "Discard draft" }));
	});

	it("loads the audit history only when it is opened", async () => {
		await freshSession();
		const app = await openPanel(7); // form 7002: only that form's fields are known
		const opening = await settled();
		expect(opening.some(r => r.includes("/audits"))).toBe(false);
		await clearLog();
		await ws.click(app.getByRole("button", { name: "Show history" }));
		await app.locator(".zd-audit").first().waitFor();
		const requests = await settled();
		// One page of audits with the people, groups and organizations it names.
		expect(requests).toContain("GET /api/v2/tickets/7/audits?include=users,groups,organizations");
		// + every field once per session (labels of fields outside the form), never the forms
		expect(requests.filter(r => r.startsWith("GET /api/v2/ticket_f"))).toEqual(["GET /api/v2/ticket_fields"]);
		expect(requests.length).toBeLessThanOrEqual(3); // + one show_many for authors not on the ticket
	});
});
