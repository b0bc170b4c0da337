import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import { createAuditsModel } from "./createAuditsModel";
import { createFieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function setup(ticketId = 1, world = "default") {
	const emulator = createEmulator({ world, settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId });
	const api = createZendeskApi(port);
	const definitions = createFieldDefinitionsCache({ api });
	const model = createAuditsModel({ api, ticketId, definitions });
	cleanups.push(() => {
		client.close();
		emulator.dispose();
	});
	const auditRequests = () => emulator.controls.requests().filter(r => r.url.includes("/audits"));
	return { emulator, api, model, definitions, auditRequests };
}

describe("audits model against the emulator", () => {
	it("requests nothing until the history is opened", async () => {
		const { model, auditRequests } = setup();
		expect(model.state.value).toBe("idle");
		await model.reload();
		expect(auditRequests()).toHaveLength(0);
	});

	it("reads every field for its labels when opened (not the forms), once", async () => {
		const { emulator, model } = setup();
		const definitionReads = () =>
			emulator.controls
				.requests()
				.map(r => r.url)
				.filter(url => url.startsWith("/api/v2/ticket_f"));
		await model.open();
		expect(definitionReads()).toEqual(["/api/v2/ticket_fields.json"]);
		await model.reload();
		expect(definitionReads()).toEqual(["/api/v2/ticket_fields.json"]);
	});

	it("shows who changed what, newest first, with the custom metadata and author names", async () => {
		const { model } = setup();
		await model.open();
		expect(model.state.value).toBe("ready");
		const [newest, ...older] = model.entries.value;
		expect(newest).toMatchObject({
			authorName: expect.any(String),
			custom: [
				{ key: "source", value: "sidebar-app" },
				{ key: "time_spent", value: "4m12s" },
			],
		});
		expect(
			older
				.at(-1)
				?.changes.some(
					c => c.label.kind === "custom" && c.label.title === "Product" && c.to === "HD 3000 color printer",
				),
		).toBe(true);
	});

	it("shows a new audit after a save on reload", async () => {
		const { model, api } = setup();
		await model.open();
		const count = model.entries.value.length;
		await api.updateTicket(1, { custom_fields: [{ id: 5101, value: "ORD-9" }], metadata: { via: "test" } });
		await model.reload();
		expect(model.entries.value).toHaveLength(count + 1);
		expect(model.entries.value[0]?.custom).toEqual([{ key: "via", value: "test" }]);
		expect(model.entries.value[0]?.changes[0]).toMatchObject({ from: "", to: "ORD-9" });
	});

	it("keeps a failure as state and recovers when opened again", async () => {
		const { model, emulator } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1/audits", status: 503, times: 1 });
		await model.open();
		expect(model.state.value).toBe("failed");
		expect(model.error.value?.kind).toBe("server");
		await model.open();
		expect(model.state.value).toBe("ready");
	});

	it("names people, the group and the organization from the page's sideloads, in one request", async () => {
		const { emulator, model, auditRequests } = setup();
		await model.open();
		const created = model.entries.value.at(-1);
		expect(created?.people).toEqual([
			{ list: "emailCcs", added: ["Liam O'Connor", "Sofia Rossi"], removed: [] },
			{ list: "followers", added: ["Maria González"], removed: [] },
		]);
		const to = (name: string) => created?.changes.find(c => c.label.kind === "system" && c.label.name === name)?.to;
		expect([to("requester_id"), to("assignee_id"), to("group_id"), to("organization_id")]).toEqual([
			"Olivia Bennett",
			"Sam Carter",
			"Support",
			"Brightwater Logistics",
		]);
		expect(auditRequests().map(r => r.url)).toEqual([
			"/api/v2/tickets/1/audits.json?include=users,groups,organizations",
		]);
		expect(emulator.controls.requests().filter(r => r.url.includes("/users/show_many"))).toHaveLength(0);
	});

	it("names a CC added later, and lookup values by their target", async () => {
		const { model, api } = setup(2);
		await api.updateTicket(2, { email_ccs: [{ user_email: "new.person@example.com", user_name: "New Person" }] });
		await model.open();
		const [newest] = model.entries.value;
		expect(newest?.people).toEqual([{ list: "emailCcs", added: ["New Person"], removed: [] }]);
		const created = model.entries.value.at(-1);
		const value = (title: string) =>
			created?.changes.find(c => c.label.kind === "custom" && c.label.title === title)?.to;
		expect([value("Account manager"), value("Partner organization")]).toEqual([
			"Maria González",
			"Brightline Office Supplies",
		]);
	});

	it("names the form only from definitions already loaded (Zendesk does not sideload forms)", async () => {
		const formText = (entries: ReturnType<typeof setup>["model"]["entries"]["value"]) =>
			entries.at(-1)?.changes.find(c => c.label.kind === "system" && c.label.name === "ticket_form_id")?.to;
		const cold = setup(2);
		await cold.model.open();
		expect(formText(cold.model.entries.value)).toBe("#7001");
		const warm = setup(2);
		await warm.definitions.forms();
		await warm.model.open();
		expect(formText(warm.model.entries.value)).toBe("General support");
	});

	it("shows legacy collaborator changes by name", async () => {
		const { model, api } = setup(3, "collaboratorsLegacy");
		await api.updateTicket(3, { collaborator_ids: [1102, 1003] });
		await model.open();
		expect(model.entries.value[0]?.people).toEqual([
			{ list: "collaborators", added: ["Liam O'Connor", "Maria González"], removed: [] },
		]);
		expect(model.entries.value[0]?.changes).toEqual([]);
	});
});
