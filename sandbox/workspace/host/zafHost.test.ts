import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeWindow } from "./fakeWindow";
import { aSnapshot, aUser } from "./testFixtures";
import { createTicketState } from "./ticketState";
import type { RelayAnswer } from "./relay";
import { createZafHost, type ZafHostOptions } from "./zafHost";
import { toZafTicketField, toZafUser } from "./zafShapes";

const APP = "http://127.0.0.1:4301";
const GUID = "guid-1";

function setup(overrides: Partial<ZafHostOptions> = {}) {
	const hostWindow = new FakeWindow();
	const appWindow = new FakeWindow();
	const snapshot = aSnapshot();
	const ticket = createTicketState(snapshot);
	const seen = {
		resized: [] as unknown[],
		routes: [] as unknown[][],
		notes: [] as unknown[][],
		relayed: [] as Array<Record<string, unknown>>,
	};
	let relayAnswer: (o: Record<string, unknown>) => Promise<RelayAnswer> = async () => ({
		outcome: "done",
		responseArgs: [{ ticket: { id: 42 } }, "success"],
	});
	const host = createZafHost({
		window: hostWindow,
		target: appWindow,
		appOrigin: APP,
		appGuid: GUID,
		metadata: () => ({
			appId: 0,
			installationId: 7,
			name: "Sidebar",
			version: "1.0.0",
			settings: { title: "Sidebar" },
		}),
		context: () => ({
			instanceGuid: GUID,
			product: "support",
			account: { subdomain: "sandbox" },
			location: "ticket_sidebar",
			ticketId: 42,
		}),
		ticket,
		currentUser: () => toZafUser(aUser()),
		currentAccount: () => ({ subdomain: "sandbox", planName: "enterprise" }),
		ticketFields: () => snapshot.fields.map(toZafTicketField),
		relay: async o => {
			seen.relayed.push(o);
			return relayAnswer(o);
		},
		onResize: size => seen.resized.push(size),
		onRouteTo: (...args) => {
			seen.routes.push(args);
			return args[0] === "ticket";
		},
		onNotify: (...args) => seen.notes.push(args),
		hookTimeoutMs: 200,
		...overrides,
	});
	let nextId = 1;
	const app = {
		/** Posts like the SDK does: a JSON string from the iframe's window and origin. */
		send(message: Record<string, unknown>) {
			hostWindow.emitMessage(JSON.stringify({ ...message, appGuid: GUID, instanceGuid: GUID }), APP, appWindow);
		},
		received: () => appWindow.parsedMessages(),
		keys: () => appWindow.parsedMessages().map(m => m["key"] ?? `#${String(m["id"])}`),
		handshake() {
			app.send({ key: "iframe.handshake", message: { version: "2.0.9" } });
		},
		/** Sends a get/set/invoke and returns the host's reply for its id. */
		rpc(request: "get" | "set" | "invoke", params: unknown) {
			const id = nextId++;
			app.send({ id, request, params });
			return appWindow.parsedMessages().find(m => m["id"] === id);
		},
		subscribe(event: string, count = 1) {
			app.send({ key: `iframe.on:${event}`, message: { subscriberCount: count } });
		},
	};
	hosts.push(host);
	return { host, app, ticket, seen, hostWindow, appWindow, setRelay: (f: typeof relayAnswer) => (relayAnswer = f) };
}

const hosts: Array<{ dispose(): void }> = [];
afterEach(() => {
	for (const h of hosts.splice(0)) h.dispose();
});

