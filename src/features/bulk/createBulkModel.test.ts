import { afterEach, describe, expect, it } from "vitest";
import { createTestTicket } from "../../testing/ticketTestSetup";
import { until } from "../../testing/panelTestSetup";
import { createBulkModel } from "./createBulkModel";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

/** Problem 14 of the default world (incidents 11, 12, 15) with the real core, over the emulator. */
function setup(options: { ticketId?: number; storage?: Parameters<typeof createTestTicket>[0]["storage"] } = {}) {
	const world = createTestTicket({
		ticketId: options.ticketId ?? 14,
		settings: { jobStepMs: 5 },
		...(options.storage ? { storage: options.storage } : {}),
	});
	let onJob: (() => void) | null = null;
	const api = {
		...world.api,
		async updateManyTickets(...args: Parameters<typeof world.api.updateManyTickets>) {
			const job = await world.api.updateManyTickets(...args);
			const hook = onJob;
			onJob = null;
			hook?.();
			return job;
		},
	};
	const model = createBulkModel({
		api,
		zaf: world.port,
		ticket: world.store,
		metadata: world.metadata,
		definitions: world.definitions,
		drafts: world.drafts,
		sleep: fastSleep,
	});
	cleanups.push(() => {
		model.dispose();
		world.dispose();
	});
	const ticket = (id: number) => world.emulator.db.tickets.find(t => t.id === id)!;
	/** The panel again over the same core and storage (after a reload): a new model, the same draft. */
	const reopen = () => {
		const next = createBulkModel({
			api: world.api,
			zaf: world.port,
			ticket: world.store,
			metadata: world.metadata,
			definitions: world.definitions,
			drafts: world.drafts,
			sleep: fastSleep,
		});
		cleanups.push(() => next.dispose());
		return next;
	};
	const jobs = () =>
		world.emulator.controls.requests().filter(r => r.method === "PUT" && r.url.includes("update_many"));
	return { ...world, model, ticket, jobs, reopen, whenJobQueued: (fn: () => void) => void (onJob = fn) };
}

const ORDER = 5101;
/** Poll delays of seconds become milliseconds; the job's own steps run on real timers. */
const fastSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, Math.min(10, Math.ceil(ms / 200))));

