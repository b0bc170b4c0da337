import { afterEach, describe, expect, it } from "vitest";
import type { FollowUpDraft } from "./rules/followUpDraft";
import { createDraftStore, createMemoryStorage } from "../../platform/storage/createDraftStore";
import { AGENT_ID, setupFollowUp } from "../../testing/followUpTestSetup";

let world: ReturnType<typeof setupFollowUp>;
afterEach(() => world?.dispose());

async function ready(options: Parameters<typeof setupFollowUp>[0] = {}) {
	world = setupFollowUp(options);
	await world.model.load();
	world.model.start();
	return world;
}

const write = (comment: string, change: Partial<FollowUpDraft> = {}) =>
	world.model.edit(d => ({ ...d, comment, ...change }));

describe("createFollowUpModel on a closed ticket", () => {
	it("prefills the draft from the source ticket", async () => {
		const { model } = await ready();
		expect(model.source.value?.status).toBe("closed");
		expect(model.draft.value).toMatchObject({
			mode: "followUp",
			subject: "Scanner jams on every page",
			requester: { kind: "same" },
			emailCcs: [
				{ kind: "user", userId: 1110 },
				{ kind: "user", userId: 1111 },
			],
			followers: [{ userId: 1004 }],
		});
	});

	it("creates a real follow-up that the emulator links both ways", async () => {
		const { model, emulator, newTickets } = await ready();
		write("The jam is back since this morning.");
		await model.submit();
		expect(model.status.value).toBe("created");
		const [made] = newTickets();
		expect(made?.via.source.rel).toBe("follow_up");
		expect(made?.via.source.from).toEqual({ ticket_id: 7 });
		expect(emulator.db.tickets.find(t => t.id === 7)?.followup_ids).toContain(made?.id);
		expect(model.created.value).toEqual({ ticketId: made?.id, mode: "followUp" });
		expect(model.followUpIds.value).toContain(made?.id);
		expect(made?.requester_id).toBe(1109);
		expect(made?.email_cc_ids).toEqual([1110, 1111]);
	});

	it("sends the first comment as an internal note when asked", async () => {
		const { model, emulator, newTickets } = await ready();
		write("Internal context only.", { isPublic: false });
		await model.submit();
		const made = newTickets()[0];
		const comment = emulator.db.comments.find(c => c.ticket_id === made?.id);
		expect(comment).toMatchObject({ public: false, author_id: AGENT_ID, body: "Internal context only." });
	});

	it("refuses an empty comment without sending anything", async () => {
		const { model, posts } = await ready();
		await model.submit();
		expect(model.status.value).toBe("idle");
		expect(model.issues.value.map(i => `${i.field}:${i.code}`)).toEqual(["comment:followUp.issues.commentEmpty"]);
		expect(posts()).toHaveLength(0);
	});

	it("creates one ticket when create is pressed twice", async () => {
		const { model, newTickets } = await ready();
		write("Twice.");
		await Promise.all([model.submit(), model.submit()]);
		expect(newTickets()).toHaveLength(1);
	});

	it("creates the ticket for a new requester, with their language", async () => {
		const { model, emulator, newTickets } = await ready();
		write("Hello Pablo.", {
			requester: { kind: "new", name: "Pablo Ruiz", email: "pablito@example.org", localeId: 8 },
		});
		await model.submit();
		const user = emulator.db.users.find(u => u.email === "pablito@example.org");
		expect(user).toMatchObject({ name: "Pablo Ruiz", role: "end-user", locale_id: 8 });
		expect(newTickets()[0]?.requester_id).toBe(user?.id);
	});

	it("reuses an existing user for a known email and changes nothing about them", async () => {
		const { model, emulator, newTickets } = await ready();
		const before = structuredClone(emulator.db.users.find(u => u.id === 1101));
		write("Hi Olivia.", {
			requester: { kind: "new", name: "Somebody Else", email: "OLIVIA.BENNETT@example.org", localeId: null },
		});
		await model.submit();
		expect(newTickets()[0]?.requester_id).toBe(1101);
		expect(emulator.db.users.find(u => u.id === 1101)).toEqual(before);
	});

	it("keeps invalid requester input and explains it next to the fields", async () => {
		const { model, posts } = await ready();
		write("x", { requester: { kind: "new", name: "", email: "pablo@", localeId: null } });
		await model.submit();
		expect(model.issues.value.map(i => i.field)).toEqual(["requester.name", "requester.email"]);
		expect(model.draft.value?.requester).toEqual({ kind: "new", name: "", email: "pablo@", localeId: null });
		expect(posts()).toHaveLength(0);
	});

	it("shows Zendesk's 422 next to the field it is about and keeps the draft", async () => {
		const { model, emulator } = await ready();
		emulator.controls.addFault({
			method: "POST",
			path: "/api/v2/tickets",
			status: 422,
			body: {
				error: "RecordInvalid",
				description: "Record validation errors",
				details: { requester: [{ description: "Requester: Email is invalid", error: "InvalidValue" }] },
			},
			times: 1,
		});
		write("Hi.", { requester: { kind: "new", name: "P", email: "p@example.org", localeId: null } });
		await model.submit();
		expect(model.status.value).toBe("failed");
		expect(model.issues.value).toEqual([
			{
				field: "requester.email",
				code: "followUp.errors.rejected",
				vars: { description: "Requester: Email is invalid" },
			},
		]);
		expect(model.draft.value?.comment).toBe("Hi.");
	});

	it("retries a 503 with the same idempotency key and creates exactly one ticket", async () => {
		const { model, emulator, newTickets, posts } = await ready();
		emulator.controls.addFault({ method: "POST", path: "/api/v2/tickets", status: 503, times: 1 });
		write("After a hiccup.");
		await model.submit();
		expect(model.status.value).toBe("created");
		expect(posts()).toHaveLength(2);
		expect(newTickets()).toHaveLength(1);
	});

	it("waits out a 429 with a visible countdown, then creates", async () => {
		const { model, emulator, newTickets, sleeps } = await ready();
		emulator.controls.addFault({ method: "POST", path: "/api/v2/tickets", status: 429, retryAfter: 7, times: 1 });
		write("Slow down.");
		const seen: Array<{ until: number; reason: string } | null> = [];
		const stop = model.waiting.subscribe(v => seen.push(v));
		await model.submit();
		stop();
		expect(seen.filter(v => v !== null).map(v => v?.reason)).toEqual(["rate_limited"]);
		expect(seen.at(-1)).toBeNull();
		expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
		expect(newTickets()).toHaveLength(1);
	});

	it("never creates a second ticket after timeouts, even when the panel is reloaded and create pressed again", async () => {
		const storage = createMemoryStorage();
		const first = await ready({ storage, requestTimeoutMs: 20 });
		// Every attempt reaches Zendesk late: the panel gives up waiting, but Zendesk still processes them
		// (after all four attempts, so the lookup by marker before each retry finds nothing yet).
		first.emulator.controls.addFault({ method: "POST", path: "/api/v2/tickets", delayMs: 300, times: 4 });
		write("Sent while the network is slow.");
		await first.model.submit();
		expect(first.model.status.value).toBe("failed");
		expect(first.model.issues.value.map(i => i.code)).toEqual(["followUp.errors.timeout"]);
		await new Promise(resolve => setTimeout(resolve, 450));
		expect(first.posts()).toHaveLength(4);
		expect(first.newTickets()).toHaveLength(1);
		const ticketId = first.newTickets()[0]?.id;
		const emulator = first.emulator;
		first.model.dispose();
		// Reload over the same storage and emulator: the stored draft still carries the key it was sent with.
		const second = first.make();
		await second.load();
		expect(second.draft.value?.attempt).not.toBeNull();
		await second.submit();
		expect(second.status.value).toBe("created");
		expect(second.created.value?.ticketId).toBe(ticketId);
		expect(emulator.db.tickets.filter(t => t.id > 15)).toHaveLength(1);
		second.dispose();
	});
});

