import { describe, expect, it } from "vitest";
import { createTicketStore } from "./createTicketStore";
import { ApiError } from "../platform/api/errors";
import { createMetadataModel } from "./metadata/createMetadataModel";
import { createDraftStore, createMemoryStorage } from "../platform/storage/createDraftStore";

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
	return { promise, resolve, reject };
}
const tick = () => new Promise(r => setTimeout(r, 5));
function ticket(updatedAt: string, extra: Record<string, unknown> = {}) {
	return {
		id: 1,
		updatedAt,
		requesterId: null,
		emailCcIds: [],
		followerIds: [],
		collaboratorIds: [],
		priority: "low",
		tags: [],
		customFields: [],
		...extra,
	} as never;
}

/** Review findings, with a scripted Zendesk whose answers the test releases one by one. */
describe("createTicketStore with a scripted Zendesk", () => {
	it("re-reads a change announced while the second of two queued writes runs only after that write", async () => {
		const listeners: Record<string, () => void> = {};
		const puts: Array<ReturnType<typeof deferred<{ ticket: never; audit: null }>>> = [];
		let reads = 0;
		let putsInFlight = 0;
		let readDuringPut = false;
		const store = createTicketStore({
			ticketId: 1,
			zaf: { on: (name: string, fn: () => void) => ((listeners[name] = fn), () => undefined) } as never,
			api: {
				async getTicket() {
					reads++;
					if (putsInFlight > 0) readDuringPut = true;
					return { ticket: ticket("2024-01-01T00:00:00Z"), users: [] } as never;
				},
				updateTicket() {
					const d = deferred<{ ticket: never; audit: null }>();
					putsInFlight++;
					puts.push(d);
					return d.promise.finally(() => putsInFlight--);
				},
				async showManyUsers() {
					return [];
				},
			} as never,
		});
		await store.ready();
		const send = { plan: () => ({ kind: "send", payload: { priority: "high" } }) as const };
		const a = store.write(send); // e.g. people apply
		const b = store.write(send); // e.g. fields save at the same moment
		await tick();
		puts[0]!.resolve({ ticket: ticket("2024-01-01T00:00:01Z"), audit: null });
		await a;
		await tick();
		expect(puts).toHaveLength(2); // B's PUT is in flight now
		expect(store.status.value.state).toBe("saving");
		listeners["ticket.updated"]!(); // another agent's change, announced during B
		await tick();
		expect(readDuringPut).toBe(false);
		puts[1]!.resolve({ ticket: ticket("2024-01-01T00:00:02Z"), audit: null });
		await b;
		await tick();
		expect(reads).toBe(2);
	});

	it("counts the metadata as saved when a write whose answer was lost had landed (never sent twice)", async () => {
		let current = ticket("2024-01-01T00:00:00Z", { priority: "low" });
		const bodies: Array<Record<string, unknown>> = [];
		const drafts = createDraftStore(createMemoryStorage(), 1, 1);
		const metadata = createMetadataModel({ drafts, defaultSetting: undefined });
		metadata.addRow();
		metadata.setKey(0, "case");
		metadata.setValue(0, "A-1");
		let lose = true;
		const store = createTicketStore({
			ticketId: 1,
			metadata,
			sleep: async () => undefined,
			zaf: { on: () => () => undefined } as never,
			api: {
				async getTicket() {
					return { ticket: current, users: [] } as never;
				},
				async updateTicket(_id: number, body: Record<string, unknown>) {
					bodies.push(body);
					current = ticket(`2024-01-01T00:00:0${bodies.length}Z`, {
						...(current as object),
						...(body.priority ? { priority: body.priority } : {}),
						updatedAt: `2024-01-01T00:00:0${bodies.length}Z`,
					});
					if (lose) {
						lose = false;
						throw new ApiError({ kind: "timeout", message: "lost" } as never);
					}
					return { ticket: current, audit: { id: 99 } } as never;
				},
				async showManyUsers() {
					return [];
				},
			} as never,
		});
		await store.ready();
		const outcome = await store.write({
			plan: s =>
				(s.ticket as { priority: string }).priority === "high"
					? { kind: "noop" }
					: { kind: "send", payload: { priority: "high" } },
		});
		expect(bodies[0]!.metadata).toEqual({ case: "A-1" }); // the metadata went with the applied PUT
		expect(outcome.kind).toBe("noop");
		expect(metadata.hasAgentMetadata.value).toBe(false);
	});
});
