import { describe, expect, it } from "vitest";
import { parseStressArgs } from "../stress";
import { formatStressReport } from "./report";
import { failed, runStress, seededRandom } from "./runStress";

describe("npm run stress (small, fast configuration)", () => {
	it("loses no update, duplicates no ticket and serialises writes across 40 fault-injected scenarios", async () => {
		const report = await runStress({ scenarios: 40, seed: 8 });
		expect(report.problems).toEqual([]);
		expect(report.total).toMatchObject({
			runs: 40,
			lost: 0,
			overwritten: 0,
			duplicates: 0,
			unkeyedCreates: 0,
			stale: 0,
			crashed: 0,
		});
		expect(report.total.maxConcurrentWrites).toBe(1);
		expect(failed(report)).toBe(false);
		// The run really went through the hard paths, or it would prove nothing.
		expect(report.total.faultsInjected).toBeGreaterThan(40);
		expect(report.total.failuresAbsorbed).toBeGreaterThan(40);
		expect(report.total.rebased).toBeGreaterThan(0);
		expect(report.total.shown).toBeGreaterThan(0);
		expect(report.total.agentRetried).toBeGreaterThan(0);
		expect(report.total.reloaded).toBeGreaterThan(0);
		expect(Object.values(report.byKind).every(totals => totals.runs === 8)).toBe(true);
	}, 60_000);

	it("bulk: a run resumed after a reload still asks about a field another agent changed (seed 4 found it)", async () => {
		const report = await runStress({ scenarios: 24, seed: 4, kinds: ["bulk"] });
		expect(report.byKind.bulk).toMatchObject({ runs: 24, lost: 0, overwritten: 0, duplicates: 0, crashed: 0 });
		expect(report.byKind.bulk.reloaded).toBeGreaterThan(0);
	});

	it("bulk: overwrites no other agent's change and loses none of the agent's across 24 scenarios", async () => {
		const report = await runStress({ scenarios: 24, seed: 3, kinds: ["bulk"] });
		expect(report.problems).toEqual([]);
		expect(report.byKind.bulk).toMatchObject({ runs: 24, lost: 0, overwritten: 0, duplicates: 0, crashed: 0 });
		// Through conflicts left to the agent and merged, refusals, failed or lost jobs, reloads and retries.
		const bulk = report.byKind.bulk;
		expect(bulk.jobs).toBeGreaterThan(24);
		expect(bulk.ticketsResolved).toBeGreaterThan(0);
		expect(bulk.ticketConflicts).toBeGreaterThan(0);
		expect(bulk.refused).toBeGreaterThan(0);
		expect(bulk.reloaded).toBeGreaterThan(0);
		expect(bulk.agentRetried).toBeGreaterThan(0);
		expect(bulk.failuresAbsorbed).toBeGreaterThan(24);
	}, 60_000);

	it("prints one row per family, the total and the verdict", async () => {
		const report = await runStress({ scenarios: 5, seed: 3 });
		const text = formatStressReport(report);
		expect(text).toMatch(/^scenario\s+runs\s+lost\s+overwritten\s+dup\s+rebased\s+shown\s+refused/);
		for (const label of [
			"people (CCs, followers)",
			"custom fields",
			"follow-up create",
			"people + fields at once",
			"bulk (related tickets)",
			"total",
		])
			expect(text).toContain(label);
		expect(text).toContain("lost updates: 0 (must be 0)   duplicate tickets: 0 (must be 0)");
		expect(text).toMatch(/seed 3, [\d.]+ s — OK$/);
	}, 30_000);
});

describe("stress helpers", () => {
	it("replays the same variants from the same seed", () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		const draws = Array.from({ length: 5 }, () => [a(), b()]);
		expect(draws.every(([x, y]) => x === y && x !== undefined && x >= 0 && x < 1)).toBe(true);
		expect(seededRandom(43)()).not.toBe(seededRandom(42)());
	});

	it.each([
		[[], { scenarios: 200, seed: 1, verbose: false }],
		[["--scenarios", "50", "--seed", "9", "--verbose"], { scenarios: 50, seed: 9, verbose: true }],
		[["-n", "3", "--only", "fields,followUp"], { scenarios: 3, kinds: ["fields", "followUp"] }],
		[["--only", "bulk"], { kinds: ["bulk"] }],
	])("parses %j", (argv, expected) => {
		expect(parseStressArgs(argv)).toMatchObject(expected);
	});

	it.each([[["--scenarios", "0"]], [["--only", "tags"]], [["--bogus"]], [["--seed"]]])("refuses %j", argv => {
		expect(() => parseStressArgs(argv)).toThrow();
	});
});
