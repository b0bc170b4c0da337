/**
 * For each captured Zendesk response, the same call made to the emulator's default world (its ids,
 * its users), so the two answers can be compared. Test-only. A capture with no counterpart the app
 * could meet is listed in `NO_COUNTERPART` with the reason.
 */
import type { CallResult, EmulatorHarness } from "../testSupport";

type Scenario = (h: EmulatorHarness) => Promise<CallResult>;

const AGENT = { as: "agent@example.com" };
const get =
	(url: string): Scenario =>
	h =>
		h.call("GET", url, undefined, AGENT);

/** Ticket 1 updated until the per-ticket update limit answers 429. */
const rateLimitedUpdate: Scenario = async h => {
	h.emulator.controls.updateSettings({ ticketUpdateRateLimit: 1 });
	await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { subject: "first" } }, AGENT);
	return h.call("PUT", "/api/v2/tickets/1.json", { ticket: { subject: "x" } }, AGENT);
};

const uploadThenCreate: Scenario = async h => {
	const upload = await h.call("POST", "/api/v2/uploads.json?filename=README.md", "# readme", {
		...AGENT,
		headers: { "content-type": "text/markdown" },
	});
	return h.call(
		"POST",
		"/api/v2/tickets.json",
		{ ticket: { subject: "example ticket", comment: { body: "Some comment", uploads: [upload.json.upload.token] } } },
		AGENT,
	);
};

/** A job read back once it has reached `state`. */
const jobAt =
	(state: "queued" | "working" | "completed", start: (h: EmulatorHarness) => Promise<CallResult>): Scenario =>
	async h => {
		const started = await start(h);
		const id = started.json.job_status.id as string;
		if (state === "working") h.clock.advance(100);
		if (state === "completed") h.emulator.controls.flushJobs();
		return h.call("GET", `/api/v2/job_statuses/${id}.json`, undefined, AGENT);
	};

const createMany = (h: EmulatorHarness) =>
	h.call("POST", "/api/v2/tickets/create_many.json", {
		tickets: [{ comment: { body: "a" } }, { comment: { body: "b" } }],
	});
const updateManyMixed = (h: EmulatorHarness) =>
	h.call("PUT", "/api/v2/tickets/update_many.json", {
		tickets: [
			{ id: 1, subject: "fine" },
			{ id: 3, status: "solved" },
		],
	});
const updateManyStale = (h: EmulatorHarness) =>
	h.call("PUT", "/api/v2/tickets/update_many.json", {
		tickets: [{ id: 1, subject: "x", safe_update: true, updated_stamp: "2021-08-24T16:53:51Z" }],
	});

