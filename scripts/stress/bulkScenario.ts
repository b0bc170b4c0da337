/**
 * The bulk stress scenario: the related-tickets section of problem 14 (the REAL bulk model over
 * the ticket core) applies one change (CCs, tags, the order number) to a random subset of its
 * incidents 11, 12 and 15, while other agents change several of them (before the run, or while a
 * job is queued), with faults on the job (429, 503, dropped, timeout, lost answer, failing jobs),
 * on its polls and on the re-reads, and sometimes a reload mid-run. Then Zendesk's state is
 * checked against every agent's intent and the outcome the app shows for each ticket.
 *
 * *Lost*: a selected, not-closed ticket whose outcome is `updated`/`unchanged` but lacks part of
 * the agent's change, or misses it with no outcome that says why. *Overwritten*: another agent's
 * change undone (their field value replaced by ours without a `conflict` outcome, their tag or CC
 * removed, their removal reverted). *Duplicates*: tickets or comments the run created.
 */
import type { BulkOutcome } from "../../src/features/bulk/runBulkUpdate";
import { describeVariant, injectFaults, pick, READ_FAULTS, type FaultKind } from "./faults";
import type { StressWorld } from "./world";

/** The open ticket: problem 14 of the default world. */
export const BULK_TICKET = 14;
const TARGETS = [11, 12, 15] as const;
const ORDER = 5101;
const STEPS = 5102;

const UPDATE_MANY = {
	method: "PUT",
	path: "/api/v2/tickets/update_many",
	pathRe: /^\/api\/v2\/tickets\/update_many(\.json)?$/,
};
const JOB_POLL = { method: "GET", path: "/api/v2/job_statuses/*", pathRe: /^\/api\/v2\/job_statuses\/[^/]+$/ };
const SHOW_MANY = {
	method: "GET",
	path: "/api/v2/tickets/show_many",
	pathRe: /^\/api\/v2\/tickets\/show_many(\.json)?$/,
};
/** The job's own request: no 409s (update_many reports conflicts per item, inside the job). */
const JOB_FAULTS: readonly FaultKind[] = ["rateLimited", "unavailable", "dropped", "timeout", "lostAnswer"];

/** On some targets before the run; the agent may remove them. */
const LEGACY_CC = "lucas.martin@example.org";
const LEGACY_TAG = "legacy";
/** On every target before the run; only another agent touches them. */
const KEPT_CC = "amara.okafor@example.net";
const KEPT_TAG = "eu-outage";
/** CCs the agent may add, and the one other agents add. */
const MY_CCS = ["olivia.bennett@example.org", "noah.fischer@example.org"];
const THEIR_CC = "mateo.silva@example.org";
const OTHER_AGENTS = ["maria@example.com", "kenji@example.com", "tomas@example.com"];

/** What the bulk scenario found, beyond the common outcome fields. */
export interface BulkPlayed {
	variant: string;
	lost: string[];
	overwritten: string[];
	duplicates: number;
	rebased: boolean;
	shown: boolean;
	agentRetried: boolean;
	reloaded: boolean;
	/** Per ticket: updated after a retry (a conflict or an uncertain job re-read), left as a conflict, refused. */
	tickets: { resolved: number; conflicts: number; refused: number };
	/** update_many jobs Zendesk queued for the app (a job whose answer was lost included). */
	jobs: number;
}

type ZTicket = ReturnType<StressWorld["ticket"]>;

/** The agent's change, as typed and as it must end up on each ticket. */
interface Intent {
	ccsAdd: string[];
	ccsRemove: string[];
	tagsAdd: string[];
	tagsRemove: string[];
	order: string | null;
}

type OtherKind = "sameField" | "sameValue" | "otherField" | "addTag" | "removeTag" | "addCc" | "removeCc";
/** When another agent saves: before the agent's run, or when the app learns of its 1st/2nd job (still queued). */
type OtherTiming = "before" | "job1" | "job2";

interface OtherChange {
	ticketId: number;
	kind: OtherKind;
	as: string;
	timing: OtherTiming;
	/** Set when the change was made (a job hook runs only if that job carries the ticket). */
	happened: boolean;
	/** Their field value, for the field kinds. */
	value?: string;
}