describe("createFollowUpModel on a ticket that is not closed", () => {
	it("finds the ticket a timed-out create made instead of sending again, even if Zendesk ignored the Idempotency-Key", async () => {
		// Backoff waits really wait (60 ms), so the late first attempt lands before the retry looks for it.
		const sleep = () => new Promise<void>(resolve => setTimeout(resolve, 60));
		const { model, emulator, newTickets, posts } = await ready({ requestTimeoutMs: 20, model: { sleep } });
		// The first attempt is processed but its answer arrives after the panel gave up waiting.
		emulator.controls.addFault({ method: "POST", path: "/api/v2/tickets", delayMs: 40, times: 1 });
		// A Zendesk that ignores Idempotency-Key: every POST would make a new ticket.
		const handle = emulator.handle.bind(emulator);
		emulator.handle = async request => {
			const { "idempotency-key": _ignored, ...headers } = request.headers;
			return handle({ ...request, headers });
		};
		write("Sent once, answered late.");
		await model.submit();
		expect(model.status.value).toBe("created");
		expect(posts()).toHaveLength(1);
		expect(newTickets()).toHaveLength(1);
		expect(model.created.value?.ticketId).toBe(newTickets()[0]?.id);
		expect(newTickets()[0]?.external_id).toMatch(/^zd-sidebar:followup-[0-9a-f]{32}$/);
	});

	it("creates a linked ticket whose first comment references the source, not a follow-up", async () => {
		const { model, emulator, newTickets } = await ready({ ticketId: 1 });
		expect(model.draft.value?.mode).toBe("linked");
		write("Customer asks about a second printer.");
		await model.submit();
		const made = newTickets()[0];
		expect(made?.via.source.rel).not.toBe("follow_up");
		expect(emulator.db.comments.find(c => c.ticket_id === made?.id)?.body).toBe(
			"Customer asks about a second printer.\n\nThis ticket continues ticket #1.",
		);
		expect(emulator.db.tickets.find(t => t.id === 1)?.followup_ids).toEqual([]);
		expect(model.created.value?.mode).toBe("linked");
		expect(model.followUpIds.value).toEqual([]);
	});

	it("stops when the source was closed meanwhile, then creates a real follow-up once accepted", async () => {
		const { model, emulator, newTickets } = await ready({ ticketId: 6 });
		expect(model.draft.value?.mode).toBe("linked");
		emulator.controls.actAs({ ticketId: 6, as: "admin@example.com", changes: { status: "closed" } });
		write("Still broken.");
		await model.submit();
		expect(model.issues.value.map(i => i.code)).toEqual(["followUp.issues.sourceClosedMeanwhile"]);
		expect(newTickets()).toHaveLength(0);
		model.acceptMode();
		await model.submit();
		expect(newTickets()[0]?.via.source).toMatchObject({ rel: "follow_up", from: { ticket_id: 6 } });
	});
});

