import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors";
import { createZafClientPort } from "./zafClientPort";
import type { ZafRequestOptions, ZafSdkClient } from "./port";

type Handler = (payload: unknown) => unknown;
/** How the fake host answers one request: resolve or reject with a value, or never answer. */
type HostAnswer = { resolve: unknown } | { reject: unknown } | "hang";

/**
 * A fake SDK client with real state, keeping the SDK's promise semantics (zaf-protocol.md §2.6, §2.9):
 * bulk get/set resolve with an `errors` map, a single-path call rejects with Error('"path" msg'),
 * hooks block on false/string/rejection.
 */
function createFakeSdk(data: Record<string, unknown> = {}) {
	const handlers = new Map<string, Set<Handler>>();
	const sent: ZafRequestOptions[] = [];
	const answers: HostAnswer[] = [];
	const invocations: Array<{ name: string; args: unknown[] }> = [];
	let getRejection: unknown;
	const errorFor = (p: string) => ({ name: "APIUnavailable", message: `Could not find API for ${p}`, path: p });
	const client: ZafSdkClient = {
		async get(paths) {
			if (getRejection !== undefined) throw getRejection;
			const list = Array.isArray(paths) ? paths : [paths];
			const result: Record<string, unknown> = { errors: {} };
			for (const p of list) {
				if (p in data) result[p] = data[p];
				else (result.errors as Record<string, unknown>)[p] = errorFor(p);
			}
			if (typeof paths === "string" && !(paths in data))
				throw Object.assign(new Error(`"${paths}" Could not find API for ${paths}`), { name: "APIUnavailable" });
			return result;
		},
		async set(key, value) {
			const values = typeof key === "string" ? { [key]: value } : key;
			const result: Record<string, unknown> = { errors: {} };
			for (const [k, v] of Object.entries(values)) {
				if (k.startsWith("ticket.")) data[k] = result[k] = v;
				else (result.errors as Record<string, unknown>)[k] = errorFor(k);
			}
			return result;
		},
		async invoke(name, ...args) {
			if (name === "slow") throw { name: "TimeoutError", message: 'Timeout when invoking "invoke"' };
			if (name !== "resize")
				throw Object.assign(new Error(`"${name}" Could not find API for ${name}`), { name: "APIUnavailable" });
			invocations.push({ name, args });
			return { errors: {} };
		},
		on(event, handler) {
			if (!handlers.has(event)) handlers.set(event, new Set());
			handlers.get(event)!.add(handler);
		},
		off(event, handler) {
			handlers.get(event)?.delete(handler);
		},
		request(options) {
			sent.push(options);
			const answer = answers.shift() ?? { resolve: { status: 200, responseText: "{}", responseJSON: {} } };
			if (answer === "hang") return new Promise(() => {});
			return "resolve" in answer ? Promise.resolve(answer.resolve) : Promise.reject(answer.reject);
		},
		async metadata() {
			return { appId: 1, installationId: 2, name: "x", version: "1.0.0", settings: { asyncFollowUps: true } };
		},
		async context() {
			return {
				instanceGuid: "g",
				product: "support",
				account: { subdomain: "acme" },
				location: "ticket_sidebar",
				ticketId: 7,
			};
		},
	};
	return {
		client,
		data,
		sent,
		invocations,
		answer: (a: HostAnswer) => answers.push(a),
		failGetWith: (value: unknown) => (getRejection = value),
		fire: (event: string, payload?: unknown) => [...(handlers.get(event) ?? [])].forEach(h => h(payload)),
		subscribers: (event: string) => handlers.get(event)?.size ?? 0,
		async fireHook(hook: string): Promise<{ blocked: boolean; message?: unknown }> {
			for (const h of [...(handlers.get(hook) ?? [])]) {
				try {
					const r = await h(undefined);
					if (r === false || typeof r === "string") return { blocked: true, message: r };
				} catch (e) {
					return { blocked: true, message: e instanceof Error ? e.message : e };
				}
			}
			return { blocked: false };
		},
	};
}

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

afterEach(() => {
	vi.useRealTimers();
});

