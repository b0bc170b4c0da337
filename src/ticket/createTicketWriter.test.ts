import { describe, expect, it } from "vitest";
import { ApiError } from "../platform/api/errors";
import { RATE_LIMIT_MAX_ATTEMPTS } from "./backoff";
import { createTicketWriter, MAX_CONFLICT_REBASES, type Plan } from "./createTicketWriter";

/** Zendesk's rate limits count requests per minute (zendesk-ticket-api.md §12). */
const RATE_LIMIT_WINDOW_MS = 60_000;

/** A tiny ticket store with real state: a set of CCs and a second-precision stamp. */
function createStore() {
	const state = { ccs: new Set<number>([1]), version: 1, puts: 0 };
	const faults: ApiError[] = [];
	const stamp = () => `2026-11-28T10:00:${String(state.version).padStart(2, "0")}Z`;
	const snap = () => ({ updatedAt: stamp(), ccs: [...state.ccs].sort() });
	return {
		state,
		faults,
		otherAgentAdds(id: number) {
			state.ccs.add(id);
			state.version++;
		},
		load: async () => snap(),
		send: async (payload: { add: number[] }, updatedStamp: string) => {
			state.puts++;
			const fault = faults.shift();
			if (fault && fault.kind !== "timeout") throw fault;
			if (updatedStamp !== stamp()) throw new ApiError({ kind: "conflict", status: 409, message: "conflict" });
			for (const id of payload.add) state.ccs.add(id);
			state.version++;
			if (fault) throw fault; // applied, but the answer was lost
			return snap();
		},
	};
}

type Snap = { updatedAt: string; ccs: number[] };
const addCc =
	(id: number) =>
	(s: Snap): Plan<{ add: number[] }> =>
		s.ccs.includes(id) ? { kind: "noop" } : { kind: "send", payload: { add: [id] } };

function setup() {
	const store = createStore();
	const sleeps: number[] = [];
	const writer = createTicketWriter<Snap, { add: number[] }>({
		load: store.load,
		send: store.send,
		sleep: async ms => void sleeps.push(ms),
		random: () => 0,
	});
	return { store, writer, sleeps };
}

describe("createTicketWriter", () => {
	it("sends one update with the stamp of the ticket it planned from", async () => {
		const { store, writer } = setup();
		const outcome = await writer.save(addCc(2));
		expect(outcome).toMatchObject({ kind: "saved", rebased: false });
		expect([...store.state.ccs]).toEqual([1, 2]);
		expect(store.state.puts).toBe(1);
	});

	it("re-plans on fresh data after a conflict and keeps the other agent's change", async () => {
		const { store, writer } = setup();
		writer.observe(await store.load());
		store.otherAgentAdds(3);
		const outcome = await writer.save(addCc(2));
		expect(outcome).toMatchObject({ kind: "saved", rebased: true });
		expect([...store.state.ccs].sort()).toEqual([1, 2, 3]);
	});

	it("answers noop when the fresh ticket already satisfies the intent", async () => {
		const { store, writer } = setup();
		writer.observe(await store.load());
		store.otherAgentAdds(2);
		expect(await writer.save(addCc(2))).toMatchObject({ kind: "noop", rebased: true });
		expect(store.state.puts).toBe(1);
	});

	it("waits for Retry-After on 429 and shows the wait in its status", async () => {
		const { store, writer, sleeps } = setup();
		store.faults.push(new ApiError({ kind: "rate_limited", status: 429, message: "slow down", retryAfterSeconds: 5 }));
		const seen: string[] = [];
		writer.status.subscribe(s => seen.push(s.state));
		await writer.save(addCc(2));
		expect(sleeps).toEqual([5000]);
		expect(seen).toContain("waiting");
		expect(writer.status.value.state).toBe("idle");
	});

	it("outlasts a one-minute window when 429s carry no Retry-After, with a countdown for each wait", async () => {
		const { store, writer, sleeps } = setup();
		const guessed = () =>
			new ApiError({
				kind: "rate_limited",
				status: 429,
				message: "slow down",
				retryAfterSeconds: 10,
				retryAfterGuessed: true,
			});
		store.faults.push(guessed(), guessed(), guessed(), guessed());
		const waits: number[] = [];
		writer.status.subscribe(s => {
			if (s.state === "waiting" && s.reason === "rate_limited") waits.push(s.until);
		});
		const outcome = await writer.save(addCc(2));
		expect(outcome).toMatchObject({ kind: "saved" });
		expect(sleeps).toEqual([10_000, 20_000, 40_000, 60_000]);
		expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(RATE_LIMIT_WINDOW_MS);
		expect(waits).toHaveLength(4);
		expect([...store.state.ccs]).toEqual([1, 2]);
	});

	it("gives up on 429s without Retry-After after a bounded number of attempts", async () => {
		const { store, writer } = setup();
		for (let i = 0; i < RATE_LIMIT_MAX_ATTEMPTS; i++)
			store.faults.push(
				new ApiError({
					kind: "rate_limited",
					status: 429,
					message: "slow down",
					retryAfterSeconds: 10,
					retryAfterGuessed: true,
				}),
			);
		await expect(writer.save(addCc(2))).rejects.toMatchObject({ kind: "rate_limited" });
		expect(store.state.puts).toBe(RATE_LIMIT_MAX_ATTEMPTS);
	});

	it("re-reads after a timeout and does not apply a write twice", async () => {
		const { store, writer } = setup();
		store.faults.push(new ApiError({ kind: "timeout", message: "timed out" }));
		const outcome = await writer.save(addCc(2));
		expect(outcome).toMatchObject({ kind: "noop", rebased: true });
		expect(store.state.puts).toBe(1);
		expect([...store.state.ccs]).toEqual([1, 2]);
	});

	it("gives up with the ApiError after bounded conflicts", async () => {
		const { store, writer } = setup();
		const racing = createTicketWriter<Snap, { add: number[] }>({
			load: store.load,
			send: async (p, s) => {
				store.otherAgentAdds(100 + store.state.puts);
				return store.send(p, s);
			},
			sleep: async () => undefined,
		});
		await expect(racing.save(addCc(2))).rejects.toMatchObject({ kind: "conflict" });
		expect(store.state.puts).toBe(MAX_CONFLICT_REBASES + 1);
		expect(writer.status.value.state).toBe("idle");
	});

	it("rejects validation errors without retrying", async () => {
		const { store, writer } = setup();
		store.faults.push(new ApiError({ kind: "invalid", status: 422, message: "bad" }));
		await expect(writer.save(addCc(2))).rejects.toMatchObject({ kind: "invalid" });
		expect(store.state.puts).toBe(1);
	});

	it("serialises concurrent saves so the second plans from the first's result", async () => {
		const { store, writer } = setup();
		const [a, b] = await Promise.all([writer.save(addCc(2)), writer.save(addCc(3))]);
		expect(a.kind).toBe("saved");
		expect(b).toMatchObject({ kind: "saved", rebased: false });
		expect(store.state.puts).toBe(2);
	});
});
