/**
 * The stress scenarios. Each one builds a fresh world, lets the agent change something through
 * the REAL model (people, fields, follow-up, people and fields at once, or a bulk change of related
 * tickets: `bulkScenario.ts`), lets another agent
 * change the same ticket at a chosen moment (before the save, or racing it: between the app's read
 * and its write), injects a random run of faults, and plays the agent's part when the app hands
 * control back (a conflict shown, or an error after the bounded retries: try again, sometimes
 * after reloading the panel). Then it checks Zendesk's state against both agents' intent.
 *
 * A *lost update* is any intended change (the agent's or the other agent's) that is neither on
 * the ticket nor still held in the agent's draft at the end. A *duplicate* is a second ticket
 * created for one follow-up.
 */
import type { FieldsModel } from "../../src/features/fields/createFieldsModel";
import type { PeopleModel } from "../../src/features/people/createPeopleModel";
import { BULK_TICKET, playBulk } from "./bulkScenario";
import {
	CREATE_FAULTS,
	describeVariant,
	injectFaults,
	pick,
	READ_FAULTS,
	WRITE_FAULTS,
	type FaultKind,
} from "./faults";
import { createStressWorld, type StressWorld } from "./world";

/** The scenario families, in the order the runner cycles through them. */
export const SCENARIO_KINDS = ["people", "fields", "followUp", "together", "bulk"] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** What one scenario found. */
export interface ScenarioOutcome {
	kind: ScenarioKind;
	/** A readable summary of the variant (who changed what, when, which faults). */
	variant: string;
	/** Intended changes found neither on the ticket nor in the agent's draft. Must stay empty. */
	lost: string[];
	/** Another agent's change undone without a conflict outcome (bulk). Must stay empty. */
	overwritten: string[];
	/** Extra tickets created for one follow-up. Must stay 0. */
	duplicates: number;
	/** A conflict (409, or another agent's newer data) was merged without asking the agent. */
	rebased: boolean;
	/** The agent was shown a conflict (both values) and chose. */
	shown: boolean;
	/** The app's bounded retries ran out; the agent tried again from the kept draft. */
	agentRetried: boolean;
	/** The agent reloaded the panel before trying again (the draft came back from storage). */
	reloaded: boolean;
	/** Failed requests the app absorbed (retried, re-read or handed back with the draft kept). */
	failuresAbsorbed: number;
	faultsInjected: number;
	/** Most ticket writes in flight at once. Must stay ≤ 1 (one lane per ticket). */
	maxConcurrentWrites: number;
	/** Creates sent without an Idempotency-Key. Must stay 0. */
	unkeyedCreates: number;
	/** The panel still showed older data than Zendesk's once everything settled. Must stay 0. */
	stale: string[];
	/** Bulk only, per ticket: updated after a retry, left as a conflict for the agent, refused. */
	tickets: { resolved: number; conflicts: number; refused: number };
	/** update_many jobs Zendesk queued for the app (bulk). */
	jobs: number;
}

const TICKET_PUT = (id: number) => ({
	method: "PUT",
	path: `/api/v2/tickets/${id}`,
	pathRe: new RegExp(`^/api/v2/tickets/${id}(\\.json)?$`),
});
const TICKET_GET = (id: number) => ({
	method: "GET",
	path: `/api/v2/tickets/${id}`,
	pathRe: new RegExp(`^/api/v2/tickets/${id}(\\.json)?$`),
});
/** The app's PUT of a ticket, as a transport rule. */
const writeMatch = (id: number) => ({ method: "PUT", path: TICKET_PUT(id).pathRe });
const TICKET_POST = { method: "POST", path: "/api/v2/tickets", pathRe: /^\/api\/v2\/tickets(\.json)?$/ };

type Timing = "none" | "before" | "racing";

/** Runs one scenario of `kind`. `i` makes values unique; `random` decides the variant. */
export async function runScenario(kind: ScenarioKind, i: number, random: () => number): Promise<ScenarioOutcome> {
	const ticketId =
		kind === "people" || kind === "together" ? 1 : kind === "fields" ? 2 : kind === "bulk" ? BULK_TICKET : 7;
	const rateLimitVariant = kind === "fields" && random() < 0.15;
	const world = createStressWorld({
		ticketId,
		random,
		...(rateLimitVariant ? { settings: { rateLimits: true, ticketUpdateRateLimit: 1 } } : {}),
	});
	try {
		const play =
			kind === "people"
				? playPeople
				: kind === "fields"
					? rateLimitVariant
						? playFieldsRateLimited
						: playFields
					: kind === "followUp"
						? playFollowUp
						: kind === "bulk"
							? playBulk
							: playTogether;
		const result = await play(world, i, random);
		await world.settled();
		const failuresAbsorbed = [...world.failures.values()].reduce((sum, n) => sum + n, 0);
		return {
			kind,
			shown: false,
			agentRetried: false,
			reloaded: false,
			duplicates: 0,
			stale: [],
			overwritten: [],
			tickets: { resolved: 0, conflicts: 0, refused: 0 },
			jobs: 0,
			...result,
			rebased: result.rebased ?? ((world.failures.get("conflict") ?? 0) > 0 && !result.shown),
			failuresAbsorbed,
			faultsInjected: world.faultsInjected,
			maxConcurrentWrites: world.maxConcurrentWrites,
			unkeyedCreates: world.transport.unkeyedCreates,
		};
	} finally {
		await world.dispose();
	}
}

