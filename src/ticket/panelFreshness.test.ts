import { afterEach, describe, expect, it } from "vitest";
import { basicTokenHeader } from "../../sandbox/emulator/routes/auth";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../platform/api/client";
import { createDraftStore, createMemoryStorage } from "../platform/storage/createDraftStore";
import { createFieldDefinitionsCache } from "./createFieldDefinitionsCache";
import { createTicketStore } from "./createTicketStore";
import { createFieldsModel } from "../features/fields/createFieldsModel";
import { createMetadataModel } from "./metadata/createMetadataModel";
import { createPeopleModel } from "../features/people/createPeopleModel";
import { until } from "../testing/panelTestSetup";

/**
 * The panel never shows stale data for long: the sections re-read after the agent's own Submit
 * (`ticket.submit.done`; Zendesk sends no `ticket.updated` for it) and after a change that arrived
 * while they were saving.
 */
const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function setup(ticketId: number) {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, ticketId });
	const api = createZendeskApi(port);
	const drafts = createDraftStore(createMemoryStorage(), 1002, ticketId);
	const metadata = createMetadataModel({ drafts, defaultSetting: undefined });
	const store = createTicketStore({ api, zaf: port, ticketId, metadata });
	const people = createPeopleModel({ ticket: store, api, drafts, searchDebounceMs: 0 });
	const fields = createFieldsModel({
		ticket: store,
		drafts,
		definitions: createFieldDefinitionsCache({ api }),
		metadata,
	});
	cleanups.push(() => {
		people.dispose();
		fields.dispose();
		store.dispose();
		client.close();
		emulator.dispose();
	});
	/** The agent's own Submit in the ticket editor: a PUT as the agent, then the framework's event. */
	const submitAsAgent = async (ticket: Record<string, unknown>) => {
		const res = await emulator.handle({
			method: "PUT",
			url: `/api/v2/tickets/${ticketId}.json`,
			headers: { authorization: basicTokenHeader("agent@example.com"), "content-type": "application/json" },
			body: JSON.stringify({ ticket }),
		});
		expect(res.status).toBe(200);
		client.fire("ticket.submit.done");
	};
	return { emulator, client, people, fields, submitAsAgent };
}

describe("panel freshness", () => {
	it("re-reads people and fields after the agent's own Submit", async () => {
		const { people, fields, submitAsAgent } = setup(1);
		await Promise.all([people.load(), fields.load()]);
		await submitAsAgent({
			email_ccs: [{ user_id: "1104", action: "put" }],
			custom_fields: [{ id: 5101, value: "FROM-EDITOR" }],
		});
		await until(() => people.current.value?.ccs.some(u => u.id === 1104) === true, "people to refresh");
		await until(() => fields.ticketValueOf(5101) === "FROM-EDITOR", "fields to refresh");
	});

	it("picks up another agent's change that arrived while fields were saving", async () => {
		const emulator = createEmulator({ settings: { rateLimits: false } });
		const { port, client } = createInProcessPort({ emulator, ticketId: 2 });
		const real = createZendeskApi(port);
		let armed = false;
		// The other agent saves right after the save's PUT was answered, before the save is over: the
		// store hears ticket.updated while it writes, and reads again once the write is done.
		const api = {
			...real,
			async updateTicket(...args: Parameters<typeof real.updateTicket>) {
				const answer = await real.updateTicket(...args);
				if (armed) {
					armed = false;
					emulator.controls.actAs({ ticketId: 2, changes: { custom_fields: [{ id: 5102, value: "Their steps" }] } });
				}
				return answer;
			},
		};
		const drafts = createDraftStore(createMemoryStorage(), 1002, 2);
		const metadata = createMetadataModel({ drafts, defaultSetting: undefined });
		const store = createTicketStore({ api, zaf: port, ticketId: 2, metadata });
		const fields = createFieldsModel({
			ticket: store,
			drafts,
			definitions: createFieldDefinitionsCache({ api: real }),
			metadata,
		});
		cleanups.push(() => {
			fields.dispose();
			store.dispose();
			client.close();
			emulator.dispose();
		});
		await fields.load();
		fields.edit(5101, "MINE");
		armed = true;
		expect(await fields.save()).toBe("saved");
		expect(armed).toBe(false);
		await until(() => fields.ticketValueOf(5102) === "Their steps", "the change that came mid-save");
		expect(fields.ticketValueOf(5101)).toBe("MINE");
	});
});
