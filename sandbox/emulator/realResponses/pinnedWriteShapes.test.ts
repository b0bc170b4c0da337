import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";
import { AGENT, body, hasKeysOf, keys, type Json } from "./shapeAssertions";

/**
 * The emulator's fidelity fixes for writes and jobs (notifications, job results, uploads, 422s, locale, form), each pinned to the captured Zendesk response it follows: the
 * captured object's keys are the expected shape (values are the emulator's own).
 */
let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());


describe("Notification events (zp-ticket-create-201-with-attachment)", () => {
	const realNotification = () =>
		(body("zp-ticket-create-201-with-attachment").audit.events as Json[]).find(e => e.type === "Notification")!;

	it("adds trigger notifications to a create, shaped like the captured ones", async () => {
		const res = await h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { comment: { body: "Hi" }, requester_id: 1101 } },
			AGENT,
		);
		const notes = (res.json.audit.events as Json[]).filter(e => e.type === "Notification");
		const real = realNotification();
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) {
			expect(keys(note)).toEqual(keys(real));
			expect(keys(note.via.source)).toEqual(keys(real.via.source));
			expect(keys(note.via.source.from)).toEqual(keys(real.via.source.from));
			expect(note.via).toMatchObject({ channel: "rule", source: { rel: "trigger" } });
		}
		expect(notes[0]).toMatchObject({
			recipients: [1101],
			via: { source: { from: { title: "Notify requester of new proactive ticket" } } },
		});
		expect(res.json.audit.events[0].type).toBe("Comment");
	});

	it("notifies the requester and CCs of a public reply, and nobody of an internal note", async () => {
		const pub = await h.call(
			"PUT",
			"/api/v2/tickets/1.json",
			{ ticket: { comment: { body: "Reply", public: true } } },
			AGENT,
		);
		const notified = (pub.json.audit.events as Json[]).find(e => e.type === "Notification");
		expect(notified?.recipients).toEqual([1101, 1102, 1103]);
		const note = await h.call(
			"PUT",
			"/api/v2/tickets/1.json",
			{ ticket: { comment: { body: "Note", public: false } } },
			AGENT,
		);
		expect((note.json.audit.events as Json[]).some(e => e.type === "Notification")).toBe(false);
	});
});

describe("job statuses (zp-job-queued, zp-job-working, zp-job-completed-*)", () => {
	const job = async (id: string) => (await h.call("GET", `/api/v2/job_statuses/${id}.json`)).json.job_status;
	const createMany = () =>
		h.call("POST", "/api/v2/tickets/create_many.json", {
			tickets: [{ comment: { body: "a" } }, { comment: { body: "b" } }],
		});

	it("keeps results null while queued and working, like the captures", async () => {
		const id = (await createMany()).json.job_status.id;
		const queued = await job(id);
		hasKeysOf(queued, body("zp-job-queued").job_status);
		expect(queued).toMatchObject({ status: "queued", results: null });
		h.clock.advance(100);
		h.clock.advance(100);
		const working = await job(id);
		expect(working).toMatchObject({ status: "working", progress: 1, results: null });
		h.emulator.controls.flushJobs();
		const done = await job(id);
		expect(done.status).toBe("completed");
		// The captured item is {index, id, account_id}; the app reads index and id (account_id: docs/emulator.md).
		const { account_id: _accountId, ...read } = body("zp-job-completed-ticket-create").job_status.results[0];
		hasKeysOf(done.results[0], read);
	});

	it("reports update_many items in the captured update shape, failures with index, error and details", async () => {
		const res = await h.call("PUT", "/api/v2/tickets/update_many.json", {
			tickets: [
				{ id: 1, subject: "fine" },
				{ id: 3, status: "solved" },
			],
		});
		h.emulator.controls.flushJobs();
		const [ok, failed] = (await job(res.json.job_status.id)).results as Json[];
		const [realOk, realFailed] = body("zp-job-completed-mixed-errors").job_status.results as Json[];
		expect(keys(ok)).toEqual(keys(realOk));
		hasKeysOf(failed, realFailed);
	});
});

describe("upload content type (zp-upload-201)", () => {
	it("stores the type sniffed from the content, not the request's Content-Type", async () => {
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const res = await h.call("POST", "/api/v2/uploads.json?filename=notes.txt", png, {
			...AGENT,
			headers: { "content-type": "text/plain" },
		});
		expect(res.status).toBe(201);
		expect(res.json.upload.attachment.content_type).toBe("image/png");
		hasKeysOf(res.json.upload.attachment, body("zp-upload-201").upload.attachment);
	});
});

describe("422 details keyed by attribute (gr-422-record-invalid)", () => {
	it("keys a bad requester email by its attribute, each an array of {description, error}", async () => {
		const res = await h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { comment: { body: "x" }, requester: { name: "x", email: "badmail" } } },
			AGENT,
		);
		expect(res.status).toBe(422);
		expect(keys(res.json)).toEqual(keys(body("gr-422-record-invalid")));
		const [attribute, list] = Object.entries(res.json.details as Record<string, Json[]>)[0]!;
		expect(attribute).toBe("requester");
		expect(keys(list[0])).toEqual(["description", "error"]);
		expect(list[0]?.description).toMatch(/^Requester: /);
	});
});

describe("new requester locale and the default form on create", () => {
	it("stores a new requester created with locale_id 8 with locale de", async () => {
		const res = await h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { comment: { body: "x" }, requester: { name: "Jo", email: "jo@example.de", locale_id: 8 } } },
			AGENT,
		);
		const user = (await h.call("GET", `/api/v2/users/${res.json.ticket.requester_id}.json`, undefined, AGENT)).json
			.user;
		expect(user).toMatchObject({ locale_id: 8, locale: "de" });
	});

	it("gives a ticket created without a form the default form, as the captured creates show", async () => {
		expect(body("zp-ticket-create-201-with-attachment").ticket.ticket_form_id).toEqual(expect.any(Number));
		const plain = await h.call("POST", "/api/v2/tickets.json", { ticket: { comment: { body: "x" } } }, AGENT);
		expect(plain.json.ticket.ticket_form_id).toBe(7001);
		expect(plain.json.audit.events).toContainEqual(
			expect.objectContaining({ type: "Create", field_name: "ticket_form_id" }),
		);
		const named = await h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { comment: { body: "x" }, ticket_form_id: 7002 } },
			AGENT,
		);
		expect(named.json.ticket.ticket_form_id).toBe(7002);
		const followUp = await h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { comment: { body: "x" }, via_followup_source_id: 7 } },
			AGENT,
		);
		expect(followUp.json.ticket.ticket_form_id).toBe(7002);
	});
});