type Played = Pick<ScenarioOutcome, "variant" | "lost"> &
	Partial<
		Pick<
			ScenarioOutcome,
			"shown" | "agentRetried" | "reloaded" | "duplicates" | "rebased" | "stale" | "overwritten" | "tickets" | "jobs"
		>
	>;

/** Schedules the other agent's change: now (before the app saves) or just before the app's write. */
function otherAgentAt(world: StressWorld, timing: Timing, ticketId: number, changes: Record<string, unknown> | null) {
	if (changes === null || timing === "none") return;
	if (timing === "before") world.otherAgent(changes);
	else world.transport.beforeNext(writeMatch(ticketId), () => world.otherAgent(changes));
}

function maybeReadFaults(world: StressWorld, random: () => number, ticketId: number): FaultKind[] {
	return random() < 0.3 ? injectFaults(world, random, TICKET_GET(ticketId), READ_FAULTS) : [];
}

const describe = describeVariant;

const sameSet = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** CCs and followers on ticket 1: the agent adds and removes, another agent too. */
async function playPeople(world: StressWorld, _i: number, random: () => number): Promise<Played> {
	const storage = world.newStorage();
	let model = world.people(storage);
	await model.load();
	const before = world.ticket();
	// The agent: add CC 1104, remove CC 1102, add follower 1004.
	model.add("ccs", world.person(1104));
	model.remove("ccs", world.person(1102));
	model.add("followers", world.person(1004));
	const other = pick(random, [
		{ name: "none", changes: null, ccAdd: [], ccRemove: [], followerAdd: [] },
		{
			name: "addsOtherCc",
			changes: { email_ccs: [{ user_id: "1105", action: "put" }] },
			ccAdd: [1105],
			ccRemove: [],
			followerAdd: [],
		},
		{
			name: "removesOtherCc",
			changes: { email_ccs: [{ user_id: "1103", action: "delete" }] },
			ccAdd: [],
			ccRemove: [1103],
			followerAdd: [],
		},
		{
			name: "addsSameCc",
			changes: { email_ccs: [{ user_id: "1104", action: "put" }] },
			ccAdd: [1104],
			ccRemove: [],
			followerAdd: [],
		},
		{
			name: "removesSameCc",
			changes: { email_ccs: [{ user_id: "1102", action: "delete" }] },
			ccAdd: [],
			ccRemove: [1102],
			followerAdd: [],
		},
		{
			name: "addsFollower",
			changes: { followers: [{ user_id: "1006", action: "put" }] },
			ccAdd: [],
			ccRemove: [],
			followerAdd: [1006],
		},
		{ name: "unrelated", changes: { priority: "low" }, ccAdd: [], ccRemove: [], followerAdd: [] },
	] as const);
	const timing: Timing = other.changes === null ? "none" : pick(random, ["before", "racing"] as const);
	otherAgentAt(world, timing, 1, other.changes);
	const faults = injectFaults(world, random, TICKET_PUT(1), WRITE_FAULTS);
	const reads = maybeReadFaults(world, random, 1);
	await model.apply();

	let shown = false;
	let agentRetried = false;
	let reloaded = false;
	for (let round = 0; round < 3 && (model.error.value !== null || model.staged.value.changes.length > 0); round++) {
		// The app handed control back: a conflict to review (changes kept, no error) or an error after its retries.
		if (model.error.value === null) shown = true;
		else agentRetried = true;
		world.clearFaults();
		if (random() < 0.5) {
			model.dispose();
			world.reloadPanel();
			model = world.people(storage);
			await model.load();
			reloaded = true;
		}
		await model.apply();
	}
	await world.settled();
	const after = world.ticket();
	const expectCcs = [...new Set([...before.email_cc_ids, 1104, ...other.ccAdd])].filter(
		id => id !== 1102 && !(other.ccRemove as readonly number[]).includes(id),
	);
	const expectFollowers = [...new Set([...before.follower_ids, 1004, ...other.followerAdd])];
	const lost: string[] = [];
	const kept = model.staged.value.changes.length > 0;
	if (!sameSet(after.email_cc_ids, expectCcs) && !kept)
		lost.push(`CCs ${after.email_cc_ids.join(",")} ≠ ${expectCcs.join(",")}`);
	if (!sameSet(after.follower_ids, expectFollowers) && !kept)
		lost.push(`followers ${after.follower_ids.join(",")} ≠ ${expectFollowers.join(",")}`);
	const stale = sameSet(model.current.value?.ccs.map(u => u.id) ?? [], after.email_cc_ids)
		? []
		: [`people panel shows CCs ${model.current.value?.ccs.map(u => u.id).join(",")}`];
	return {
		variant: describe({ other: other.name, timing, faults, reads }),
		lost,
		shown,
		agentRetried,
		reloaded,
		stale,
	};
}

