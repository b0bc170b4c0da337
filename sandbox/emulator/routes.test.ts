import { afterEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "./testSupport";

let h: EmulatorHarness;
afterEach(() => h?.emulator.dispose());

/** json-server style route table: method, url, who, body → status. */
const cases: Array<{ method: string; url: string; as?: string | null; body?: unknown; status: number }> = [
	{ method: "GET", url: "/api/v2/tickets/1.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/1", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/1.json?include=users,groups", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/999.json", status: 404 },
	{ method: "GET", url: "/api/v2/tickets/abc.json", status: 404 },
	{ method: "GET", url: "/api/v2/tickets/1.json", as: null, status: 401 },
	{ method: "GET", url: "/api/v2/tickets/1.json", as: "nobody@example.com", status: 401 },
	{ method: "GET", url: "/api/v2/tickets/1.json", as: "olivia.bennett@example.org", status: 403 },
	{ method: "GET", url: "/api/v2/tickets.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets.json?external_id=x", status: 200 },
	{ method: "POST", url: "/api/v2/tickets.json", body: { ticket: { comment: { body: "Hi" } } }, status: 201 },
	{ method: "POST", url: "/api/v2/tickets.json", body: { ticket: { subject: "No comment" } }, status: 422 },
	{
		method: "POST",
		url: "/api/v2/tickets.json",
		body: { ticket: { comment: { body: "Hi" } } },
		as: "olivia.bennett@example.org",
		status: 403,
	},
	{
		method: "POST",
		url: "/api/v2/tickets.json",
		body: { ticket: { comment: { body: "Hi" } } },
		as: "light@example.com",
		status: 403,
	},
	{ method: "POST", url: "/api/v2/tickets.json", body: "{not json", status: 400 },
	{ method: "POST", url: "/api/v2/tickets.json", body: { nope: 1 }, status: 400 },
	{
		method: "POST",
		url: "/api/v2/tickets.json?async=true",
		body: { ticket: { comment: { body: "Hi" } } },
		status: 202,
	},
	{ method: "PUT", url: "/api/v2/tickets/1.json", body: { ticket: { priority: "low" } }, status: 200 },
	{ method: "PUT", url: "/api/v2/tickets/999.json", body: { ticket: { priority: "low" } }, status: 404 },
	{ method: "PUT", url: "/api/v2/tickets/7.json", body: { ticket: { priority: "low" } }, status: 422 },
	{
		method: "PUT",
		url: "/api/v2/tickets/1.json",
		body: { ticket: { priority: "low" } },
		as: "olivia.bennett@example.org",
		status: 403,
	},
	{
		method: "PUT",
		url: "/api/v2/tickets/1.json",
		body: { ticket: { safe_update: true, updated_stamp: "2000-01-01T00:00:00Z", priority: "low" } },
		status: 409,
	},
	{ method: "GET", url: "/api/v2/tickets/show_many.json?ids=1,2,999", status: 200 },
	{
		method: "POST",
		url: "/api/v2/tickets/create_many.json",
		body: { tickets: [{ comment: { body: "a" } }] },
		status: 200,
	},
	{
		method: "PUT",
		url: "/api/v2/tickets/update_many.json?ids=1,2",
		body: { ticket: { priority: "low" } },
		status: 200,
	},
	{
		method: "PUT",
		url: "/api/v2/tickets/update_many.json",
		body: { tickets: [{ id: 1, priority: "low" }] },
		status: 200,
	},
	{ method: "GET", url: "/api/v2/tickets/7/comments.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/7/audits.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/7/email_ccs.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/7/followers.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/7/collaborators.json", status: 200 },
	{ method: "GET", url: "/api/v2/tickets/9/related.json", status: 200 },
	{ method: "GET", url: "/api/v2/job_statuses/nope.json", status: 404 },
	{ method: "GET", url: "/api/v2/job_statuses/show_many.json?ids=a,b", status: 200 },
	{ method: "GET", url: "/api/v2/ticket_fields.json", status: 200 },
	{ method: "GET", url: "/api/v2/ticket_fields/5108.json", status: 200 },
	{ method: "GET", url: "/api/v2/ticket_fields/1.json", status: 404 },
	{ method: "GET", url: "/api/v2/ticket_forms/7001.json?include=ticket_fields", status: 200 },
	{ method: "GET", url: "/api/v2/ticket_forms/show_many.json?ids=7001,7002&include=ticket_fields", status: 200 },
	{
		method: "POST",
		url: "/api/v2/ticket_fields.json",
		body: { ticket_field: { type: "text", title: "New" } },
		status: 201,
	},
	{
		method: "POST",
		url: "/api/v2/ticket_fields.json",
		body: { ticket_field: { type: "text", title: "New" } },
		as: "agent@example.com",
		status: 403,
	},
	{ method: "GET", url: "/api/v2/ticket_forms.json", status: 200 },
	{ method: "GET", url: "/api/v2/ticket_forms/7002.json", status: 200 },
	{ method: "GET", url: "/api/v2/users/1101.json", status: 200 },
	{ method: "GET", url: "/api/v2/users/9999.json", status: 404 },
	{ method: "GET", url: "/api/v2/users/me.json", as: "olivia.bennett@example.org", status: 200 },
	{ method: "GET", url: "/api/v2/users/show_many.json?ids=1101,1102", status: 200 },
	{ method: "GET", url: "/api/v2/users/search.json?query=olivia", status: 200 },
	{ method: "GET", url: "/api/v2/users/autocomplete.json?name=ol", status: 200 },
	{ method: "GET", url: "/api/v2/users/search.json?query=olivia", as: "olivia.bennett@example.org", status: 403 },
	{
		method: "POST",
		url: "/api/v2/users.json",
		body: { user: { name: "New Person", email: "new.person@example.org" } },
		status: 201,
	},
	{
		method: "POST",
		url: "/api/v2/users.json",
		body: { user: { name: "New Agent", email: "new.agent@example.com", role: "agent" } },
		as: "agent@example.com",
		status: 403,
	},
	{ method: "GET", url: "/api/v2/account/settings.json", status: 200 },
	{ method: "GET", url: "/api/v2/account/settings.json", as: "olivia.bennett@example.org", status: 403 },
	{ method: "POST", url: "/api/v2/uploads.json?filename=a.txt", body: "hello", status: 201 },
	{ method: "POST", url: "/api/v2/uploads.json", body: "hello", status: 400 },
	{ method: "DELETE", url: "/api/v2/uploads/unknown.json", status: 404 },
	{ method: "GET", url: "/api/v2/nothing_here.json", status: 404 },
	{ method: "DELETE", url: "/api/v2/tickets/show_many.json", status: 404 },
	{ method: "GET", url: "/__sandbox/worlds", as: null, status: 200 },
	{ method: "GET", url: "/__sandbox/state", as: null, status: 200 },
	{ method: "POST", url: "/__sandbox/reset", as: null, body: { world: "nope" }, status: 404 },
	{ method: "POST", url: "/__sandbox/reset", as: null, body: { world: "empty" }, status: 200 },
];

describe("route table", () => {
	it.each(cases)("$method $url as $as → $status", async ({ method, url, as, body, status }) => {
		h = setupEmulator();
		const res = await h.call(method, url, body, { as });
		expect(res.status, res.text).toBe(status);
	});
});