/** Plays one bulk scenario; the world must have been built for ticket 14. */
export async function playBulk(world: StressWorld, i: number, random: () => number): Promise<BulkPlayed> {
	const userId = (email: string) => {
		const user = world.emulator.db.users.find(u => u.email === email);
		if (!user) throw new Error(`[stress] no user ${email}`);
		return user.id;
	};
	setUpTargets(world, random);
	// Sometimes an automation closed one target meanwhile (the API cannot close a ticket).
	const closed = random() < 0.1 ? pick(random, TARGETS) : null;
	if (closed !== null) world.ticket(closed).status = "closed";
	const intent = drawIntent(random, i);
	const selected = TARGETS.filter(() => random() < 0.6);
	if (selected.length === 0) selected.push(pick(random, TARGETS));
	const others = drawOthers(random, i, intent, selected, closed);
	const commentsBefore = world.emulator.db.comments.length;
	const ticketsBefore = world.emulator.db.tickets.length;

	const storage = world.newStorage();
	let model = world.bulk(storage);
	await model.open();
	if (model.loadState.value !== "ready") throw new Error(`[stress] related tickets did not load`);
	for (const id of selected) model.toggle(id);
	model.edit({
		ccsAdd: intent.ccsAdd.join(", "),
		ccsRemove: intent.ccsRemove.join(", "),
		tagsAdd: intent.tagsAdd.join(" "),
		tagsRemove: intent.tagsRemove.join(" "),
		...(intent.order !== null ? { fieldId: ORDER, fieldValue: intent.order } : {}),
	});
	if (!model.canApply.value)
		throw new Error(`[stress] the bulk change cannot be applied: ${JSON.stringify(model.issues.value)}`);

	for (const change of others) {
		const run = () => {
			world.actAs(change.ticketId, otherChanges(world, change), change.as);
			change.happened = true;
		};
		if (change.timing === "before") run();
		else world.onJob(change.timing === "job1" ? 1 : 2, ids => (ids.includes(change.ticketId) ? run() : undefined));
	}
	const jobFaults = random() < 0.6 ? injectFaults(world, random, UPDATE_MANY, JOB_FAULTS) : [];
	const failJobs = pick(random, [0, 0, 0, 0, 1, 1, 2, 3] as const);
	world.failNextJobs(failJobs);
	const pollFaults = random() < 0.4 ? injectFaults(world, random, JOB_POLL, READ_FAULTS) : [];
	const readFaults = random() < 0.15 ? injectFaults(world, random, SHOW_MANY, READ_FAULTS) : [];
	const reloadAt = random() < 0.2 ? pick(random, [1, 1, 2] as const) : null;
	let reloadAsked = false;
	if (reloadAt !== null)
		world.onJob(reloadAt, () => {
			// The panel goes away while the job is queued; the job runs on at Zendesk.
			model.dispose();
			reloadAsked = true;
		});

	const outcomes = new Map<number, BulkOutcome>();
	const collect = () => model.outcomes.value.forEach((outcome, id) => outcomes.set(id, outcome));
	let reloaded = false;
	/** The agent reloads the panel; a run the draft says was under way starts again by itself. */
	const reopen = async () => {
		model.dispose();
		world.reloadPanel();
		model = world.bulk(storage);
		await model.open();
		reloaded = true;
		if (model.phase.value === "running") {
			await until(() => model.phase.value !== "running", "the resumed run");
			collect();
		}
	};
	/** Applies, and when the panel went away mid-run, reloads it (the new panel runs the change again). */
	const run = async () => {
		await model.apply();
		collect();
		if (!reloadAsked) return;
		reloadAsked = false;
		await reopen();
		if (model.phase.value === "idle") throw new Error("[stress] the interrupted run was not resumed");
	};
	await run();

	// The agent's part: after an error, or tickets refused for no reason of their own, try those again.
	let agentRetried = false;
	for (let round = 0; round < 3; round++) {
		const again = model.error.value
			? selected
			: selected.filter(id => {
					const outcome = outcomes.get(id);
					return outcome === undefined || (outcome.kind === "refused" && outcome.reason === "other");
				});
		if (again.length === 0) break;
		agentRetried = true;
		world.clearFaults();
		world.emulator.controls.updateSettings({ failNextJobs: 0 });
		await world.settled();
		if (random() < 0.5) await reopen();
		model.selectNone();
		for (const id of again) model.toggle(id);
		await run();
	}
	await world.settled();
	await world.jobsIdle();
	await world.settled();

	const lost: string[] = [];
	const overwritten: string[] = [];
	// An error the agent's retries did not cure leaves the change in the draft, shown with the error.
	const kept = model.error.value !== null;
	for (const id of selected) {
		if (id === closed) {
			const outcome = outcomes.get(id);
			if (outcome?.kind !== "refused") lost.push(`#${id} closed, outcome ${outcome?.kind ?? "none"}`);
			continue;
		}
		const outcome = outcomes.get(id);
		const missing = missingOf(world.ticket(id), intent, userId);
		if (missing.length === 0) continue;
		if (outcome === undefined && !kept) lost.push(`#${id} no outcome, missing ${missing.join(", ")}`);
		else if (outcome?.kind === "updated" || outcome?.kind === "unchanged")
			lost.push(`#${id} ${outcome.kind} but missing ${missing.join(", ")}`);
	}
	for (const change of others) {
		if (!change.happened) continue;
		const problem = foreignProblem(world.ticket(change.ticketId), change, intent, selected, outcomes, userId);
		if (problem !== null)
			overwritten.push(`#${change.ticketId} ${change.kind} by ${change.as} (${change.timing}): ${problem}`);
	}
	const final = selected.flatMap(id => (outcomes.has(id) ? [outcomes.get(id) as BulkOutcome] : []));
	const tickets = {
		resolved: final.filter(o => o.kind === "updated" && o.retried).length,
		conflicts: final.filter(o => o.kind === "conflict").length,
		refused: final.filter(o => o.kind === "refused").length,
	};
	const jobs = world.emulator.controls
		.requests()
		.filter(r => r.method === "PUT" && r.url.includes("update_many") && r.status === 200 && r.client === "app").length;
	return {
		variant: describeVariant({
			selected,
			closed: closed ?? "-",
			intent: [
				...intent.ccsAdd.map(e => `+cc:${e.split("@")[0]}`),
				...intent.ccsRemove.map(e => `-cc:${e.split("@")[0]}`),
				...intent.tagsAdd.map(t => `+${t}`),
				...intent.tagsRemove.map(t => `-${t}`),
				...(intent.order ? [`order=${intent.order}`] : []),
			],
			others: others.map(o => `${o.ticketId}:${o.kind}@${o.timing}${o.happened ? "" : "(not reached)"}`),
			jobFaults,
			failJobs,
			pollFaults,
			readFaults,
			reloadAt: reloadAt ?? "-",
		}),
		lost,
		overwritten,
		duplicates: world.emulator.db.tickets.length - ticketsBefore + (world.emulator.db.comments.length - commentsBefore),
		rebased: tickets.resolved > 0,
		shown: tickets.conflicts > 0,
		agentRetried,
		reloaded,
		tickets,
		jobs,
	};
}

