import { afterEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";
import { body, type Json } from "../realResponses/shapeAssertions";

let h: EmulatorHarness | undefined;
afterEach(() => h?.emulator.dispose());

const AGENT = { as: "agent@example.com" };

async function audits(url: string, world?: string) {
	h = setupEmulator(world ? { world } : {});
	const res = await h.call("GET", url, undefined, AGENT);
	expect(res.status).toBe(200);
	return res.json as { audits: Json[]; users?: Json[]; groups?: Json[]; organizations?: Json[]; tickets?: Json[] };
}

const ids = (list: Json[] | undefined) => (list ?? []).map(item => item.id as number).sort((a, b) => a - b);
const events = (list: Json[]) => list.flatMap(audit => audit.events as Json[]);

describe("audit sideloads (include=users,groups,organizations,tickets)", () => {
	it("sideloads nothing without include", async () => {
		const json = await audits("/api/v2/tickets/1/audits.json");
		expect(Object.keys(json).sort()).toEqual(["audits", "count", "next_page", "previous_page"]);
	});

	it("sideloads the authors, requester, assignee, CCs, follower, group, organization and ticket of ticket 1", async () => {
		const json = await audits("/api/v2/tickets/1/audits.json?include=users,groups,organizations,tickets");
		// 1002 author + assignee, 1101 requester (and first comment's author), 1102/1103 CCs, 1003 follower;
		// the notification recipients (every agent) are not references.
		expect(ids(json.users)).toEqual([1002, 1003, 1101, 1102, 1103]);
		expect(json.users?.find(u => u.id === 1102)).toMatchObject({ name: "Liam O'Connor", email: expect.any(String) });
		expect(json.groups?.map(g => [g.id, g.name])).toEqual([[6001, "Support"]]);
		expect(json.organizations?.map(o => [o.id, o.name])).toEqual([[9001, "Brightwater Logistics"]]);
		expect(ids(json.tickets)).toEqual([1]);
	});

	it("adds only the kinds asked for", async () => {
		const json = await audits("/api/v2/tickets/1/audits.json?include=groups");
		expect(json.groups).toHaveLength(1);
		expect(json).not.toHaveProperty("users");
		expect(json).not.toHaveProperty("organizations");
	});

	it("sideloads the users and organizations that lookup fields name", async () => {
		const json = await audits("/api/v2/tickets/2/audits.json?include=users,organizations");
		expect(ids(json.users)).toContain(1003); // 5110 "Account manager" (zen:user)
		expect(ids(json.organizations)).toContain(9004); // 5114 "Partner organization" (zen:organization)
	});

	it("sideloads for the page's audits only", async () => {
		const json = await audits("/api/v2/tickets/1/audits.json?include=users&page[size]=1");
		expect(json.audits).toHaveLength(1);
		const second = (await h!.call("GET", "/api/v2/tickets/1/audits.json?include=users", undefined, AGENT)).json;
		expect(ids(json.users).length).toBeGreaterThan(0);
		expect(ids(json.users).every(id => ids(second.users).includes(id))).toBe(true);
		expect(new URL(String((json as Json).links.next)).searchParams.get("include")).toBe("users");
	});

	it("sideloads on a single audit too", async () => {
		h = setupEmulator();
		const first = (await h.call("GET", "/api/v2/tickets/1/audits.json", undefined, AGENT)).json.audits[0];
		const res = await h.call("GET", `/api/v2/tickets/1/audits/${first.id}.json?include=users`, undefined, AGENT);
		expect(res.json.audit.id).toBe(first.id);
		expect(ids(res.json.users)).toContain(1101);
	});
});

describe("audit event values", () => {
	it("writes id-valued Create events as strings, as the captured audits do", async () => {
		const real = events(body("zp-ticket-audits-list").audits as Json[]);
		const ours = events((await audits("/api/v2/tickets/1/audits.json")).audits);
		ours.push(...events((await h!.call("GET", "/api/v2/tickets/5/audits.json", undefined, AGENT)).json.audits));
		for (const name of ["requester_id", "assignee_id", "group_id", "ticket_form_id"]) {
			const captured = real.find(e => e.type === "Create" && e.field_name === name);
			const emulated = ours.find(e => e.type === "Create" && e.field_name === name);
			expect(typeof emulated?.value, name).toBe(typeof captured?.value);
		}
		expect(ours).toContainEqual(expect.objectContaining({ field_name: "assignee_id", value: "1002" }));
	});

	it("names CCs and followers by email in their change events", async () => {
		const ours = events((await audits("/api/v2/tickets/1/audits.json")).audits);
		expect(ours).toContainEqual(
			expect.objectContaining({
				type: "EmailCcChange",
				previous_email_ccs: [],
				current_email_ccs: ["liam.oconnor@example.org", "sofia.rossi@example.net"],
			}),
		);
		expect(ours).toContainEqual(
			expect.objectContaining({
				type: "FollowerChange",
				previous_followers: [],
				current_followers: ["maria@example.com"],
			}),
		);
	});

	it("records legacy collaborators as collaborator_ids Change events with string ids, sideloaded as users", async () => {
		h = setupEmulator({ world: "collaboratorsLegacy" });
		const res = await h.call("PUT", "/api/v2/tickets/3.json", { ticket: { collaborator_ids: [1102, 1104] } }, AGENT);
		expect(res.json.audit.events).toContainEqual(
			expect.objectContaining({
				type: "Change",
				field_name: "collaborator_ids",
				value: ["1102", "1104"],
				previous_value: [],
			}),
		);
		const list = (await h.call("GET", "/api/v2/tickets/3/audits.json?include=users", undefined, AGENT)).json;
		expect(ids(list.users)).toEqual(expect.arrayContaining([1102, 1104]));
	});
});
