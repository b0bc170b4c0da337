import { describe, expect, it } from "vitest";
import { ApiError } from "../platform/api/errors";
import { createTicketWriteLane } from "./createTicketWriteLane";
import { createTicketWriter, type Plan, type WriterStatus } from "./createTicketWriter";

/**
 * One ticket with two independent parts (CCs and a field), second-precision stamps, a safe-update
 * check, and a record of how many writes were in flight at once.
 */
function createTicket() {
	const state = { ccs: [1] as number[], field: "a", version: 1, puts: 0, conflicts: 0, inFlight: 0, maxInFlight: 0 };
	const stamp = () => `2026-11-28T10:00:${String(state.version).padStart(2, "0")}Z`;
	const faults: ApiError[] = [];
	return {
		state,
		faults,
		read: async () => ({ updatedAt: stamp(), ccs: [...state.ccs], field: state.field }),
		async write(change: { cc?: number; field?: string }, updatedStamp: string) {
			state.puts++;
			state.inFlight++;
			state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
			await new Promise(resolve => setTimeout(resolve, 5));
			state.inFlight--;
			const fault = faults.shift();
			if (fault) throw fault;
			if (updatedStamp !== stamp()) {
				state.conflicts++;
				throw new ApiError({ kind: "conflict", status: 409, message: "conflict" });
			}
			if (change.cc !== undefined && !state.ccs.includes(change.cc)) state.ccs.push(change.cc);
			if (change.field !== undefined) state.field = change.field;
			state.version++;
			return { updatedAt: stamp(), ccs: [...state.ccs], field: state.field };
		},
	};
}

type Snap = { updatedAt: string; ccs: number[]; field: string };
type Change = { cc?: number; field?: string };
const addCc =
	(id: number) =>
	(s: Snap): Plan<Change> =>
		s.ccs.includes(id) ? { kind: "noop" } : { kind: "send", payload: { cc: id } };
const setField =
	(value: string) =>
	(s: Snap): Plan<Change> =>
		s.field === value ? { kind: "noop" } : { kind: "send", payload: { field: value } };

function setup() {
	const ticket = createTicket();
	const sleeps: number[] = [];
	const lane = createTicketWriteLane({ sleep: async ms => void sleeps.push(ms), random: () => 0 });
	const writerFor = () => createTicketWriter<Snap, Change>({ load: ticket.read, send: ticket.write, lane });
	return { ticket, lane, sleeps, people: writerFor(), fields: writerFor() };
}

describe("createTicketWriteLane", () => {
	it("serialises the writes of two sections so only one is in flight at a time", async () => {
		const { ticket, people, fields } = setup();
		people.observe(await ticket.read());
		fields.observe(await ticket.read());
		const [a, b] = await Promise.all([people.save(addCc(2)), fields.save(setField("b"))]);
		expect([a.kind, b.kind]).toEqual(["saved", "saved"]);
		expect(ticket.state.maxInFlight).toBe(1);
		expect(ticket.state).toMatchObject({ ccs: [1, 2], field: "b" });
	});

	it("lets a section re-read after another section's write instead of earning a 409", async () => {
		const { ticket, people, fields } = setup();
		people.observe(await ticket.read());
		fields.observe(await ticket.read());
		await people.save(addCc(2));
		const outcome = await fields.save(setField("b"));
		expect(outcome).toMatchObject({ kind: "saved", rebased: false });
		expect(ticket.state.conflicts).toBe(0);
		expect(ticket.state.puts).toBe(2);
	});

	it("shows one status for the panel, including another section's 429 wait", async () => {
		const { ticket, lane, people, fields, sleeps } = setup();
		ticket.faults.push(new ApiError({ kind: "rate_limited", status: 429, message: "slow", retryAfterSeconds: 7 }));
		const seen: WriterStatus["state"][] = [];
		const stop = lane.status.subscribe(s => seen.push(s.state));
		await Promise.all([people.save(addCc(2)), fields.save(setField("b"))]);
		stop();
		expect(sleeps).toEqual([7000]);
		expect(seen).toContain("waiting");
		expect(lane.status.value.state).toBe("idle");
		expect(lane.pending).toBe(0);
		expect(ticket.state).toMatchObject({ ccs: [1, 2], field: "b" });
	});

	it("keeps the queue moving after a task fails", async () => {
		const { ticket, people, fields } = setup();
		ticket.faults.push(new ApiError({ kind: "invalid", status: 422, message: "bad" }));
		const results = await Promise.allSettled([people.save(addCc(2)), fields.save(setField("b"))]);
		expect(results.map(r => r.status)).toEqual(["rejected", "fulfilled"]);
		expect(ticket.state).toMatchObject({ ccs: [1], field: "b" });
	});

	it.each([
		["2026-11-28T10:00:01Z", "2026-11-28T10:00:02Z", true],
		["2026-11-28T10:00:02Z", "2026-11-28T10:00:02Z", false],
		["2026-11-28T10:00:03Z", "2026-11-28T10:00:02Z", false],
		["not a date", "2026-11-28T10:00:02Z", true],
	])("calls %s stale after seeing %s: %s", (mine, seen, stale) => {
		const lane = createTicketWriteLane();
		lane.noteStamp(seen);
		expect(lane.isStale(mine)).toBe(stale);
	});
});