const ORDER = 5101;
const STEPS = 5102;
const SEATS = 5103;

/** Custom fields on ticket 2: the agent edits, another agent edits the same or another field. */
async function playFields(world: StressWorld, i: number, random: () => number): Promise<Played> {
	const storage = world.newStorage();
	let model = world.fields(storage);
	await model.load();
	const mine = `A-${i}`;
	const theirs = `B-${i}`;
	model.edit(ORDER, mine);
	const alsoSeats = random() < 0.5;
	if (alsoSeats) model.edit(SEATS, "7");
	const other = pick(random, [
		{ name: "none", changes: null, order: null, steps: null },
		{
			name: "otherField",
			changes: { custom_fields: [{ id: STEPS, value: `other ${i}` }] },
			order: null,
			steps: `other ${i}`,
		},
		{
			name: "sameFieldOtherValue",
			changes: { custom_fields: [{ id: ORDER, value: theirs }] },
			order: theirs,
			steps: null,
		},
		{ name: "sameFieldSameValue", changes: { custom_fields: [{ id: ORDER, value: mine }] }, order: mine, steps: null },
		{ name: "unrelated", changes: { priority: "low" }, order: null, steps: null },
	] as const);
	const timing: Timing = other.changes === null ? "none" : pick(random, ["before", "racing"] as const);
	otherAgentAt(world, timing, 2, other.changes);
	const faults = injectFaults(world, random, TICKET_PUT(2), WRITE_FAULTS);
	const reads = maybeReadFaults(world, random, 2);
	let result = await model.save();

	const lost: string[] = [];
	let shown = false;
	let agentRetried = false;
	let reloaded = false;
	let tookTheirs = false;
	for (let round = 0; round < 3 && result !== "saved" && result !== "nothing"; round++) {
		world.clearFaults();
		if (result === "conflict") {
			shown = true;
			// Both values must be visible: theirs on the ticket (not overwritten), mine still in the draft.
			const onTicket = world.ticket().field_values[String(ORDER)];
			const inDraft = model.drafts.value[String(ORDER)]?.value;
			if (onTicket !== theirs) lost.push(`their value was overwritten (${String(onTicket)})`);
			if (inDraft !== mine) lost.push(`my value left the draft (${String(inDraft)})`);
		} else agentRetried = true;
		if (random() < 0.5) {
			model.dispose();
			world.reloadPanel();
			model = world.fields(storage);
			await model.load();
			reloaded = true;
		}
		if (result === "conflict" && random() < 0.5) {
			model.revert(ORDER); // the agent takes theirs
			tookTheirs = true;
		}
		result = model.dirty.value ? await model.save() : "nothing";
	}
	await world.settled();
	const values = world.ticket().field_values;
	const expectOrder = tookTheirs ? theirs : mine;
	const kept = (id: number) => String(id) in model.drafts.value;
	if (values[String(ORDER)] !== expectOrder && !kept(ORDER))
		lost.push(`order number ${String(values[String(ORDER)])} ≠ ${expectOrder}`);
	if (alsoSeats && values[String(SEATS)] !== "7" && !kept(SEATS))
		lost.push(`seats ${String(values[String(SEATS)])} ≠ 7`);
	// Another agent's different value on the same field must reach the agent as a conflict, never be overwritten silently.
	if (other.name === "sameFieldOtherValue" && !shown) lost.push(`their ${theirs} was overwritten without asking`);
	if (other.steps !== null && values[String(STEPS)] !== other.steps)
		lost.push(`the other agent's steps ${String(values[String(STEPS)])} ≠ ${other.steps}`);
	return {
		variant: describe({ other: other.name, timing, alsoSeats, faults, reads, tookTheirs }),
		lost,
		shown,
		agentRetried,
		reloaded,
		stale: fieldsStale(model, world),
	};
}

