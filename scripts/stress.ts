/**
 * `npm run stress`: runs N fault-injection scenarios in-process against the emulator with the
 * app's real models (concurrent writers via act-as, injected 409/429/503/timeouts/dropped
 * connections/lost answers, failing jobs, the per-ticket rate limit, panel reloads) and prints a
 * table: scenarios run, lost updates (must be 0), duplicate tickets (must be 0), conflicts
 * auto-rebased vs shown to the agent, failed requests absorbed, most writes in flight. Exits 1
 * when an invariant broke. See docs/reliability.md.
 *
 *   npm run stress                          200 scenarios, seed 1
 *   npm run stress -- --scenarios 1000 --seed 7
 *   npm run stress -- --only fields,followUp --verbose
 */
import { formatStressReport } from "./stress/report";
import { failed, runStress } from "./stress/runStress";
import { SCENARIO_KINDS, type ScenarioKind } from "./stress/scenarios";

interface CliOptions {
	scenarios: number;
	seed: number;
	kinds: ScenarioKind[];
	verbose: boolean;
}

/** Parses argv; throws a usage message on anything unknown. */
export function parseStressArgs(argv: readonly string[]): CliOptions {
	const options: CliOptions = { scenarios: 200, seed: 1, kinds: [...SCENARIO_KINDS], verbose: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === "--scenarios" || arg === "-n") options.scenarios = positive(value(), arg);
		else if (arg === "--seed") options.seed = positive(value(), arg);
		else if (arg === "--verbose") options.verbose = true;
		else if (arg === "--only") {
			const kinds = value().split(",");
			const unknown = kinds.filter(k => !(SCENARIO_KINDS as readonly string[]).includes(k));
			if (unknown.length > 0)
				throw new Error(`unknown scenario kind(s): ${unknown.join(", ")} (${SCENARIO_KINDS.join(", ")})`);
			options.kinds = kinds as ScenarioKind[];
		} else
			throw new Error(
				`unknown argument ${arg}\nusage: npm run stress -- [--scenarios N] [--seed S] [--only ${SCENARIO_KINDS.join(",")}] [--verbose]`,
			);
	}
	return options;
}

function positive(text: string, name: string): number {
	const n = Number(text);
	if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
	return n;
}

async function main(): Promise<void> {
	let options: CliOptions;
	try {
		options = parseStressArgs(process.argv.slice(2));
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(2);
	}
	process.stderr.write(`running ${options.scenarios} scenarios (seed ${options.seed})…\n`);
	const report = await runStress({
		scenarios: options.scenarios,
		seed: options.seed,
		kinds: options.kinds,
		onScenario(outcome, index) {
			if (options.verbose) process.stderr.write(`#${index} ${outcome.kind} ${outcome.variant}\n`);
			else if ((index + 1) % 20 === 0) process.stderr.write(`  ${index + 1}/${options.scenarios}\n`);
		},
	});
	console.log(formatStressReport(report));
	process.exit(failed(report) ? 1 : 0);
}

if (process.argv[1] && /stress\.ts$/.test(process.argv[1])) void main();