/** Capture id → the emulator call that corresponds to it. */
export const SCENARIOS: Record<string, Scenario> = {
	"doc-409-update-conflict": h =>
		h.call(
			"PUT",
			"/api/v2/tickets/1.json",
			{ ticket: { subject: "x", safe_update: true, updated_stamp: "2021-08-24T16:53:51Z" } },
			AGENT,
		),
	"doc-429-ticket-updates-text-html": rateLimitedUpdate,
	"doc-job-update-conflict": jobAt("completed", updateManyStale),
	"gr-422-record-invalid": h =>
		h.call(
			"POST",
			"/api/v2/tickets.json",
			{ ticket: { comment: { body: "x" }, requester: { name: "x", email: "badmail" } } },
			AGENT,
		),
	"gr-429-text-plain": rateLimitedUpdate,
	"gr-users-search": get("/api/v2/users/search.json?query=olivia"),
	"gz-attachment": async h => {
		const comments = await h.call("GET", "/api/v2/tickets/11/comments.json", undefined, AGENT);
		return h.call("GET", `/api/v2/attachments/${comments.json.comments[0].attachments[0].id}.json`, undefined, AGENT);
	},
	"gz-locales": get("/api/v2/locales.json"),
	"gz-organization": get("/api/v2/organizations/9001.json"),
	"gz-organizations": get("/api/v2/organizations/show_many.json?ids=9001,9002"),
	// Ticket 7's fourth audit has Change events (with previous_value), like the captured one.
	"gz-ticket-audit": async h => {
		const audits = await h.call("GET", "/api/v2/tickets/7/audits.json", undefined, AGENT);
		return h.call("GET", `/api/v2/tickets/7/audits/${audits.json.audits[3].id}.json`, undefined, AGENT);
	},
	"gz-ticket-audits": get("/api/v2/tickets/7/audits.json"),
	"gz-ticket-comments": get("/api/v2/tickets/11/comments.json"),
	"gz-ticket-create": h =>
		h.call("POST", "/api/v2/tickets.json", { ticket: { subject: "nyanyanyanya", comment: { body: "x" } } }, AGENT),
	"gz-ticket-custom-fields": get("/api/v2/tickets/2.json"),
	"gz-ticket-field": get("/api/v2/ticket_fields/5108.json"),
	"gz-ticket-fields": get("/api/v2/ticket_fields.json"),
	"gz-ticket-form": get("/api/v2/ticket_forms/7002.json"),
	"gz-ticket-forms": get("/api/v2/ticket_forms.json"),
	"gz-ticket-show": get("/api/v2/tickets/1.json"),
	"gz-ticket-update": h => h.call("PUT", "/api/v2/tickets/6.json", { ticket: { status: "open" } }, AGENT),
	"gz-upload": h => h.call("POST", "/api/v2/uploads.json?filename=crash.log", "boom", AGENT),
	"gz-user-me": get("/api/v2/users/me.json"),
	"gz-users": get("/api/v2/users/show_many.json?ids=1001,1002"),
	"nz-404-record-not-found": get("/api/v2/organizations/4819136400.json"),
	"nz-org-autocomplete": get("/api/v2/organizations/autocomplete.json?name=Bri"),
	"nz-org-show": get("/api/v2/organizations/9002.json"),
	"zp-400-too-many-values": h =>
		h.call(
			"PUT",
			"/api/v2/tickets/1.json",
			{ ticket: { email_ccs: Array.from({ length: 49 }, (_, i) => ({ user_email: `cc${i}@example.com` })) } },
			AGENT,
		),
	"zp-job-completed-mixed-errors": jobAt("completed", updateManyMixed),
	"zp-job-completed-ticket-create": jobAt("completed", createMany),
	"zp-job-queued": jobAt("queued", createMany),
	"zp-job-working": jobAt("working", createMany),
	"zp-org-show": get("/api/v2/organizations/9003.json"),
	"zp-orgs-show-many": get("/api/v2/organizations/show_many.json?ids=9001,9002,9003,9004,9005"),
	"zp-ticket-audits-list": get("/api/v2/tickets/7/audits.json?page%5Bsize%5D=100"),
	"zp-ticket-comments-cursor": get("/api/v2/tickets/11/comments.json?include_inline_images=false&page%5Bsize%5D=100"),
	"zp-ticket-create-201-with-attachment": uploadThenCreate,
	"zp-ticket-field-201": h =>
		h.call("POST", "/api/v2/ticket_fields.json", { ticket_field: { type: "text", title: "Age" } }),
	"zp-ticket-show": get("/api/v2/tickets/4.json"),
	"zp-ticket-update-200": h => h.call("PUT", "/api/v2/tickets/4.json", { ticket: { subject: "x" } }, AGENT),
	"zp-ticket-update-404": h =>
		h.call("PUT", "/api/v2/tickets/9223372036854775807.json", { ticket: { subject: "x" } }, AGENT),
	"zp-upload-201": h =>
		h.call("POST", "/api/v2/uploads.json?filename=README.md", "# readme", {
			...AGENT,
			headers: { "content-type": "text/markdown" },
		}),
	"zp-upload-delete-204": async h => {
		const upload = await h.call("POST", "/api/v2/uploads.json?filename=a.txt", "a", AGENT);
		return h.call("DELETE", `/api/v2/uploads/${upload.json.upload.token}.json`, undefined, AGENT);
	},
	"zp-user-show": get("/api/v2/users/1101.json"),
	"zp-users-me": get("/api/v2/users/me.json"),
	"zp-users-show-many": get("/api/v2/users/show_many.json?ids=1101,1102,1103"),
};

/** Captures the app can never meet from the emulator, and why. */
export const NO_COUNTERPART: Record<string, string> = {
	"zp-job-completed-object-results":
		"a permanent ticket delete's job (results is an object); the app deletes nothing and the emulator has no such job",
};
