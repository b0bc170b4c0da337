/**
 * Formats a stress report as the table `npm run stress` prints (docs/reliability.md shows one).
 * Pure.
 */
import { SCENARIO_KINDS } from "./scenarios";
import { failed, type StressReport, type StressTotals } from "./runStress";

const LABELS: Record<(typeof SCENARIO_KINDS)[number], string> = {
	people: "people (CCs, followers)",
	fields: "custom fields",
	followUp: "follow-up create",
	together: "people + fields at once",
	bulk: "bulk (related tickets)",
};

const COLUMNS: Array<[header: string, value: (t: StressTotals) => number]> = [
	["runs", t => t.runs],
	["lost", t => t.lost],
	["overwritten", t => t.overwritten],
	["dup", t => t.duplicates],
	["rebased", t => t.rebased],
	["shown", t => t.shown],
	["refused", t => t.refused],
	["agent retry", t => t.agentRetried],
	["reload", t => t.reloaded],
	["faults", t => t.faultsInjected],
	["absorbed", t => t.failuresAbsorbed],
	["jobs", t => t.jobs],
	["max writes", t => t.maxConcurrentWrites],
	["stale", t => t.stale],
	["crashed", t => t.crashed],
];

/** The report as text: one row per scenario family, a total, the verdict, and any problems. */
export function formatStressReport(report: StressReport): string {
	const rows: Array<[string, StressTotals]> = [
		...SCENARIO_KINDS.filter(k => report.byKind[k].runs > 0).map(
			k => [LABELS[k], report.byKind[k]] as [string, StressTotals],
		),
		["total", report.total],
	];
	const first = Math.max(8, ...rows.map(([label]) => label.length));
	const widths = COLUMNS.map(([header]) => Math.max(header.length, 5));
	const line = (label: string, cells: string[]) =>
		[label.padEnd(first), ...cells.map((c, i) => c.padStart(widths[i] ?? 5))].join("  ");
	const out = [
		line(
			"scenario",
			COLUMNS.map(([h]) => h),
		),
		...rows.map(([label, t], index) => {
			const row = line(
				label,
				COLUMNS.map(([, v]) => String(v(t))),
			);
			return index === rows.length - 1 ? `${"-".repeat(row.length)}\n${row}` : row;
		}),
		"",
		`lost updates: ${report.total.lost} (must be 0)   duplicate tickets: ${report.total.duplicates} (must be 0)`,
		`conflicts auto-rebased: ${report.total.rebased}   conflicts shown to the agent: ${report.total.shown}   ` +
			`failed requests absorbed: ${report.total.failuresAbsorbed}`,
		`most writes to one ticket in flight at once: ${report.total.maxConcurrentWrites} (must be ≤ 1)   ` +
			`creates without Idempotency-Key: ${report.total.unkeyedCreates} (must be 0)`,
		...(report.byKind.bulk.runs > 0
			? [
					`bulk tickets updated after a retry: ${report.total.ticketsResolved}   left as conflicts: ` +
						`${report.total.ticketConflicts}   refused: ${report.total.refused}   update_many jobs: ${report.total.jobs}   ` +
						`other agents' changes overwritten: ${report.total.overwritten} (must be 0)`,
				]
			: []),
		`seed ${report.seed}, ${(report.durationMs / 1000).toFixed(1)} s — ${failed(report) ? "FAILED" : "OK"}`,
	];
	if (report.problems.length > 0) out.push("", "Problems:", ...report.problems.map(p => `  ${p}`));
	return out.join("\n");
}
