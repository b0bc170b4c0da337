/**
 * Follow-up tickets, end to end: the built app in the workspace over the real ZAF protocol,
 * against the emulator. Asserts on the emulator's tickets, comments and request log, and on what
 * the agent sees; the app's internals stay a black box.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";
import { requestLog } from "./requestLog";

const ws = useWorkspace();
const { all: requests, creates } = requestLog(ws);

/** Opens a ticket, opens the follow-up form and writes the first comment. */
async function startFollowUp(id: number, start: string, comment: string): Promise<Frame> {
	const app = await ws.openTicket(id);
	await ws.click(app.getByRole("button", { name: start }));
	await app.getByLabel("First comment").fill(comment);
	return app;
}

/** The comment objects of a ticket as the emulator serves them. */
async function comments(id: number): Promise<
	Array<{
		body: string;
		public: boolean;
		attachments: Array<{ file_name: string; content_type: string; size: number }>;
	}>
> {
	const answer = await ws.api<{ comments: never[] }>("GET", `/api/v2/tickets/${id}/comments.json`);
	return answer.json.comments;
}

describe("follow-up tickets", () => {
	it("creates a real follow-up of a closed ticket that the emulator links both ways", async () => {
		const app = await startFollowUp(7, "Create follow-up", "The scanner jams again since this morning.");
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText("Follow-up #16 created.").waitFor();
		const made = await ws.ticket(16);
		expect(made["via"]).toMatchObject({ source: { rel: "follow_up", from: { ticket_id: 7 } } });
		expect(made["requester_id"]).toBe(1109);
		expect((await ws.ticket(7))["followup_ids"]).toEqual([16]);
		expect((await comments(16))[0]?.body).toBe("The scanner jams again since this morning.");
		await ws.click(app.getByRole("button", { name: "Open ticket #16" }).first());
		await ws.page.waitForURL(/\/tickets\/16$/);
	});

	it("on an open ticket says it cannot be a follow-up and creates a linked ticket instead", async () => {
		const app = await ws.openTicket(1);
		// The short rule, and the full one a click away.
		await ws.click(app.getByText("This ticket is open: only closed tickets get follow-ups."));
		await app.getByText("This ticket is open. Zendesk links follow-ups only to closed tickets").waitFor();
		expect(await app.getByRole("button", { name: "Create follow-up" }).count()).toBe(0);
		await ws.click(app.getByRole("button", { name: "Create linked ticket" }));
		await app.getByLabel("First comment").fill("A related question about the second printer.");
		await ws.click(app.getByRole("button", { name: "Create linked ticket" }));
		await app.getByText("Linked ticket #16 created.").waitFor();
		const made = await ws.ticket(16);
		expect((made["via"] as { source?: { rel?: unknown } }).source?.rel).not.toBe("follow_up");
		expect((await ws.ticket(1))["followup_ids"]).toEqual([]);
		expect((await comments(16))[0]?.body).toBe(
			"A related question about the second printer.\n\nThis ticket continues ticket #1.",
		);
	});

	it("creates the follow-up for a new requester with a name and email", async () => {
		const app = await startFollowUp(10, "Create follow-up", "We shipped dark mode, have a look!");
		const form = app.locator(".zd-followup__form");
		await ws.check(form.getByLabel("New requester"));
		await form.getByRole("textbox", { name: "Name", exact: true }).fill("Pablo Ruiz");
		await form.getByRole("textbox", { name: "Email", exact: true }).fill("pablo@nowhere");
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText('"pablo@nowhere" is not a valid email address.').waitFor();
		expect(await creates()).toHaveLength(0);
		await form.getByRole("textbox", { name: "Email", exact: true }).fill("pablito@example.org");
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText("Follow-up #16 created.").waitFor();
		const state = (await ws.emulatorState()) as { users: Array<{ id: number; name: string; email: string }> };
		const pablo = state.users.find(u => u.email === "pablito@example.org");
		expect(pablo?.name).toBe("Pablo Ruiz");
		expect((await ws.ticket(16))["requester_id"]).toBe(pablo?.id);
	});

	it("creates in the background: queued, polled, then the link to the new ticket", async () => {
		ws.sandbox.emulator.controls.updateSettings({ jobStepMs: 700 });
		const app = await startFollowUp(7, "Create follow-up", "Created in the background.");
		await ws.check(app.getByLabel("Create in the background"));
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app
			.getByText(/Queued in Zendesk|Zendesk is creating the ticket/)
			.first()
			.waitFor();
		await app.getByText("Follow-up #16 created.").waitFor({ timeout: 30_000 });
		expect((await ws.ticket(16))["via"]).toMatchObject({ source: { rel: "follow_up", from: { ticket_id: 7 } } });
		const created = await creates();
		expect(created).toHaveLength(1);
		expect(created[0]?.url).toContain("async=true");
		expect((await requests()).filter(r => r.url.includes("/job_statuses/")).length).toBeGreaterThan(0);
	});

	it("reports a failed background job clearly and keeps the draft", async () => {
		ws.sandbox.emulator.controls.updateSettings({ jobStepMs: 300, failNextJobs: 1 });
		const app = await startFollowUp(7, "Create follow-up", "This job will fail.");
		await ws.check(app.getByLabel("Create in the background"));
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app
			.getByText("Zendesk could not create the ticket: Injected failure (sandbox failNextJobs)")
			.waitFor({ timeout: 30_000 });
		expect(await app.getByLabel("First comment").inputValue()).toBe("This job will fail.");
		expect((await ws.ticket(7))["followup_ids"]).toEqual([]);
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText(/Follow-up #\d+ created\./).waitFor({ timeout: 30_000 });
		expect((await ws.ticket(7))["followup_ids"]).toHaveLength(1);
	});

	it("adds CCs with the people picker: a user found by name, a user by their email, and a new address", async () => {
		const app = await startFollowUp(7, "Create follow-up", "With more people on it.");
		await ws.click(app.getByText("More options"));
		const cc = app.getByRole("combobox", { name: "Add email CCs" });
		await cc.fill("Yuki");
		await ws.click(app.getByRole("option", { name: /Yuki Tanaka/ }));
		// An existing user's address is that user, not a new CC.
		await cc.fill("noah.fischer@example.org");
		await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		expect(await app.getByRole("option", { name: /as a CC$/ }).count()).toBe(0);
		await cc.press("Enter");
		await cc.fill("jo.new@example.net");
		await ws.click(app.getByRole("option", { name: "Add jo.new@example.net as a CC" }));
		const chips = app.locator(".zd-followup__ccs .zd-person__name");
		await expect
			.poll(() => chips.allTextContents())
			.toEqual(expect.arrayContaining(["Yuki Tanaka", "Noah Fischer", "jo.new@example.net"]));
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText("Follow-up #16 created.").waitFor();
		const made = await ws.ticket(16);
		const users = await ws.api<{ users: Array<{ id: number }> }>(
			"GET",
			"/api/v2/users/search.json?query=jo.new%40example.net",
		);
		expect(made["email_cc_ids"]).toEqual(expect.arrayContaining([1111, 1104, users.json.users[0]?.id]));
	});

	it("attaches a text file that appears on the new ticket's first comment", async () => {
		const app = await startFollowUp(7, "Create follow-up", "Log attached.");
		await app.getByText("More options").waitFor();
		const log = Buffer.from("12:01 spooler started\n12:02 paper jam at tray 2\n");
		await app
			.getByLabel("Choose text files to attach")
			.setInputFiles({ name: "spooler.log", mimeType: "text/plain", buffer: log });
		await app.locator('.zd-followup__file[data-state="uploaded"]').waitFor();
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText("Follow-up #16 created.").waitFor();
		const [first] = await comments(16);
		expect(first?.attachments.map(a => [a.file_name, a.content_type, a.size])).toEqual([
			["spooler.log", "text/plain", log.length],
		]);
	});

	it("refuses a binary file up front and points to the editor's attach button", async () => {
		const app = await startFollowUp(7, "Create follow-up", "Screenshot refused.");
		await app.getByLabel("Choose text files to attach").setInputFiles({
			name: "screenshot.png",
			mimeType: "image/png",
			buffer: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"),
		});
		await app.getByText("screenshot.png is not a text file.").waitFor();
		await app.getByText("attach it with the ticket editor's attach button").first().waitFor();
		expect((await requests()).filter(r => r.url.includes("/uploads"))).toHaveLength(0);
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText("Follow-up #16 created.").waitFor();
		expect((await comments(16))[0]?.attachments).toEqual([]);
	});
});
