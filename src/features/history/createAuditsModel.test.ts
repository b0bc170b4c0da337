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

function setup(ticketId = 1) {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId });
	const api = createZendeskApi(port);
	const model = createAuditsModel({ api, ticketId, definitions: createFieldDefinitionsCache({ api }) });
	cleanups.push(() => {
		client.close();
		emulator.dispose();
	});
	const auditRequests = () => emulator.controls.requests().filter(r => r.url.includes("/audits"));
	return { emulator, api, model, auditRequests };
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
});
