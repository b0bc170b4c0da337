import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";
import { AGENT, body, hasKeysOf, keys, type Json } from "./shapeAssertions";

/**
 * The emulator's fidelity fixes for reads (pagination, organizations, photos, field options), each pinned to the captured Zendesk response it follows: the
 * captured object's keys are the expected shape (values are the emulator's own).
 */
let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());


describe("cursor pagination when page[size] is asked (zp-ticket-audits-list, zp-ticket-comments-cursor)", () => {
	it("answers meta and links in Zendesk's shape and walks every page through links.next", async () => {
		const real = body("zp-ticket-audits-list");
		const all = (await h.call("GET", "/api/v2/tickets/7/audits.json", undefined, AGENT)).json.audits as Json[];
		let page = (await h.call("GET", "/api/v2/tickets/7/audits.json?page%5Bsize%5D=2", undefined, AGENT)).json;
		expect(keys(page)).toEqual(keys(real));
		expect(keys(page.meta)).toEqual(keys(real.meta));
		expect(keys(page.links)).toEqual(keys(real.links));
		const seen: number[] = [];
		for (let guard = 0; guard < 10; guard++) {
			seen.push(...page.audits.map((a: Json) => a.id));
			if (!page.meta.has_more) break;
			expect(page.links.next).toMatch(
				/^http:\/\/emulator\.test\/api\/v2\/tickets\/7\/audits\.json\?page%5Bafter%5D=.+&page%5Bsize%5D=2$/,
			);
			page = (await h.call("GET", page.links.next.replace("http://emulator.test", ""), undefined, AGENT)).json;
		}
		expect(seen).toEqual(all.map(a => a.id));
	});

	it("goes back with links.prev and keeps offset keys without page[size]", async () => {
		const first = (await h.call("GET", "/api/v2/tickets/7/audits.json?page[size]=2", undefined, AGENT)).json;
		const second = (await h.call("GET", first.links.next.replace("http://emulator.test", ""), undefined, AGENT)).json;
		const back = (await h.call("GET", second.links.prev.replace("http://emulator.test", ""), undefined, AGENT)).json;
		expect(back.audits.map((a: Json) => a.id)).toEqual(first.audits.map((a: Json) => a.id));
		const comments = (await h.call("GET", "/api/v2/tickets/11/comments.json", undefined, AGENT)).json;
		expect(keys(comments)).toEqual(["comments", "count", "next_page", "previous_page"]);
		const cursor = (await h.call("GET", "/api/v2/tickets/11/comments.json?page%5Bsize%5D=100", undefined, AGENT)).json;
		expect(keys(cursor)).toEqual(keys(body("zp-ticket-comments-cursor")));
		expect(cursor.meta.has_more).toBe(false);
	});

	it("starts again from the first page for a cursor it cannot read", async () => {
		const page = (await h.call("GET", "/api/v2/tickets/7/audits.json?page[size]=1&page[after]=%%%", undefined, AGENT))
			.json;
		expect(page.audits).toHaveLength(1);
		expect(page.meta.has_more).toBe(true);
	});
});

describe("GET /api/v2/organizations (OAS ListOrganizations)", () => {
	it("lists every organization in the OrganizationsResponse envelope, agents only", async () => {
		const res = await h.call("GET", "/api/v2/organizations.json", undefined, AGENT);
		expect(res.status).toBe(200);
		expect(keys(res.json)).toEqual(keys(body("zp-orgs-show-many")));
		expect(res.json.organizations.map((o: Json) => o.id)).toEqual([9001, 9002, 9003, 9004, 9005]);
		hasKeysOf(res.json.organizations[0], { id: 0, name: "", url: "", external_id: null, domain_names: [] });
		expect(
			(await h.call("GET", "/api/v2/organizations.json", undefined, { as: "olivia.bennett@example.org" })).status,
		).toBe(403);
	});

	it("pages with per_page and with page[size]", async () => {
		const offset = (await h.call("GET", "/api/v2/organizations.json?per_page=2", undefined, AGENT)).json;
		expect(offset.organizations).toHaveLength(2);
		expect(offset.next_page).toBe("http://emulator.test/api/v2/organizations.json?page=2&per_page=2");
		const cursor = (await h.call("GET", "/api/v2/organizations.json?page[size]=2", undefined, AGENT)).json;
		expect(cursor.meta.has_more).toBe(true);
	});
});

describe("user photos (gz-user-me, zp-users-me)", () => {
	it("gives a user with a photo an attachment-shaped photo whose content_url serves the image", async () => {
		const me = (await h.call("GET", "/api/v2/users/me.json", undefined, AGENT)).json.user;
		hasKeysOf(me.photo, body("gz-user-me").user.photo);
		const image = await h.call("GET", new URL(me.photo.content_url).pathname, undefined, { as: null });
		expect(image.status).toBe(200);
		expect(image.headers["content-type"]).toBe("image/png");
	});

	it("answers photo: null for a user without one, as the live capture does", async () => {
		expect(body("zp-users-me").user.photo).toBeNull();
		expect((await h.call("GET", "/api/v2/users/1003.json", undefined, AGENT)).json.user.photo).toBeNull();
		expect((await h.call("GET", "/system/photos/1003/profile_image_1003.png", undefined, { as: null })).status).toBe(
			404,
		);
	});
});

describe("system_field_options (gz-ticket-fields)", () => {
	it("gives status, type and priority their options in the captured shape", async () => {
		const real = (body("gz-ticket-fields").ticket_fields as Json[]).filter(f => f.system_field_options);
		const fields = (await h.call("GET", "/api/v2/ticket_fields.json", undefined, AGENT)).json.ticket_fields as Json[];
		for (const realField of real) {
			const ours = fields.find(f => f.type === realField.type);
			expect(ours?.system_field_options, realField.type).toBeDefined();
			expect(keys(ours?.system_field_options[0])).toEqual(keys(realField.system_field_options[0]));
		}
		expect(fields.find(f => f.type === "priority")?.system_field_options.map((o: Json) => o.value)).toEqual(
			(real.find(f => f.type === "priority")?.system_field_options as Json[]).map(o => o.value),
		);
		expect(fields.find(f => f.type === "subject")).not.toHaveProperty("system_field_options");
	});
});
