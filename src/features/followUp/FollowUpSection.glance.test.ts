import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import { createDraftStore, createMemoryStorage } from "../../platform/storage/createDraftStore";
import { keepTypedText } from "../../platform/storage/keepTypedText";
import { createTicketStore } from "../../ticket/createTicketStore";
import { createFollowUpGlance } from "./FollowUpSection";
import { until } from "../../testing/panelTestSetup";

const AGENT_ID = 1002;
const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

/** The glance over the emulator (in-process), for one ticket and the agent. */
function setup(ticketId: number) {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: "agent@example.com", ticketId });
	const storage = createMemoryStorage();
	const drafts = createDraftStore(storage, AGENT_ID, ticketId);
	const store = createTicketStore({ api: createZendeskApi(port), zaf: port, ticketId });
	const glance = createFollowUpGlance({ ticket: store, drafts });
	cleanups.push(() => {
		store.dispose();
		client.close();
		emulator.dispose();
	});
	return { emulator, client, glance, drafts, store };
}

describe("createFollowUpGlance", () => {
	it("reads the ticket's status and follow-ups", async () => {
		const { glance } = setup(8);
		expect([glance.source.value, glance.loadError.value]).toEqual([null, null]); // loading
		await glance.load();
		expect(glance.source.value).toMatchObject({ id: 8, status: "closed", followupIds: [9] });
	});

	it("reads again when another agent changes the ticket", async () => {
		const { glance, emulator } = setup(1);
		await glance.load();
		expect(glance.source.value?.status).toBe("open");
		// actAs changes the ticket as another agent; the in-process client fires ticket.updated.
		emulator.controls.actAs({ ticketId: 1, changes: { status: "pending" } });
		await until(() => glance.source.value?.status === "pending", "the refreshed status", 300);
	});

	it("fails the section only while it has nothing to show; a failed refresh keeps the ticket", async () => {
		const { glance, emulator, store } = setup(7);
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/7", status: 403, times: 2 });
		await glance.load();
		expect(glance.source.value).toBeNull(); // the section shows the error (FollowUpSection's Body)
		expect(glance.loadError.value?.kind).toBe("forbidden");
		emulator.controls.clearFaults();
		await glance.load();
		expect(glance.source.value?.id).toBe(7);
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/7", status: 403, times: 1 });
		await store.refresh().catch(() => undefined);
		expect(glance.source.value?.id).toBe(7);
		expect(glance.loadError.value?.kind).toBe("forbidden");
	});

	it("tells whether a follow-up draft is waiting, without reading it", () => {
		const { glance, drafts } = setup(7);
		expect(glance.hasDraft()).toBe(false);
		drafts.save("followUp", { anything: "the full model validates it" });
		expect(glance.hasDraft()).toBe(true);
		drafts.clear("followUp");
		expect(glance.hasDraft()).toBe(false);
	});

	it("counts the text typed in one of the form's pickers as a waiting draft", () => {
		const { glance, drafts } = setup(7);
		const kept = keepTypedText(drafts, "followUp", "ccs");
		kept.save("noah.fischer@exampl");
		expect(glance.hasDraft()).toBe(true);
		kept.save("");
		expect(glance.hasDraft()).toBe(false);
	});

	it("stops listening when the panel's ticket store is disposed", async () => {
		const { glance, emulator, store } = setup(1);
		await glance.load();
		store.dispose();
		emulator.controls.clearRequests();
		emulator.controls.actAs({ ticketId: 1, changes: { status: "pending" } });
		await new Promise(r => setTimeout(r, 30));
		expect(emulator.controls.requests().filter(r => r.client !== "host" && r.method === "GET")).toEqual([]);
		expect(glance.source.value?.status).toBe("open");
	});
});