describe("createZafClientPort get/set/invoke", () => {
	it("returns values and per-path errors of a bulk get without throwing", async () => {
		const fake = createFakeSdk({ "ticket.id": 7, currentUser: { locale: "de" } });
		const port = createZafClientPort(fake.client);
		const result = await port.get(["ticket.id", "currentUser", "ticket.nope"]);
		expect(result.values).toEqual({ "ticket.id": 7, currentUser: { locale: "de" } });
		expect(result.errors).toEqual({
			"ticket.nope": { name: "APIUnavailable", message: "Could not find API for ticket.nope" },
		});
	});

	it("turns a single-path style rejection into a per-path error", async () => {
		const fake = createFakeSdk();
		fake.failGetWith(
			Object.assign(new Error('"ticket.x" Could not find API for ticket.x'), { name: "APIUnavailable" }),
		);
		const result = await createZafClientPort(fake.client).get(["ticket.x"]);
		expect(result.errors["ticket.x"]).toEqual({ name: "APIUnavailable", message: "Could not find API for ticket.x" });
	});

	it("rejects a get that timed out in the npm SDK fork with kind timeout", async () => {
		const fake = createFakeSdk();
		fake.failGetWith({ name: "TimeoutError", message: 'Timeout when invoking "get"' });
		const error = await rejectionOf(createZafClientPort(fake.client).get(["ticket"]));
		expect(error.kind).toBe("timeout");
	});

	it("rejects a get that timed out in the official SDK with kind timeout", async () => {
		const fake = createFakeSdk();
		fake.failGetWith(new Error("Invocation request timeout"));
		expect((await rejectionOf(createZafClientPort(fake.client).get(["ticket"]))).kind).toBe("timeout");
	});

	it("writes set values to the form state", async () => {
		const fake = createFakeSdk();
		await createZafClientPort(fake.client).set({ "ticket.subject": "Hi" });
		expect(fake.data["ticket.subject"]).toBe("Hi");
	});

	it("rejects a set with a per-path error as not_found", async () => {
		const fake = createFakeSdk();
		const error = await rejectionOf(createZafClientPort(fake.client).set({ "user.name": "x" }));
		expect(error.kind).toBe("not_found");
		expect(error.message).toBe('[zd-sidebar] set user.name failed: "user.name" Could not find API for user.name');
	});

	it("invokes resize and rejects unknown actions and timeouts with ApiError", async () => {
		const fake = createFakeSdk();
		const port = createZafClientPort(fake.client);
		await port.invoke("resize", { height: "120px" });
		expect(fake.invocations).toEqual([{ name: "resize", args: [{ height: "120px" }] }]);
		expect((await rejectionOf(port.invoke("explode"))).kind).toBe("not_found");
		expect((await rejectionOf(port.invoke("slow"))).kind).toBe("timeout");
	});

	it("passes metadata and context through", async () => {
		const port = createZafClientPort(createFakeSdk().client);
		expect((await port.metadata()).settings).toEqual({ asyncFollowUps: true });
		expect((await port.context()).ticketId).toBe(7);
	});
});

/**
 * The two SDK timeout shapes (zaf-protocol.md §1): the npm `zendesk_app_framework_sdk` 2.0.11 the
 * sandbox serves gives up after 5 s with a `TimeoutError` object that is not an Error; the CDN SDK
 * Zendesk loads gives up after 5 minutes with `Error('Invocation request timeout')`.
 */
describe("createZafClientPort SDK timeouts, both shapes", () => {
	const shapes: Array<[sdk: string, make: (call: string) => unknown]> = [
		["npm 2.0.11 (5 s)", call => ({ name: "TimeoutError", message: `Timeout when invoking "${call}"` })],
		["CDN (5 min)", () => new Error("Invocation request timeout")],
	];
	const calls: Array<[call: string, run: (port: ReturnType<typeof createZafClientPort>) => Promise<unknown>]> = [
		["get", port => port.get(["ticket.subject"])],
		["set", port => port.set({ "ticket.subject": "x" })],
		["invoke", port => port.invoke("resize", { height: "10px" })],
	];
	const cases = shapes.flatMap(([sdk, make]) => calls.map(([call, run]) => [call, sdk, make, run] as const));

	it.each(cases)(
		"rejects a %s that timed out in the %s SDK with one ApiError of kind timeout",
		async (call, _sdk, make, run) => {
			const fake = createFakeSdk();
			const rejection = make(call);
			const failing = async () => {
				throw rejection;
			};
			Object.assign(fake.client, { [call]: failing });
			const error = await rejectionOf(run(createZafClientPort(fake.client)));
			expect(error).toBeInstanceOf(ApiError);
			expect(error.kind).toBe("timeout");
			expect(error.message).toMatch(new RegExp(`^\\[zd-sidebar\\] ${call} .*failed: timeout$`));
		},
	);
});