/** The world as the agent finds it (set up by the admin, before the section is opened). */
function setUpTargets(world: StressWorld, random: () => number): void {
	for (const id of TARGETS) {
		const legacy = random() < 0.6;
		const oldOrder = random() < 0.5;
		world.actAs(
			id,
			{
				email_ccs: [
					{ user_email: KEPT_CC, action: "put" },
					...(legacy ? [{ user_email: LEGACY_CC, action: "put" }] : []),
				],
				tags: [KEPT_TAG, ...(legacy ? [LEGACY_TAG] : [])],
				...(oldOrder ? { custom_fields: [{ id: ORDER, value: `OLD-${id}` }] } : {}),
			},
			"admin@example.com",
		);
	}
}

function drawIntent(random: () => number, i: number): Intent {
	const intent: Intent = {
		ccsAdd: MY_CCS.filter(() => random() < 0.5),
		ccsRemove: random() < 0.4 ? [LEGACY_CC] : [],
		tagsAdd: [...(random() < 0.6 ? [`bulk-${i}`] : []), ...(random() < 0.15 ? [KEPT_TAG] : [])],
		tagsRemove: random() < 0.4 ? [LEGACY_TAG] : [],
		order: random() < 0.7 ? `PO-${i}` : null,
	};
	const empty = [intent.ccsAdd, intent.ccsRemove, intent.tagsAdd, intent.tagsRemove].every(l => l.length === 0);
	return empty && intent.order === null ? { ...intent, order: `PO-${i}` } : intent;
}

/**
 * Other agents' changes: 0–2 per open target, at most one field change each, never the opposite of
 * the agent's own change (removing a tag the agent adds has no single right answer), racing only
 * selected targets.
 */
