import { describe, expect, it } from "vitest";
import { appRequests, countByMethod, requestLabel, settledAppRequests, type LoggedRequest } from "./requests";
import { featureBreakdown, featureOf } from "./sizes";
import { stat } from "./report";

const entry = (seq: number, method: string, url: string, client?: string): LoggedRequest => ({
	seq,
	method,
	url,
	status: 200,
	...(client === undefined ? {} : { client }),
});

describe("benchmark statistics", () => {
	it.each([
		[[3, 1, 2], 2, 1, 3],
		[[4, 1, 3, 2], 2.5, 1, 4],
		[[7], 7, 7, 7],
	])("takes the median of %j", (values, median, min, max) => {
		expect(stat(values)).toMatchObject({ median, min, max, missing: 0 });
	});

	it("leaves marks that were never reached out of the median and counts them", () => {
		expect(stat([null, 10, null, 30])).toMatchObject({ median: 20, missing: 2, samples: [10, 30] });
		expect(stat([null])).toMatchObject({ median: null, min: null, max: null, missing: 1 });
	});
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

describe("bundle breakdown by feature", () => {
	it.each([
		["node_modules/preact/dist/preact.mjs", "framework (preact, signals)"],
		["node_modules/@preact/signals-core/dist/signals-core.module.js", "framework (preact, signals)"],
		["translations/en.json", "English UI strings"],
		["src/ui/models/createFollowUpModel.ts", "follow-up"],
		["src/ui/components/PersonPicker.tsx", "people"],
		["src/domain/fieldCoercion.ts", "fields"],
		["src/ui/components/AuditHistory.tsx", "metadata + audit history"],
		["src/ui/mount.tsx", "shell, API client, shared"],
	])("puts %s under %s", (input, feature) => {
		expect(featureOf(input)).toBe(feature);
	});

	it("splits each JS output's gzip size pro rata over its inputs", () => {
		const metafile = {
			outputs: {
				"dist/assets/main.js": {
					inputs: { "src/ui/mount.tsx": { bytesInOutput: 300 }, "src/domain/peopleCap.ts": { bytesInOutput: 100 } },
				},
				"dist/assets/main.css": { inputs: { "src/ui/styles/main.css": { bytesInOutput: 50 } } },
			},
		};
		const files = [{ file: "assets/main.js", raw: 400, gzip: 200 }];
		expect(featureBreakdown(metafile, files)).toEqual([
			{ feature: "shell, API client, shared", minified: 300, gzipEstimate: 150 },
			{ feature: "people", minified: 100, gzipEstimate: 50 },
		]);
	});
});