describe("createZafClientPort events and hooks", () => {
	it("delivers events until unsubscribed, and unsubscribing twice is harmless", () => {
		const fake = createFakeSdk();
		const seen: unknown[] = [];
		const off = createZafClientPort(fake.client).on("ticket.updated", p => seen.push(p));
		fake.fire("ticket.updated", { id: 1 });
		off();
		off();
		fake.fire("ticket.updated", { id: 2 });
		expect(seen).toEqual([{ id: 1 }]);
		expect(fake.subscribers("ticket.updated")).toBe(0);
	});

	it("keeps a throwing handler from breaking the other handlers", () => {
		const fake = createFakeSdk();
		const port = createZafClientPort(fake.client);
		const seen: unknown[] = [];
		const spy = vi.spyOn(console, "error").mockImplementation(() => {});
		port.on("x", () => {
			throw new Error("bug");
		});
		port.on("x", p => seen.push(p));
		fake.fire("x", 1);
		expect(seen).toEqual([1]);
		expect(spy).toHaveBeenCalledOnce();
		spy.mockRestore();
	});

	const hookCases: Array<[name: string, handler: () => unknown, blocked: boolean, message?: unknown]> = [
		["true allows", () => true, false],
		["undefined allows", () => undefined, false],
		["a string blocks with that string", () => "Fill the reason", true, "Fill the reason"],
		["false blocks", () => false, true, false],
		["a resolved promise of a string blocks", () => Promise.resolve("later"), true, "later"],
		["a rejection blocks", () => Promise.reject(new Error("async failed")), true, "async failed"],
	];
	it.each(hookCases)("runs ticket.save hooks: %s", async (_name, handler, blocked, message) => {
		const fake = createFakeSdk();
		createZafClientPort(fake.client).onHook("ticket.save", handler as () => true);
		const outcome = await fake.fireHook("ticket.save");
		expect(outcome.blocked).toBe(blocked);
		if (blocked) expect(outcome.message).toBe(message);
	});

	it("removes a hook handler on unsubscribe", async () => {
		const fake = createFakeSdk();
		const off = createZafClientPort(fake.client).onHook("ticket.save", () => "no");
		off();
		expect(await fake.fireHook("ticket.save")).toEqual({ blocked: false });
	});
});