describe("createFollowUpModel when the ticket changes elsewhere", () => {
	it("follows the source's status and its new follow-ups", async () => {
		world = setupFollowUp({ ticketId: 6 });
		const { model, emulator } = world;
		await model.load();
		expect(model.draft.value?.mode).toBe("linked");
		emulator.controls.actAs({ ticketId: 6, as: "admin@example.com", changes: { status: "closed" } });
		for (let i = 0; i < 50 && model.source.value?.status !== "closed"; i++) await new Promise(r => setTimeout(r, 2));
		expect(model.source.value?.status).toBe("closed");
		expect(model.draft.value?.mode).toBe("followUp");
	});
});

describe("createFollowUpModel drafts", () => {
	it("restores the draft after a reload of the panel", async () => {
		const storage = createMemoryStorage();
		const first = await ready({ storage });
		write("Typed before the reload.", {
			requester: { kind: "new", name: "Pablo", email: "pablo@", localeId: null },
			tagsText: "vip",
		});
		first.dispose();
		world = setupFollowUp({ storage });
		await world.model.load();
		expect(world.model.open.value).toBe(true);
		expect(world.model.draft.value).toMatchObject({
			comment: "Typed before the reload.",
			requester: { kind: "new", name: "Pablo", email: "pablo@" },
			tagsText: "vip",
		});
	});

	it("keeps the draft per agent", async () => {
		const storage = createMemoryStorage();
		const first = await ready({ storage });
		write("Mine.");
		first.dispose();
		world = setupFollowUp({ storage, model: { drafts: createDraftStore(storage, 1003, 7) } });
		await world.model.load();
		expect(world.model.draft.value?.comment).toBe("");
	});

	it("clears the stored draft once the ticket exists", async () => {
		const { model, storage } = await ready();
		write("Done.");
		await model.submit();
		expect(createDraftStore(storage, AGENT_ID, 7).load("followUp", (_v): _v is unknown => true)).toBeUndefined();
		expect(model.open.value).toBe(false);
		expect(model.draft.value?.comment).toBe("");
	});
});
