import { afterEach, describe, expect, it } from "vitest";
import { until } from "../testing/panelTestSetup";
import { createTestTicket } from "../testing/ticketTestSetup";
import { createMemoryStorage } from "../platform/storage/createDraftStore";
import { createAccountSettings } from "./createAccountSettings";
import type { TicketPatch } from "./createTicketStore";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function setup(ticketId = 1, options: Partial<Parameters<typeof createTestTicket>[0]> = {}) {
	const world = createTestTicket({ ticketId, ...options });
	cleanups.push(world.dispose);
	const reads = () => world.requests().filter(r => r.startsWith(`GET /api/v2/tickets/${ticketId}.json`));
	const puts = () => world.emulator.controls.requests().filter(r => r.method === "PUT");
	return { ...world, reads, puts };
}

const settle = () => new Promise(resolve => setTimeout(resolve, 20));
/** An intent that sets the ticket's priority (or does nothing when it already has it). */
const setPriority = (priority: "low" | "high") => ({
	plan: (snap: { ticket: { priority: string | null } }) =>
		snap.ticket.priority === priority
			? ({ kind: "noop" } as const)
			: ({ kind: "send", payload: { priority } as TicketPatch } as const),
});

describe("createTicketStore", () => {
	it("reads the ticket once, users sideloaded, however many sections ask at once", async () => {
		const { store, reads, requests } = setup();
		const [a, b, c] = await Promise.all([store.ready(), store.ready(), store.ready()]);
		expect(a).toBe(b);
		expect(b).toBe(c);
		expect(reads()).toEqual(["GET /api/v2/tickets/1.json?include=users"]);
		expect(a.users.length).toBeGreaterThan(0);
		// Names of people already sideloaded cost no request.
		const before = requests().length;
		await store.users([a.ticket.requesterId ?? 0]);
		expect(requests().length).toBe(before);
	});

	it("reads again when Zendesk says the ticket changed or the agent submitted it, never by a clock", async () => {
		const { store, emulator, client, reads } = setup();
		await store.ready();
		emulator.controls.actAs({ ticketId: 1, changes: { priority: "urgent" } });
		await until(() => store.snapshot.value?.ticket.priority === "urgent", "the other agent's change");
		const before = reads().length;
		client.fire("ticket.submit.done");
		await until(() => reads().length === before + 1, "the read after Submit");
		await settle();
		expect(reads()).toHaveLength(before + 1);
		await store.ready();
		expect(reads()).toHaveLength(before + 1);
	});

	it("follows another agent's change after a failed first read was tried again", async () => {
		const { store, emulator } = setup();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1.json", status: 500, body: {}, times: 1 });
		await expect(store.ready()).rejects.toMatchObject({ status: 500 });
		expect(store.error.value?.status).toBe(500);
		await store.ready();
		expect(store.error.value).toBeNull();
		emulator.controls.actAs({ ticketId: 1, changes: { priority: "urgent" } });
		await until(() => store.snapshot.value?.ticket.priority === "urgent", "the other agent's change");
	});

	it("reads a change announced during a write once the write is over, not under it", async () => {
		const { store, emulator, reads, api } = setup();
		await store.ready();
		let announced = false;
		const outcome = await store.write({
			plan: snap => {
				if (!announced) {
					announced = true;
					// Another agent saves while this write is planned: ticket.updated arrives mid-write.
					emulator.controls.actAs({ ticketId: 1, changes: { tags: ["theirs"] } });
				}
				return { kind: "send", payload: { priority: snap.ticket.priority === "low" ? "high" : "low" } };
			},
		});
		expect(outcome.kind).toBe("saved");
		await settle();
		const final = (await api.getTicket(1)).ticket;
		expect(store.snapshot.value?.ticket.updatedAt).toBe(final.updatedAt);
		expect(store.snapshot.value?.ticket.tags).toContain("theirs");
		expect(reads().length).toBeGreaterThanOrEqual(2);
	});

	it("sends every write as a safe update with the snapshot's stamp, one at a time across sections", async () => {
		const { store, emulator, puts } = setup();
		const first = await store.ready();
		const [a, b] = await Promise.all([
			store.write(setPriority("low")),
			store.write({ plan: () => ({ kind: "send", payload: { tags: ["x"] } }) }),
		]);
		expect([a.kind, b.kind]).toEqual(["saved", "saved"]);
		// Both safe updates went through: the second planned from the first one's answer, so no 409.
		expect(puts().map(r => r.status)).toEqual([200, 200]);
		expect(a.snapshot.updatedAt >= first.updatedAt).toBe(true);
		expect(emulator.db.tickets.find(t => t.id === 1)?.priority).toBe("low");
	});

	it("attaches the pending audit metadata once, again on a re-plan, and never to a write that changes nothing", async () => {
		const { store, metadata, emulator, puts } = setup();
		await store.ready();
		metadata.setKey(0, "reason");
		metadata.setValue(0, "call");
		emulator.controls.addFault({ method: "PUT", path: "/api/v2/tickets/1", status: 409, times: 1 });
		const saved = await store.write(setPriority("low"));
		expect(saved).toMatchObject({ kind: "saved", metadata: true, rebased: false });
		// The re-planned write carried it: Zendesk stored it on the update's audit.
		expect(puts().map(r => r.status)).toEqual([409, 200]);
		const audits = emulator.db.audits.filter(a => a.ticket_id === 1);
		expect(audits.at(-1)?.metadata).toMatchObject({ custom: { reason: "call" } });
		expect(metadata.status.value).toMatchObject({ kind: "attached", keys: ["reason"] });
		metadata.setKey(0, "again");
		metadata.setValue(0, "x");
		expect((await store.write(setPriority("low"))).kind).toBe("noop");
		expect(puts()).toHaveLength(2);
		expect(metadata.rows.value).toEqual([{ key: "again", value: "x" }]);
	});

	it("sends nothing when the pending metadata cannot go, and says why", async () => {
		const { store, metadata, puts } = setup();
		await store.ready();
		metadata.setKey(0, "reason");
		metadata.setValue(0, "x".repeat(1100));
		const outcome = await store.write(setPriority("low"));
		expect(outcome.kind).toBe("blocked");
		if (outcome.kind === "blocked") expect(outcome.issues.map(i => i.code)).toContain("metadata.issues.tooLarge");
		expect(puts()).toEqual([]);
	});

	it("stores the keys constructor and prototype on the audit, as typed", async () => {
		const { store, metadata, emulator } = setup();
		await store.ready();
		metadata.setKey(0, "constructor");
		metadata.setValue(0, "c");
		metadata.setKey(1, "prototype");
		metadata.setValue(1, "p");
		expect((await store.write(setPriority("low"))).kind).toBe("saved");
		const audit = emulator.db.audits.filter(a => a.ticket_id === 1).at(-1);
		expect(JSON.stringify(audit?.metadata.custom)).toBe('{"constructor":"c","prototype":"p"}');
		expect(metadata.status.value).toMatchObject({ kind: "attached", keys: ["constructor", "prototype"] });
	});

	it("refuses __proto__ on its key field, sends nothing and never says the metadata was saved", async () => {
		const { store, metadata, puts } = setup();
		await store.ready();
		metadata.setKey(0, "__proto__");
		metadata.setValue(0, "x");
		const outcome = await store.write(setPriority("low"));
		expect(outcome.kind).toBe("blocked");
		expect(metadata.issues.value).toEqual([
			{ field: "metadata.0.key", code: "metadata.issues.unsafeKey", vars: { key: "__proto__" } },
		]);
		expect(puts()).toEqual([]);
		expect(metadata.status.value).toEqual({ kind: "idle" });
		expect(metadata.rows.value).toEqual([{ key: "__proto__", value: "x" }]);
	});

	it("keeps the newer snapshot when a read that left earlier answers after a write", async () => {
		const { store, emulator } = setup();
		await store.ready();
		emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", delayMs: 40, times: 1 });
		const slow = store.refresh();
		const written = await store.write(setPriority("high"));
		await slow;
		expect(store.snapshot.value?.updatedAt).toBe(written.snapshot.updatedAt);
	});

	it("stops listening when disposed", async () => {
		const { store, emulator, reads } = setup();
		await store.ready();
		store.dispose();
		emulator.controls.actAs({ ticketId: 1, changes: { priority: "low" } });
		await settle();
		expect(reads()).toHaveLength(1);
	});
});

describe("createAccountSettings", () => {
	it("reads the account settings once per session: the next panel takes them from storage", async () => {
		const { api, requests } = setup();
		const storage = createMemoryStorage();
		await createAccountSettings({ api, storage })();
		await createAccountSettings({ api, storage })();
		expect(requests().filter(r => r.includes("account/settings"))).toHaveLength(1);
	});
});
