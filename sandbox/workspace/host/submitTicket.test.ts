import { describe, expect, it } from "vitest";
import { FakeWindow } from "./fakeWindow";
import { submitTicket, type SaveResponse } from "./submitTicket";
import { aSnapshot, aUser } from "./testFixtures";
import { createTicketState } from "./ticketState";
import { createZafHost } from "./zafHost";
import { toZafUser } from "./zafShapes";

const APP = "http://127.0.0.1:4301";

function setup(answer: (body: Record<string, unknown>) => Promise<SaveResponse>) {
	const hostWindow = new FakeWindow();
	const appWindow = new FakeWindow();
	const ticket = createTicketState(aSnapshot());
	const host = createZafHost({
		window: hostWindow,
		target: appWindow,
		appOrigin: APP,
		appGuid: "g",
		metadata: () => ({ appId: 0, installationId: 1, name: "x", version: "1", settings: {} }),
		context: () => ({
			instanceGuid: "g",
			product: "support",
			account: { subdomain: "s" },
			location: "ticket_sidebar",
			ticketId: 42,
		}),
		ticket,
		currentUser: () => toZafUser(aUser()),
		currentAccount: () => ({}),
		ticketFields: () => [],
		relay: async () => ({ outcome: "done", responseArgs: [] }),
		hookTimeoutMs: 100,
	});
	const send = (m: Record<string, unknown>) => hostWindow.emitMessage(JSON.stringify(m), APP, appWindow);
	send({ key: "iframe.handshake", message: {} });
	for (const e of [
		"ticket.save",
		"ticket.submit.start",
		"ticket.submit.done",
		"ticket.submit.fail",
		"ticket.submit.always",
	]) {
		send({ key: `iframe.on:${e}`, message: { subscriberCount: 1 } });
	}
	const saved: Array<Record<string, unknown>> = [];
	const save = async (_id: number, body: Record<string, unknown>) => {
		saved.push(body);
		return answer(body);
	};
	const events = () =>
		appWindow
			.parsedMessages()
			.map(m => String(m["key"]))
			.filter(k => k.startsWith("zaf.ticket."));
	const replyToHook = (extra: Record<string, unknown> = {}) =>
		hostWindow.emitMessage({ key: "iframe.reply:ticket.save", ...extra }, APP, appWindow);
	return { host, ticket, save, saved, events, replyToHook };
}

describe("submitTicket", () => {
	it("asks the app, saves the edits in one safe update and announces start, done and always", async () => {
		const s = setup(async () => ({ status: 200, json: {} }));
		s.ticket.set("status", "pending");
		const pending = submitTicket({ host: s.host, ticket: s.ticket, save: s.save });
		s.replyToHook();
		await expect(pending).resolves.toEqual({ kind: "saved", status: 200 });
		expect(s.saved).toEqual([{ ticket: expect.objectContaining({ status: "pending", safe_update: true }) }]);
		expect(s.ticket.edits()).toEqual({});
		expect(s.events()).toEqual([
			"zaf.ticket.save",
			"zaf.ticket.submit.start",
			"zaf.ticket.submit.done",
			"zaf.ticket.submit.always",
		]);
	});

	it("does not save when the app blocks, and shows the app's message", async () => {
		const s = setup(async () => ({ status: 200, json: {} }));
		s.ticket.set("status", "solved");
		const pending = submitTicket({ host: s.host, ticket: s.ticket, save: s.save });
		s.replyToHook({ error: { msg: "Fill the reason first" } });
		await expect(pending).resolves.toEqual({ kind: "blocked", message: "Fill the reason first", reason: "blocked" });
		expect(s.saved).toEqual([]);
		expect(s.ticket.edits()).toEqual({ "ticket.status": "solved" });
	});

	it("keeps the edits and announces fail when the server refuses the update", async () => {
		const s = setup(async () => ({
			status: 409,
			json: { error: "UpdateConflict", description: "Safe Update prevented the update" },
		}));
		s.ticket.set("status", "hold");
		const pending = submitTicket({ host: s.host, ticket: s.ticket, save: s.save });
		s.replyToHook();
		await expect(pending).resolves.toEqual({
			kind: "failed",
			status: 409,
			message: "Safe Update prevented the update",
		});
		expect(s.ticket.edits()).toEqual({ "ticket.status": "hold" });
		expect(s.events().slice(-2)).toEqual(["zaf.ticket.submit.fail", "zaf.ticket.submit.always"]);
	});

	it("reports a transport failure as status 0", async () => {
		const s = setup(async () => {
			throw new Error("Failed to fetch");
		});
		s.ticket.set("type", "task");
		const pending = submitTicket({ host: s.host, ticket: s.ticket, save: s.save });
		s.replyToHook();
		await expect(pending).resolves.toEqual({ kind: "failed", status: 0, message: "Failed to fetch" });
	});
});