/** The per-ticket rate limit (1 update per window): the second save waits, runs out of tries, and the draft waits for the agent. */
async function playFieldsRateLimited(world: StressWorld, i: number): Promise<Played> {
	const storage = world.newStorage();
	const model = world.fields(storage);
	await model.load();
	model.edit(ORDER, `first-${i}`);
	await model.save();
	model.edit(SEATS, "9");
	const result = await model.save();
	const lost: string[] = [];
	const agentRetried = result !== "saved";
	if (agentRetried) {
		if (!(String(SEATS) in model.drafts.value)) lost.push("the rate-limited edit left the draft");
		// The window passes (the emulator stops limiting); the agent saves again.
		world.emulator.controls.updateSettings({ rateLimits: false });
		await model.save();
	}
	await world.settled();
	const values = world.ticket().field_values;
	if (values[String(ORDER)] !== `first-${i}`) lost.push(`order number ${String(values[String(ORDER)])}`);
	if (values[String(SEATS)] !== "9") lost.push(`seats ${String(values[String(SEATS)])} ≠ 9`);
	return {
		variant: describe({ rateLimit: "1 per window", secondSave: result }),
		lost,
		agentRetried,
		stale: fieldsStale(model, world),
	};
}

function fieldsStale(model: FieldsModel, world: StressWorld): string[] {
	const shown = model.ticketValueOf(ORDER);
	const actual = world.ticket().field_values[String(ORDER)];
	return shown === actual ? [] : [`fields panel shows ${String(shown)}, Zendesk has ${String(actual)}`];
}

/** A follow-up of closed ticket 7, sync or async (sometimes with a failing job): exactly one ticket. */
async function playFollowUp(world: StressWorld, i: number, random: () => number): Promise<Played> {
	const storage = world.newStorage();
	const async = random() < 0.35;
	const failJob = async && random() < 0.4;
	if (failJob) world.emulator.controls.updateSettings({ failNextJobs: 1 });
	let model = world.followUp(storage);
	await model.load();
	model.start();
	const comment = `Stress follow-up ${i}`;
	model.edit(d => ({ ...d, comment, createAsync: async }));
	const faults = injectFaults(world, random, TICKET_POST, CREATE_FAULTS);
	await model.submit();
	let agentRetried = false;
	let reloaded = false;
	for (let round = 0; round < 4 && model.status.value !== "created"; round++) {
		agentRetried = true;
		world.clearFaults();
		await world.settled();
		if (random() < 0.5) {
			model.dispose();
			world.reloadPanel();
			model = world.followUp(storage);
			await model.load();
			reloaded = true;
			if (model.status.value === "created") break;
			model.start();
		}
		await model.submit();
	}
	await world.settled();
	const created = world.emulator.db.tickets.filter(t => t.id > 15);
	const lost = created.length === 0 ? [`no follow-up created (status ${model.status.value})`] : [];
	return {
		variant: describe({ async, failJob, faults }),
		lost,
		duplicates: Math.max(0, created.length - 1),
		agentRetried,
		reloaded,
	};
}

/** People and fields saved at the same moment on ticket 1, another agent racing, faults: one write at a time, nothing lost. */
async function playTogether(world: StressWorld, i: number, random: () => number): Promise<Played> {
	const storage = world.newStorage();
	const people: PeopleModel = world.people(storage);
	const fields: FieldsModel = world.fields(storage);
	await Promise.all([people.load(), fields.load()]);
	people.add("ccs", world.person(1104));
	fields.edit(ORDER, `T-${i}`);
	const racing = random() < 0.5;
	if (racing)
		world.transport.beforeNext(writeMatch(1), () =>
			world.otherAgent({ followers: [{ user_id: "1006", action: "put" }] }),
		);
	const faults = injectFaults(world, random, TICKET_PUT(1), WRITE_FAULTS);
	await Promise.all([people.apply(), fields.save()]);
	let agentRetried = false;
	let shown = false;
	for (let round = 0; round < 3; round++) {
		const peopleLeft = people.error.value !== null || people.staged.value.changes.length > 0;
		const fieldsLeft = fields.dirty.value;
		if (!peopleLeft && !fieldsLeft) break;
		if ((peopleLeft && people.error.value === null) || fields.lastResult.value === "conflict") shown = true;
		else agentRetried = true;
		world.clearFaults();
		await Promise.all([peopleLeft ? people.apply() : undefined, fieldsLeft ? fields.save() : undefined]);
	}
	await world.settled();
	const after = world.ticket();
	const lost: string[] = [];
	if (!after.email_cc_ids.includes(1104) && people.staged.value.changes.length === 0) lost.push("CC 1104");
	if (after.field_values[String(ORDER)] !== `T-${i}` && !fields.dirty.value) lost.push("order number");
	if (racing && !after.follower_ids.includes(1006)) lost.push("the other agent's follower 1006");
	return { variant: describe({ racing, faults }), lost, agentRetried, shown, stale: fieldsStale(fields, world) };
}
