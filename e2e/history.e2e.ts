/**
 * The audit history, end to end: the built app in the workspace against the emulator. People,
 * groups and organizations show by name, from the one audits request per page and its sideloads.
 */
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { all: requests, clear: clearRequests } = requestLog(ws);

describe("audit history with names", () => {
	it("names the CCs, follower, group and organization of ticket 1's creation, in one request", async () => {
		const app = await ws.openTicket(1);
		await ws.appSettled();
		await clearRequests();
		await ws.click(app.getByRole("button", { name: "Show history" }));
		const created = app.locator(".zd-audit").last();
		await created.getByText("CCs: added Liam O'Connor, Sofia Rossi; removed —").waitFor();
		const text = await created.textContent();
		expect(text).toContain("Followers: added Maria González; removed —");
		expect(text).toContain("Group set to Support");
		expect(text).toContain("Organization set to Brightwater Logistics");
		expect(text).toContain("Requester set to Olivia Bennett");
		const reads = (await requests()).map(r => r.url).filter(url => /audits|users\/show_many/.test(url));
		expect(reads).toEqual(["/api/v2/tickets/1/audits.json?include=users,groups,organizations"]);
	});

	it("shows another agent's CC change by name after the ticket moved on", async () => {
		const app = await ws.openTicket(1);
		await ws.click(app.getByRole("button", { name: "Show history" }));
		await app.locator(".zd-audit").first().waitFor();
		await ws.api("PUT", "/api/v2/tickets/1.json", {
			body: { ticket: { email_ccs: [{ user_id: 1104 }, { user_id: 1102, action: "delete" }] } },
			as: "maria@example.com",
		});
		await app.locator(".zd-audit").first().getByText("CCs: added Noah Fischer; removed Liam O'Connor").waitFor();
	});
});
