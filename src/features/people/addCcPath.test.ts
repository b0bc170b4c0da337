import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import type { EmulatorRequest } from "../../../sandbox/emulator/types";
import { createTestTicket } from "../../testing/ticketTestSetup";
import { createPeopleModel } from "./createPeopleModel";

/**
 * How far an intent travels: the app's files whose code runs from the moment the agent picks a CC
 * to the moment the one PUT leaves (V8's precise coverage, reset at the pick and read when the PUT
 * reaches the emulator). A newcomer follows "add a CC and apply" through exactly these files
 * (docs/architecture.md names them); a change that spreads it over more fails here with the list.
 */
const MOST_LOGIC_FILES = 12;

const SRC = fileURLToPath(new URL("../../", import.meta.url));
const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

interface ScriptCoverage {
	url: string;
	functions: Array<{ ranges: Array<{ count: number }> }>;
}

/** The src/ files (tests and test helpers aside) in which any function ran since the last take. */
async function ranSinceLastTake(session: Session): Promise<string[]> {
	const { result } = (await session.post("Profiler.takePreciseCoverage")) as { result: ScriptCoverage[] };
	const files = new Set<string>();
	for (const script of result) {
		const at = script.url.indexOf(SRC);
		if (at === -1) continue;
		const file = script.url.slice(at + SRC.length).replace(/\?.*$/, "");
		if (/\.test\.|^testing\//.test(file)) continue;
		if (script.functions.some(f => f.ranges.some(r => r.count > 0))) files.add(file);
	}
	return [...files].sort();
}

it(`adds a CC and applies it through at most ${MOST_LOGIC_FILES} files of logic`, async () => {
	const session = new Session();
	session.connect();
	cleanups.push(() => session.disconnect());
	await session.post("Profiler.enable");
	await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });

	const emulator = createEmulator({ settings: { rateLimits: false } });
	const sent: { atPut?: Promise<string[]> } = {};
	const handle = emulator.handle.bind(emulator);
	emulator.handle = (request: EmulatorRequest) => {
		if (request.method === "PUT") sent.atPut ??= ranSinceLastTake(session);
		return handle(request);
	};
	const core = createTestTicket({ ticketId: 1, emulator });
	const model = createPeopleModel({ ticket: core.store, api: core.api, drafts: core.drafts, searchDebounceMs: 0 });
	cleanups.push(() => (model.dispose(), core.dispose(), emulator.dispose()));
	await model.load();
	model.searches.ccs.setQuery("Noah");
	const [noah] = await model.searches.ccs.settle();
	if (!noah) throw new Error("the search found no Noah");

	await ranSinceLastTake(session);
	expect(model.add("ccs", { kind: "user", user: noah })).toBe(true);
	await model.apply();

	expect(emulator.db.tickets.find(t => t.id === 1)?.email_cc_ids).toContain(noah.id);
	const path = await (sent.atPut ?? Promise.reject(new Error("no PUT was sent")));
	expect(path).toEqual(
		expect.arrayContaining(["features/people/createPeopleModel.ts", "ticket/createTicketWriter.ts"]),
	);
	expect(path.length, path.join("\n")).toBeLessThanOrEqual(MOST_LOGIC_FILES);
});
