/**
 * Runs N stress scenarios (cycling through the families, each variant drawn from a seeded
 * generator, so a run is reproducible from its seed) and sums up what they found. In-process
 * against the emulator; no browser, no sockets.
 */
import { runScenario, SCENARIO_KINDS, type ScenarioKind, type ScenarioOutcome } from "./scenarios";

/** Options of a run. */
export interface StressOptions {
	scenarios: number;
	seed: number;
	/** Only these families (default: all). */
	kinds?: readonly ScenarioKind[];
	/** Called after each scenario (progress). */
	onScenario?(outcome: ScenarioOutcome, index: number): void;
}

/** Totals for one family (or all of them). */
export interface StressTotals {
	runs: number;
	lost: number;
	/** Other agents' changes undone without a conflict outcome (bulk). */
	overwritten: number;
	duplicates: number;
	rebased: number;
	shown: number;
	agentRetried: number;
	reloaded: number;
	failuresAbsorbed: number;
	faultsInjected: number;
	maxConcurrentWrites: number;
	unkeyedCreates: number;
	stale: number;
	/** Bulk, per ticket: updated after a retry, conflict outcomes, refused outcomes. */
	ticketsResolved: number;
	ticketConflicts: number;
	refused: number;
	/** update_many jobs queued for the app. */
	jobs: number;
	/** Scenarios that threw (a bug in the app or the harness). */
	crashed: number;
}

/** The result of a run: per family, overall, and every problem with its scenario's variant. */
export interface StressReport {
	seed: number;
	byKind: Record<ScenarioKind, StressTotals>;
	total: StressTotals;
	problems: string[];
	durationMs: number;
}

/** mulberry32: a tiny seeded generator, so a failing run can be replayed with `--seed`. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const emptyTotals = (): StressTotals => ({
	runs: 0,
	lost: 0,
	overwritten: 0,
	duplicates: 0,
	rebased: 0,
	shown: 0,
	agentRetried: 0,
	reloaded: 0,
	failuresAbsorbed: 0,
	faultsInjected: 0,
	maxConcurrentWrites: 0,
	unkeyedCreates: 0,
	stale: 0,
	ticketsResolved: 0,
	ticketConflicts: 0,
	refused: 0,
	jobs: 0,
	crashed: 0,
});

function add(totals: StressTotals, o: ScenarioOutcome): void {
	totals.runs++;
	totals.lost += o.lost.length;
	totals.duplicates += o.duplicates;
	totals.rebased += o.rebased ? 1 : 0;
	totals.shown += o.shown ? 1 : 0;
	totals.agentRetried += o.agentRetried ? 1 : 0;
	totals.reloaded += o.reloaded ? 1 : 0;
	totals.failuresAbsorbed += o.failuresAbsorbed;
	totals.faultsInjected += o.faultsInjected;
	totals.maxConcurrentWrites = Math.max(totals.maxConcurrentWrites, o.maxConcurrentWrites);
	totals.unkeyedCreates += o.unkeyedCreates;
	totals.stale += o.stale.length;
	totals.overwritten += o.overwritten.length;
	totals.ticketsResolved += o.tickets.resolved;
	totals.ticketConflicts += o.tickets.conflicts;
	totals.refused += o.tickets.refused;
	totals.jobs += o.jobs;
}

/** True when the run broke an invariant (the CLI then exits with 1). */
export function failed(report: StressReport): boolean {
	const t = report.total;
	return (
		t.lost > 0 ||
		t.overwritten > 0 ||
		t.duplicates > 0 ||
		t.maxConcurrentWrites > 1 ||
		t.unkeyedCreates > 0 ||
		t.stale > 0 ||
		t.crashed > 0
	);
}

/** Runs the scenarios one after another. */
export async function runStress(options: StressOptions): Promise<StressReport> {
	const kinds = options.kinds ?? SCENARIO_KINDS;
	const started = Date.now();
	const byKind = Object.fromEntries(SCENARIO_KINDS.map(k => [k, emptyTotals()])) as Record<ScenarioKind, StressTotals>;
	const total = emptyTotals();
	const problems: string[] = [];
	for (let i = 0; i < options.scenarios; i++) {
		const kind = kinds[i % kinds.length] as ScenarioKind;
		const random = seededRandom(options.seed * 100_003 + i);
		let outcome: ScenarioOutcome;
		try {
			outcome = await runScenario(kind, i, random);
		} catch (error) {
			byKind[kind].runs++;
			byKind[kind].crashed++;
			total.runs++;
			total.crashed++;
			problems.push(
				`#${i} ${kind} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
			);
			continue;
		}
		add(byKind[kind], outcome);
		add(total, outcome);
		const wrong = [
			...outcome.lost.map(l => `lost ${l}`),
			...outcome.overwritten.map(o => `overwritten ${o}`),
			...(outcome.duplicates > 0 ? [`${outcome.duplicates} duplicate ticket(s)`] : []),
			...(outcome.maxConcurrentWrites > 1 ? [`${outcome.maxConcurrentWrites} writes in flight at once`] : []),
			...(outcome.unkeyedCreates > 0 ? [`${outcome.unkeyedCreates} create(s) without Idempotency-Key`] : []),
			...outcome.stale.map(s => `stale: ${s}`),
		];
		if (wrong.length > 0) problems.push(`#${i} ${kind} seed ${options.seed} [${outcome.variant}]: ${wrong.join("; ")}`);
		options.onScenario?.(outcome, i);
	}
	return { seed: options.seed, byKind, total, problems, durationMs: Date.now() - started };
}
