import { describe, expect, it } from "vitest";
import { appRequests, countByMethod, requestLabel, settledAppRequests, type LoggedRequest } from "./requests";

const entry = (seq: number, method: string, url: string, client?: string): LoggedRequest => ({
	seq,
	method,
	url,
	status: 200,
	...(client === undefined ? {} : { client }),
});

describe("counting the app's requests", () => {
	it("leaves the host's own reads out and counts by method", () => {
		const log = [
			entry(1, "GET", "/api/v2/tickets/1.json?include=users,groups", "host"),
			entry(2, "GET", "/api/v2/tickets/1.json?include=users", "app"),
			entry(3, "PUT", "/api/v2/tickets/1.json"),
		];
		expect(appRequests(log).map(e => e.seq)).toEqual([2, 3]);
		expect(countByMethod(appRequests(log))).toEqual({ GET: 1, PUT: 1 });
	});

	it("labels requests without .json and with a readable query", () => {
		expect(requestLabel(entry(1, "GET", "/api/v2/users/show_many.json?ids=1%2C2"))).toBe(
			"GET /api/v2/users/show_many?ids=1,2",
		);
		expect(requestLabel(entry(1, "PUT", "/api/v2/tickets/7.json"))).toBe("PUT /api/v2/tickets/7");
	});

	it("waits until no request has arrived for the quiet period", async () => {
		const log: LoggedRequest[] = [entry(1, "GET", "/a")];
		setTimeout(() => log.push(entry(2, "GET", "/b")), 60);
		const settled = await settledAppRequests(() => log, { quietMs: 150 });
		expect(settled.map(e => e.seq)).toEqual([1, 2]);
	});

	it("gives up when the app never goes quiet", async () => {
		let seq = 0;
		const log: LoggedRequest[] = [];
		const timer = setInterval(() => log.push(entry(++seq, "GET", "/poll")), 20);
		await expect(settledAppRequests(() => log, { quietMs: 100, timeoutMs: 300 })).rejects.toThrow(/kept sending/);
		clearInterval(timer);
	});
});
