import { describe, expect, it } from "vitest";
import { ApiError } from "../platform/api/errors";
import { createTicketWriter, type Plan } from "./createTicketWriter";

/**
 * When the writer calls the plan again: only when the ticket moved on. A plan's budget of
 * automatic rebases (people: one) must not be spent by a 503, a timeout or a 429 that changed nothing.
 */
function setup() {
	const state = { ccs: [1] as number[], version: 1, puts: 0 };
	const faults: ApiError[] = [];
	const stamp = () => `2026-11-28T10:00:${String(state.version).padStart(2, "0")}Z`;
	const snap = () => ({ updatedAt: stamp(), ccs: [...state.ccs] });
	const calls: Array<{ rebased: boolean; stamp: string }> = [];
	const writer = createTicketWriter<{ updatedAt: string; ccs: number[] }, number>({
		load: async () => snap(),
		async send(add, updatedStamp) {
			state.puts++;
			const fault = faults.shift();
			if (fault) throw fault;
			if (updatedStamp !== stamp()) throw new ApiError({ kind: "conflict", status: 409, message: "conflict" });
			state.ccs.push(add);
			state.version++;
			return snap();
		},
		sleep: async () => undefined,
		random: () => 0,
	});
	const plan = (s: { updatedAt: string; ccs: number[] }, rebased: boolean): Plan<number> => {
		calls.push({ rebased, stamp: s.updatedAt });
		return s.ccs.includes(2) ? { kind: "noop" } : { kind: "send", payload: 2 };
	};
	const otherAgent = () => {
		state.ccs.push(9);
		state.version++;
	};
	return { state, faults, writer, plan, calls, otherAgent };
}

const fault = (kind: "server" | "rate_limited" | "timeout" | "db_conflict") =>
	new ApiError({ kind, message: kind, ...(kind === "rate_limited" ? { status: 429, retryAfterSeconds: 1 } : {}) });

describe("createTicketWriter re-planning", () => {
	it.each(["server", "rate_limited", "timeout", "db_conflict"] as const)(
		"keeps its decision after a %s that changed nothing (one plan call, not a rebase)",
		async kind => {
			const { state, faults, writer, plan, calls } = setup();
			faults.push(fault(kind));
			const outcome = await writer.save(plan);
			expect(outcome).toMatchObject({ kind: "saved", rebased: false });
			expect(calls).toEqual([{ rebased: false, stamp: "2026-11-28T10:00:01Z" }]);
			expect(state.puts).toBe(2);
		},
	);

	it("re-plans as a rebase once the ticket moved on, and not again for a later 503", async () => {
		const { state, faults, writer, plan, calls, otherAgent } = setup();
		writer.observe({ updatedAt: "2026-11-28T10:00:01Z", ccs: [1] });
		otherAgent();
		faults.push(fault("server"));
		const send = writer.save(plan);
		// First PUT: 409 (stale) → re-read → rebase; second PUT: 503 → re-read, same ticket → same decision.
		faults.unshift(new ApiError({ kind: "conflict", status: 409, message: "stale" }));
		const outcome = await send;
		expect(outcome).toMatchObject({ kind: "saved", rebased: true });
		expect(calls.map(c => c.rebased)).toEqual([false, true]);
		expect(state.ccs).toEqual([1, 9, 2]);
	});
});