describe("zafHost registration and gates", () => {
	it("answers the handshake with zaf.app.registered carrying metadata and context, then activates the app", () => {
		const { app, appWindow, host } = setup();
		expect(app.received()).toEqual([]);
		app.handshake();
		const [registered, activated] = app.received();
		expect(registered).toMatchObject({
			key: "zaf.app.registered",
			message: {
				metadata: { installationId: 7, settings: { title: "Sidebar" } },
				context: { location: "ticket_sidebar", ticketId: 42, instanceGuid: GUID },
			},
		});
		expect(activated).toMatchObject({ key: "zaf.app.activated", message: { firstLoad: true } });
		expect(appWindow.sentMessages.every(m => m.targetOrigin === APP && typeof m.message === "string")).toBe(true);
		expect(host.isRegistered()).toBe(true);
	});

	it("ignores messages from another origin or another window, and logs them as ignored", () => {
		const { app, hostWindow, appWindow, host } = setup();
		const handshake = JSON.stringify({ key: "iframe.handshake", message: {} });
		hostWindow.emitMessage(handshake, "http://evil.example.com", appWindow);
		hostWindow.emitMessage(handshake, APP, new FakeWindow());
		hostWindow.emitMessage(handshake, `${APP}/`, appWindow);
		expect(app.received()).toEqual([]);
		expect(host.log().map(e => e.direction)).toEqual(["ignored", "ignored", "ignored"]);
	});

	it("ignores strings that are not JSON without answering", () => {
		const { hostWindow, appWindow, app } = setup();
		hostWindow.emitMessage("{not json", APP, appWindow);
		expect(app.received()).toEqual([]);
	});

	it("registers again when the app reloads, forgetting old subscriptions", () => {
		const { app, host } = setup();
		app.handshake();
		app.subscribe("ticket.updated");
		expect(host.subscriberCount("ticket.updated")).toBe(1);
		app.handshake();
		expect(host.subscriberCount("ticket.updated")).toBe(0);
		expect(app.received().filter(m => m["key"] === "zaf.app.registered")).toHaveLength(2);
	});

	it("accepts the official SDK's telemetry messages without answering them", () => {
		const { app } = setup();
		app.handshake();
		const before = app.received().length;
		app.send({ key: "session.live" });
		app.send({ key: "__track__", message: { event_name: "x" } });
		app.send({ key: "iframe.off:request:1.done", message: { subscriberCount: 0 } });
		expect(app.received()).toHaveLength(before);
		const reply = app.rpc("invoke", { track: [{ type: "click" }] });
		expect(reply).toMatchObject({ result: { errors: {} } });
	});
});

describe("zafHost get", () => {
	it("answers ticket paths, custom fields, the current user, the account and ticket fields in one reply", () => {
		const { app } = setup();
		app.handshake();
		const reply = app.rpc("get", [
			"ticket.id",
			"ticket.subject",
			"ticket.requester.email",
			"ticket.assignee.group.name",
			"ticket.customField:custom_field_900",
			"ticket.customField:custom_field_901",
			"currentUser.locale",
			"currentAccount.subdomain",
			"ticketFields:priority.options",
		]);
		expect(reply?.["result"]).toEqual({
			errors: {},
			"ticket.id": 42,
			"ticket.subject": "Printer on fire",
			"ticket.requester.email": "rita@example.com",
			"ticket.assignee.group.name": "Support",
			"ticket.customField:custom_field_900": "ABC-1",
			"ticket.customField:custom_field_901": null,
			"currentUser.locale": "en-US",
			"currentAccount.subdomain": "sandbox",
			"ticketFields:priority.options": [
				{ label: "Low", value: "low" },
				{ label: "Normal", value: "normal" },
			],
		});
	});

	it("answers the whole ticket with people as ZAF users and a non-ISO updatedAt", () => {
		const { app } = setup();
		app.handshake();
		const ticket = (app.rpc("get", ["ticket"])?.["result"] as Record<string, Record<string, unknown>>)["ticket"];
		expect(ticket).toMatchObject({
			id: 42,
			status: "open",
			tags: ["printer", "vip"],
			requester: { id: 20, name: "Rita Requester" },
			assignee: { user: { id: 10 }, group: { id: 5, name: "Support" } },
			collaborators: [{ id: 21 }, { id: 11 }],
			emailCcs: [{ email: "carl@example.com" }],
		});
		expect(new Date(String(ticket?.["updatedAt"])).toISOString()).toBe("2024-03-02T11:30:00.000Z");
		expect(ticket?.["updatedAt"]).not.toBe("2024-03-02T11:30:00Z");
	});

	it("reports unknown paths per path with APIUnavailable and still answers the known ones", () => {
		const { app } = setup();
		app.handshake();
		const reply = app.rpc("get", [
			"ticket.nope",
			"ticket.customField:custom_field_999",
			"ticketFields:nope",
			"ticket.id",
		]);
		expect(reply?.["result"]).toEqual({
			"ticket.id": 42,
			errors: {
				"ticket.nope": { name: "APIUnavailable", message: "Could not find API for ticket.nope", path: "ticket.nope" },
				"ticket.customField:custom_field_999": {
					name: "APIUnavailable",
					message: "Could not find API for ticket.customField:custom_field_999",
					path: "ticket.customField:custom_field_999",
				},
				"ticketFields:nope": {
					name: "APIUnavailable",
					message: "Could not find API for ticketFields:nope",
					path: "ticketFields:nope",
				},
			},
		});
	});

	it("answers a malformed get with an error object instead of a result", () => {
		const { app } = setup();
		app.handshake();
		expect(app.rpc("get", "ticket.id")).toMatchObject({ error: { name: "InvalidParams" } });
	});
});