describe("createBulkModel", () => {
	it("lists a problem's incidents and the requester's open tickets, each once with why it is related", async () => {
		const { model } = setup();
		await model.open();
		expect(model.loadState.value).toBe("ready");
		const incidents = model.related.value.filter(r => r.reasons.includes("incident")).map(r => r.ticket.id);
		expect(incidents).toEqual([11, 12, 15]);
		expect(model.related.value.some(r => r.ticket.id === 14)).toBe(false);
	});

	it("applies a CC and a field value to three incidents in one job, retrying only the one another agent changed", async () => {
		const { model, emulator, ticket, jobs, whenJobQueued } = setup();
		await model.open();
		for (const id of [11, 12, 15]) model.toggle(id);
		model.edit({ ccsAdd: "olivia.bennett@example.org", fieldId: ORDER, fieldValue: "PO-77" });
		expect(model.canApply.value).toBe(true);
		whenJobQueued(() => emulator.controls.actAs({ ticketId: 12, changes: { tags: [...ticket(12).tags, "theirs"] } }));
		await model.apply();
		expect([...model.outcomes.value.entries()]).toEqual([
			[11, { kind: "updated", retried: false }],
			[15, { kind: "updated", retried: false }],
			[12, { kind: "updated", retried: true }],
		]);
		const olivia = emulator.db.users.find(u => u.email === "olivia.bennett@example.org")!.id;
		for (const id of [11, 12, 15]) {
			expect(ticket(id).email_cc_ids).toContain(olivia);
			expect(ticket(id).field_values[String(ORDER)]).toBe("PO-77");
		}
		expect(ticket(12).tags).toContain("theirs");
		// One job for the three, one retry for the conflicted ticket only.
		const bodies = jobs().map(r => r.status);
		expect(bodies).toEqual([200, 200]);
	});

	it("never overwrites another agent's value for the same field: that ticket is left for the agent to decide", async () => {
		const { model, emulator, ticket, whenJobQueued } = setup();
		await model.open();
		model.toggle(11);
		model.toggle(15);
		model.edit({ fieldId: ORDER, fieldValue: "MINE" });
		whenJobQueued(() =>
			emulator.controls.actAs({ ticketId: 15, changes: { custom_fields: [{ id: ORDER, value: "THEIRS" }] } }),
		);
		await model.apply();
		expect(model.outcomes.value.get(11)).toEqual({ kind: "updated", retried: false });
		expect(model.outcomes.value.get(15)).toEqual({ kind: "conflict", fields: [{ id: ORDER, theirs: "THEIRS" }] });
		expect(ticket(15).field_values[String(ORDER)]).toBe("THEIRS");
		// The agent has seen their value and keeps their own: sent to that ticket only.
		await model.keepMine(15);
		expect(model.outcomes.value.get(15)).toEqual({ kind: "updated", retried: false });
		expect(model.outcomes.value.get(11)).toEqual({ kind: "updated", retried: false });
		expect(ticket(15).field_values[String(ORDER)]).toBe("MINE");
	});

	it("asks about a field another agent changed after the list was shown, before Apply", async () => {
		const { model, emulator, ticket } = setup();
		await model.open();
		model.toggle(11);
		model.edit({ fieldId: ORDER, fieldValue: "MINE" });
		emulator.controls.actAs({ ticketId: 11, changes: { custom_fields: [{ id: ORDER, value: "THEIRS" }] } });
		await model.apply();
		expect(model.outcomes.value.get(11)).toEqual({ kind: "conflict", fields: [{ id: ORDER, theirs: "THEIRS" }] });
		expect(ticket(11).field_values[String(ORDER)]).toBe("THEIRS");
	});

	it("keeps what the agent saw across a reload: a run resumed after another agent's change still asks", async () => {
		// Found by npm run stress (seed 1, #156): the resumed run used its own fresh read as the base.
		const first = setup();
		await first.model.open();
		first.model.toggle(11);
		first.model.edit({ fieldId: ORDER, fieldValue: "PO-156" });
		first.whenJobQueued(() => {
			first.emulator.controls.actAs({ ticketId: 11, changes: { custom_fields: [{ id: ORDER, value: "THEIRS-156" }] } });
			first.model.dispose();
		});
		await first.model.apply();
		const second = first.reopen();
		await second.open();
		await until(() => second.outcomes.value.size > 0, "the run again", 300);
		expect(second.outcomes.value.get(11)).toEqual({ kind: "conflict", fields: [{ id: ORDER, theirs: "THEIRS-156" }] });
		expect(first.ticket(11).field_values[String(ORDER)]).toBe("THEIRS-156");
	});

	it("Apply mine anyway replaces only the value the agent was shown; a newer one is asked about again", async () => {
		const { model, emulator, ticket } = setup();
		await model.open();
		model.toggle(15);
		model.edit({ fieldId: ORDER, fieldValue: "MINE" });
		emulator.controls.actAs({ ticketId: 15, changes: { custom_fields: [{ id: ORDER, value: "THEIRS" }] } });
		await model.apply();
		expect(model.outcomes.value.get(15)).toEqual({ kind: "conflict", fields: [{ id: ORDER, theirs: "THEIRS" }] });
		// A third agent changes it again while the row still says "THEIRS".
		emulator.controls.actAs({ ticketId: 15, changes: { custom_fields: [{ id: ORDER, value: "THIRD" }] } });
		await model.keepMine(15);
		expect(ticket(15).field_values[String(ORDER)]).toBe("THIRD");
		expect(model.outcomes.value.get(15)).toEqual({ kind: "conflict", fields: [{ id: ORDER, theirs: "THIRD" }] });
	});

	it("resumes Apply mine anyway on one ticket as that, never as a run on the whole selection", async () => {
		const first = setup();
		await first.model.open();
		for (const id of [11, 12, 15]) first.model.toggle(id);
		first.model.edit({ fieldId: ORDER, fieldValue: "MINE" });
		for (const id of [12, 15])
			first.emulator.controls.actAs({
				ticketId: id,
				changes: { custom_fields: [{ id: ORDER, value: `THEIRS-${id}` }] },
			});
		await first.model.apply();
		expect(first.model.outcomes.value.get(12)?.kind).toBe("conflict");
		// Mine on 12 only (theirs stays on 15); the panel reloads while that job is queued.
		first.whenJobQueued(() => first.model.dispose());
		await first.model.keepMine(12);
		const second = first.reopen();
		await second.open();
		await until(() => second.outcomes.value.size > 0 && second.phase.value === "done", "the resumed run", 300);
		expect(first.ticket(12).field_values[String(ORDER)]).toBe("MINE");
		expect(first.ticket(15).field_values[String(ORDER)]).toBe("THEIRS-15");
	});

	it("names a bad address next to its input and offers no Apply", async () => {
		const { model } = setup();
		await model.open();
		model.toggle(11);
		model.edit({ ccsAdd: "bob at example.com" });
		expect(model.issues.value).toEqual([
			{ field: "ccsAdd", code: "email.spelledAt", vars: { email: "bob at example.com" } },
		]);
		expect(model.canApply.value).toBe(false);
	});

	it("skips a closed ticket before sending, with the reason", async () => {
		const { model, emulator, jobs } = setup();
		await model.open();
		// Closed by an automation meanwhile (the API cannot close a ticket itself).
		emulator.db.tickets.find(t => t.id === 15)!.status = "closed";
		model.toggle(15);
		model.edit({ tagsAdd: "bulk-test" });
		await model.apply();
		expect(model.outcomes.value.get(15)).toEqual({ kind: "refused", reason: "closed", details: null });
		expect(jobs()).toEqual([]);
	});

	it("runs a change a reload interrupted again, sending only what is still missing", async () => {
		const first = setup();
		await first.model.open();
		first.model.toggle(11);
		first.model.edit({ tagsAdd: "after-reload" });
		// The panel reloads while the job runs: the draft says a run was under way.
		first.whenJobQueued(() => first.model.dispose());
		await first.model.apply();
		const second = first.reopen();
		await second.open();
		await until(() => second.outcomes.value.size > 0, "the run again", 300);
		expect(first.ticket(11).tags.filter(tag => tag === "after-reload")).toHaveLength(1);
		expect(["updated", "unchanged"]).toContain(second.outcomes.value.get(11)?.kind);
	});
});