describe("createZafClientPort request", () => {
	it("always sends httpCompleteResponse and autoRetry:false, and the body as given", async () => {
		const fake = createFakeSdk();
		const port = createZafClientPort(fake.client);
		await port.request({
			url: "/api/v2/tickets.json",
			type: "POST",
			data: '{"ticket":{"subject":"x"}}',
			contentType: "application/json",
		});
		await port.request({ url: "/api/v2/tickets/1.json", autoRetry: true, httpCompleteResponse: false });
		expect(fake.sent[0]).toEqual({
			url: "/api/v2/tickets.json",
			type: "POST",
			data: '{"ticket":{"subject":"x"}}',
			contentType: "application/json",
			httpCompleteResponse: true,
			autoRetry: false,
			timeout: 30_000,
		});
		expect(fake.sent[1]).toMatchObject({ httpCompleteResponse: true, autoRetry: false, timeout: 30_000 });
	});

	it("resolves a 2xx with status, lower-cased headers from a raw string, json and text", async () => {
		const fake = createFakeSdk();
		fake.answer({
			resolve: {
				status: 201,
				responseText: '{"ticket":{"id":9}}',
				headers: "Location: /api/v2/tickets/9.json\r\nX-Rate-Limit: 700",
			},
		});
		const res = await createZafClientPort(fake.client).request({
			url: "/api/v2/tickets.json",
			type: "POST",
			data: "{}",
		});
		expect(res).toEqual({
			status: 201,
			headers: { location: "/api/v2/tickets/9.json", "x-rate-limit": "700" },
			json: { ticket: { id: 9 } },
			text: '{"ticket":{"id":9}}',
		});
	});

	it("resolves a 204 with no body as json undefined and empty text", async () => {
		const fake = createFakeSdk();
		fake.answer({ resolve: { status: 204, statusText: "No Content", responseText: "", headers: {} } });
		const res = await createZafClientPort(fake.client).request({ url: "/api/v2/uploads/t.json", type: "DELETE" });
		expect(res).toEqual({ status: 204, headers: {}, json: undefined, text: "" });
	});

	it("rejects a non-2xx status object that the host resolved", async () => {
		const fake = createFakeSdk();
		fake.answer({
			resolve: { status: 409, responseJSON: { error: "UpdateConflict", description: "x" }, responseText: "" },
		});
		const error = await rejectionOf(
			createZafClientPort(fake.client).request({ url: "/api/v2/tickets/1.json", type: "PUT", data: "{}" }),
		);
		expect(error.kind).toBe("conflict");
		expect(error.request).toBe("PUT /api/v2/tickets/1.json");
	});

	it("rejects a host failure with the ApiError toApiError builds, Retry-After included", async () => {
		const fake = createFakeSdk();
		fake.answer({
			reject: {
				status: 429,
				statusText: "error",
				responseText: "Rate limit exceeded",
				headers: { "Retry-After": "12" },
			},
		});
		const error = await rejectionOf(createZafClientPort(fake.client).request({ url: "/api/v2/tickets/1.json" }));
		expect(error.kind).toBe("rate_limited");
		expect(error.retryAfterSeconds).toBe(12);
		expect(error.message).toBe("[zd-sidebar] GET /api/v2/tickets/1.json failed: 429 Rate limit exceeded");
	});

	it("gives up on an unanswered request after the default timeout", async () => {
		vi.useFakeTimers();
		const fake = createFakeSdk();
		fake.answer("hang");
		const pending = rejectionOf(
			createZafClientPort(fake.client, { requestTimeoutMs: 500 }).request({ url: "/api/v2/users/me.json" }),
		);
		await vi.advanceTimersByTimeAsync(499);
		let settled = false;
		void pending.then(() => (settled = true));
		await Promise.resolve();
		expect(settled).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		const error = await pending;
		expect(error.kind).toBe("timeout");
		expect(error.request).toBe("GET /api/v2/users/me.json");
	});

	it("passes its timeout to ZAF as the request's timeout option, per call too", async () => {
		const fake = createFakeSdk();
		const port = createZafClientPort(fake.client, { requestTimeoutMs: 4000 });
		await port.request({ url: "/a" });
		await port.request({ url: "/b" }, { timeoutMs: 900 });
		expect(fake.sent.map(o => o.timeout)).toEqual([4000, 900]);
	});

	it("rejects with kind timeout when the host's own request timeout fires (jQuery status 0, 'timeout')", async () => {
		const fake = createFakeSdk();
		fake.answer({ reject: { status: 0, statusText: "timeout", responseText: "" } });
		const error = await rejectionOf(createZafClientPort(fake.client).request({ url: "/api/v2/tickets/1.json" }));
		expect(error.kind).toBe("timeout");
		fake.answer({ reject: { status: 0, statusText: "error", responseText: "" } });
		expect((await rejectionOf(createZafClientPort(fake.client).request({ url: "/x" }))).kind).toBe("network");
	});

	it("lets one call override the timeout", async () => {
		vi.useFakeTimers();
		const fake = createFakeSdk();
		fake.answer("hang");
		const pending = rejectionOf(createZafClientPort(fake.client).request({ url: "/x" }, { timeoutMs: 50 }));
		await vi.advanceTimersByTimeAsync(50);
		expect((await pending).kind).toBe("timeout");
	});

	it("accepts a host that ignored httpCompleteResponse and resolved with the bare body", async () => {
		const fake = createFakeSdk();
		fake.answer({ resolve: { user: { id: 1 } } });
		const res = await createZafClientPort(fake.client).request({ url: "/api/v2/users/me.json" });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ user: { id: 1 } });
	});
});