describe("zafHost set", () => {
	it("applies valid values to the ticket form and reports invalid or read-only paths per path", () => {
		const { app, ticket } = setup();
		app.handshake();
		const reply = app.rpc("set", {
			"ticket.status": "pending",
			"ticket.customField:custom_field_900": "XYZ-9",
			"ticket.priority": "whenever",
			"ticket.id": 7,
		});
		expect(reply?.["result"]).toMatchObject({
			"ticket.status": "pending",
			"ticket.customField:custom_field_900": "XYZ-9",
			errors: {
				"ticket.priority": { name: "InvalidValue", path: "ticket.priority" },
				"ticket.id": { name: "APIUnavailable", path: "ticket.id" },
			},
		});
		expect(ticket.edits()).toEqual({ "ticket.status": "pending", "ticket.customField:custom_field_900": "XYZ-9" });
		expect(app.rpc("get", ["ticket.status"])?.["result"]).toMatchObject({ "ticket.status": "pending" });
	});

	it("tells a subscribed app that a field changed after its own set", () => {
		const { app } = setup();
		app.handshake();
		app.subscribe("ticket.status.changed");
		app.rpc("set", { "ticket.status": "hold" });
		expect(app.received()).toContainEqual(
			expect.objectContaining({ key: "zaf.ticket.status.changed", message: "hold" }),
		);
	});
});

describe("zafHost invoke", () => {
	it("passes resize to the workspace as CSS lengths", () => {
		const { app, seen } = setup();
		app.handshake();
		expect(app.rpc("invoke", { resize: [{ width: "100%", height: 321 }] })).toMatchObject({ result: { errors: {} } });
		app.rpc("invoke", { resize: [{ height: "200" }] });
		expect(seen.resized).toEqual([{ width: "100%", height: "321px" }, { height: "200px" }]);
	});

	it("routes to a ticket, and reports a route the workspace does not know", () => {
		const { app, seen } = setup();
		app.handshake();
		expect(app.rpc("invoke", { routeTo: ["ticket", 7] })).toMatchObject({ result: { errors: {} } });
		expect(app.rpc("invoke", { routeTo: ["nav_bar", "x"] })).toMatchObject({
			result: { errors: { routeTo: { name: "APIUnavailable", path: "routeTo" } } },
		});
		expect(seen.routes).toEqual([
			["ticket", 7],
			["nav_bar", "x"],
		]);
	});

	it("shows notifications with their kind", () => {
		const { app, seen } = setup();
		app.handshake();
		app.rpc("invoke", { notify: ["Saved", "notice"] });
		app.rpc("invoke", { notify: ["Oops", "error", 5000] });
		expect(seen.notes).toEqual([
			["Saved", "notice", undefined],
			["Oops", "error", 5000],
		]);
	});

	it("runs ticket tag and comment actions on the form", () => {
		const { app, ticket } = setup();
		app.handshake();
		app.rpc("invoke", { "ticket.tags.add": [["urgent", "vip"]] });
		app.rpc("invoke", { "ticket.tags.remove": ["printer"] });
		app.rpc("invoke", { "ticket.comment.appendText": ["Hello"] });
		expect(ticket.edits()).toEqual({ "ticket.tags": ["vip", "urgent"], "ticket.comment.text": "Hello" });
	});

	it("reports an unknown action in errors", () => {
		const { app } = setup();
		app.handshake();
		expect(app.rpc("invoke", { "instances.create": [{}] })).toMatchObject({
			result: {
				errors: {
					"instances.create": { name: "APIUnavailable", message: "Could not find API for invoke instances.create" },
				},
			},
		});
	});
});