function drawOthers(
	random: () => number,
	i: number,
	intent: Intent,
	selected: readonly number[],
	closed: number | null,
): OtherChange[] {
	const out: OtherChange[] = [];
	for (const ticketId of TARGETS) {
		if (ticketId === closed) continue;
		const menu: OtherKind[] = [
			"sameField",
			"otherField",
			"addTag",
			"addCc",
			"removeCc",
			...(intent.order !== null ? (["sameValue"] as const) : []),
			...(intent.tagsAdd.includes(KEPT_TAG) ? [] : (["removeTag"] as const)),
		];
		const count = pick(random, [0, 0, 1, 1, 2] as const);
		const kinds: OtherKind[] = [];
		for (let n = 0; n < count; n++) {
			const fieldTaken = kinds.some(k => k === "sameField" || k === "sameValue" || k === "otherField");
			const kind = pick(
				random,
				menu.filter(
					k => !kinds.includes(k) && !(fieldTaken && (k === "sameField" || k === "sameValue" || k === "otherField")),
				),
			);
			kinds.push(kind);
			const timing: OtherTiming = selected.includes(ticketId)
				? pick(random, ["before", "job1", "job1", "job2"] as const)
				: "before";
			const value =
				kind === "sameField"
					? `THEIRS-${i}-${ticketId}`
					: kind === "sameValue"
						? (intent.order ?? undefined)
						: kind === "otherField"
							? `steps ${i}-${ticketId}`
							: undefined;
			out.push({
				ticketId,
				kind,
				as: pick(random, OTHER_AGENTS),
				timing,
				happened: false,
				...(value !== undefined ? { value } : {}),
			});
		}
	}
	return out;
}

/** Another agent's change as a ticket update (computed when it is made: tags are a whole list). */
function otherChanges(world: StressWorld, change: OtherChange): Record<string, unknown> {
	const tags = world.ticket(change.ticketId).tags;
	switch (change.kind) {
		case "sameField":
		case "sameValue":
			return { custom_fields: [{ id: ORDER, value: change.value }] };
		case "otherField":
			return { custom_fields: [{ id: STEPS, value: change.value }] };
		case "addTag":
			return { tags: [...tags, `theirs-${change.ticketId}`] };
		case "removeTag":
			return { tags: tags.filter(tag => tag !== KEPT_TAG) };
		case "addCc":
			return { email_ccs: [{ user_email: THEIR_CC, action: "put" }] };
		case "removeCc":
			return { email_ccs: [{ user_email: KEPT_CC, action: "delete" }] };
	}
}

/** The parts of the agent's change a ticket lacks. */
function missingOf(ticket: ZTicket, intent: Intent, userId: (email: string) => number): string[] {
	const missing: string[] = [];
	for (const email of intent.ccsAdd) if (!ticket.email_cc_ids.includes(userId(email))) missing.push(`CC ${email}`);
	for (const email of intent.ccsRemove)
		if (ticket.email_cc_ids.includes(userId(email))) missing.push(`removal of CC ${email}`);
	for (const tag of intent.tagsAdd) if (!ticket.tags.includes(tag)) missing.push(`tag ${tag}`);
	for (const tag of intent.tagsRemove) if (ticket.tags.includes(tag)) missing.push(`removal of tag ${tag}`);
	const order = ticket.field_values[String(ORDER)];
	if (intent.order !== null && order !== intent.order)
		missing.push(`order number ${intent.order} (has ${String(order)})`);
	return missing;
}

/** Why another agent's change is no longer there, or null when it is. */
function foreignProblem(
	ticket: ZTicket,
	change: OtherChange,
	intent: Intent,
	selected: readonly number[],
	outcomes: ReadonlyMap<number, BulkOutcome>,
	userId: (email: string) => number,
): string | null {
	switch (change.kind) {
		case "sameField": {
			const now = ticket.field_values[String(ORDER)];
			if (now === change.value) return null;
			// By design the run's first read is its base: a value set before Apply is the agent's to replace.
			const replaceable = change.timing === "before" && intent.order !== null && selected.includes(change.ticketId);
			if (replaceable) return null;
			const outcome = outcomes.get(change.ticketId)?.kind ?? "none";
			return `their ${change.value} replaced by ${String(now)} (outcome ${outcome})`;
		}
		case "sameValue":
			return null;
		case "otherField": {
			const now = ticket.field_values[String(STEPS)];
			return now === change.value ? null : `their steps replaced by ${String(now)}`;
		}
		case "addTag":
			return ticket.tags.includes(`theirs-${change.ticketId}`) ? null : "their tag removed";
		case "removeTag":
			return ticket.tags.includes(KEPT_TAG) ? `their removal of tag ${KEPT_TAG} undone` : null;
		case "addCc":
			return ticket.email_cc_ids.includes(userId(THEIR_CC)) ? null : "their CC removed";
		case "removeCc":
			return ticket.email_cc_ids.includes(userId(KEPT_CC)) ? `their removal of CC ${KEPT_CC} undone` : null;
	}
}

async function until(done: () => boolean, what: string, ms = 5000): Promise<void> {
	for (const deadline = Date.now() + ms; !done();) {
		if (Date.now() > deadline) throw new Error(`[stress] timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 2));
	}
}