describe("zafHost request relay", () => {
	it("relays the options verbatim and answers zaf.request:K.done with the relay's responseArgs", async () => {
		const { app, seen } = setup();
		app.handshake();
		const options = { url: "/api/v2/tickets/42.json", type: "GET", httpCompleteResponse: true };
		app.send({ key: "iframe.on:request:1.done", message: { subscriberCount: 1 } });
		app.send({ key: "iframe.on:request:1.fail", message: { subscriberCount: 1 } });
		app.send({ key: "request:1", message: options });
		await vi.waitFor(() => expect(app.keys()).toContain("zaf.request:1.done"));
		expect(seen.relayed).toEqual([options]);
		expect(app.received().find(m => m["key"] === "zaf.request:1.done")).toMatchObject({
			message: { responseArgs: [{ ticket: { id: 42 } }, "success"] },
		});
	});

	it("answers zaf.request:K.fail when the relay reports a failure", async () => {
		const { app, setRelay } = setup();
		setRelay(async () => ({
			outcome: "fail",
			responseArgs: [{ status: 404, statusText: "Not Found", responseText: "{}" }, "error"],
		}));
		app.handshake();
		app.send({ key: "request:2", message: { url: "/api/v2/tickets/999.json" } });
		await vi.waitFor(() => expect(app.keys()).toContain("zaf.request:2.fail"));
		expect(app.received().find(m => m["key"] === "zaf.request:2.fail")).toMatchObject({
			message: { responseArgs: [{ status: 404 }, "error"] },
		});
	});

	it("turns a relay that throws into a status-0 failure so the app's promise settles", async () => {
		const { app, setRelay } = setup();
		setRelay(async () => {
			throw new Error("connection refused");
		});
		app.handshake();
		app.send({ key: "request:3", message: "/api/v2/users/me.json" });
		await vi.waitFor(() => expect(app.keys()).toContain("zaf.request:3.fail"));
		expect(app.received().find(m => m["key"] === "zaf.request:3.fail")).toMatchObject({
			message: { responseArgs: [{ status: 0, responseText: "connection refused" }, "error"] },
		});
	});
});

describe("zafHost events and hooks", () => {
	it("keeps subscriber counts and only sends events the app listens to, unless forced", () => {
		const { app, host } = setup();
		app.handshake();
		expect(host.emit("ticket.updated", { id: 11 })).toBe(false);
		app.subscribe("ticket.updated");
		expect(host.emit("ticket.updated", { id: 11 })).toBe(true);
		app.send({ key: "iframe.off:ticket.updated", message: { subscriberCount: 0 } });
		expect(host.emit("ticket.updated", { id: 11 })).toBe(false);
		expect(host.emit("app.deactivated", undefined, { force: true })).toBe(true);
		expect(app.keys().filter(k => k === "zaf.ticket.updated")).toHaveLength(1);
	});

	it("sends nothing before the handshake", () => {
		const { app, host } = setup();
		expect(host.emit("app.activated", {}, { force: true })).toBe(false);
		expect(app.received()).toEqual([]);
	});

	it("echoes iframe.trigger back to the app as a zaf event", () => {
		const { app } = setup();
		app.handshake();
		app.send({ key: "iframe.trigger:custom.ping", message: { n: 1 } });
		expect(app.received()).toContainEqual(expect.objectContaining({ key: "zaf.custom.ping", message: { n: 1 } }));
	});

	it("allows a hook nobody listens to without asking the app", async () => {
		const { app, host } = setup();
		app.handshake();
		await expect(host.runHook("ticket.save")).resolves.toEqual({ allowed: true, answered: false });
		expect(app.keys()).not.toContain("zaf.ticket.save");
	});

	it.each([
		["an empty reply allows", {}, { allowed: true, answered: true }],
		[
			"a string blocks with that message",
			{ error: { msg: "Fill the reason" } },
			{ allowed: false, message: "Fill the reason", reason: "blocked" },
		],
		["false blocks without a message", { error: { msg: false } }, { allowed: false, message: null, reason: "blocked" }],
	])("runs ticket.save with needsReply: %s", async (_name, reply, verdict) => {
		const { app, host, hostWindow, appWindow } = setup();
		app.handshake();
		app.subscribe("ticket.save");
		const result = host.runHook("ticket.save");
		expect(app.received().at(-1)).toMatchObject({ key: "zaf.ticket.save", needsReply: true });
		// Hook replies are plain objects, not JSON strings.
		hostWindow.emitMessage({ appGuid: GUID, key: "iframe.reply:ticket.save", ...reply }, APP, appWindow);
		await expect(result).resolves.toEqual(verdict);
	});

	it("blocks the save when the app does not answer in time", async () => {
		const { app, host } = setup({ hookTimeoutMs: 20 });
		app.handshake();
		app.subscribe("ticket.save");
		await expect(host.runHook("ticket.save")).resolves.toEqual({ allowed: false, message: null, reason: "timeout" });
	});

	it("never overlaps two ticket.save hooks: the second is sent after the first reply", async () => {
		const { app, host, hostWindow, appWindow } = setup();
		app.handshake();
		app.subscribe("ticket.save");
		const first = host.runHook("ticket.save");
		const second = host.runHook("ticket.save");
		await Promise.resolve();
		expect(app.keys().filter(k => k === "zaf.ticket.save")).toHaveLength(1);
		hostWindow.emitMessage({ appGuid: GUID, key: "iframe.reply:ticket.save" }, APP, appWindow);
		await first;
		await vi.waitFor(() => expect(app.keys().filter(k => k === "zaf.ticket.save")).toHaveLength(2));
		hostWindow.emitMessage({ appGuid: GUID, key: "iframe.reply:ticket.save", error: { msg: "no" } }, APP, appWindow);
		await expect(second).resolves.toMatchObject({ allowed: false, message: "no" });
	});

	it("stops listening and settles a waiting hook when disposed", async () => {
		const { app, host, hostWindow } = setup();
		app.handshake();
		app.subscribe("ticket.save");
		const pending = host.runHook("ticket.save");
		host.dispose();
		await expect(pending).resolves.toMatchObject({ allowed: false, reason: "timeout" });
		expect(hostWindow.listenerCount()).toBe(0);
	});

	it("logs every message in and out in order", () => {
		const { app, host } = setup();
		app.handshake();
		app.rpc("get", ["ticket.id"]);
		expect(
			host
				.log()
				.map(e => [
					e.direction,
					(e.message as Record<string, unknown>)["key"] ?? (e.message as Record<string, unknown>)["request"],
				]),
		).toEqual([
			["in", "iframe.handshake"],
			["out", "zaf.app.registered"],
			["out", "zaf.app.activated"],
			["in", "get"],
			["out", undefined],
		]);
	});
});
