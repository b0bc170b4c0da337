import { describe, expect, it } from "vitest";
import { hasPath, missingReads, recordReads } from "./recordReads";

describe("recordReads", () => {
	it("records nested keys, array items as [] and enumerated maps as *", () => {
		const body = { a: { b: [{ c: 1 }, { d: 2 }] }, details: { email: [{ description: "x" }] } };
		const paths = recordReads(body, raw => {
			const r = raw as typeof body & { nope?: unknown };
			r.a.b.map(item => ("c" in item ? item.c : null));
			void r.nope;
			for (const [, list] of Object.entries(r.details)) void list[0]?.description;
		});
		expect([...paths].sort()).toEqual([
			"a",
			"a.b",
			"a.b[].c",
			"details",
			"details.*",
			"details.*[].description",
			"nope",
		]);
	});

	it("does not break the reader's view of the values", () => {
		const body = { list: [1, 2, 3], name: "x" };
		let seen: unknown;
		recordReads(body, raw => {
			const r = raw as typeof body;
			seen = { isArray: Array.isArray(r.list), sum: r.list.reduce((s, n) => s + n, 0), name: r.name };
		});
		expect(seen).toEqual({ isArray: true, sum: 6, name: "x" });
	});

	it("survives a non-object body", () => {
		expect([...recordReads("text", () => {})]).toEqual([]);
		expect([...recordReads(null, () => {})]).toEqual([]);
	});
});

describe("hasPath", () => {
	it.each<[path: string, expected: boolean]>([
		["events", true],
		["events[].recipients", true],
		["events[].subject", false],
		["meta.has_more", true],
		["meta.after_cursor", false],
		["details.*[].error", true],
		["events[].via.source.rel", true],
	])("%s → %s", (path, expected) => {
		const value = {
			events: [{ type: "Create" }, { type: "Notification", recipients: [1], via: { source: { rel: "trigger" } } }],
			meta: { has_more: false },
			details: { email: [{ error: "InvalidValue" }] },
		};
		expect(hasPath(value, path)).toBe(expected);
	});
});

describe("missingReads", () => {
	it("lists keys the reader reads that the real body has and the other lacks, ignoring keys the reader skips", () => {
		const real = { user: { id: 1, photo: { content_url: "https://x" }, notes: "" } };
		const emulated = { user: { id: 2, photo: null } };
		const read = (raw: unknown) => {
			const u = (raw as typeof real).user;
			void u.id;
			void (u.photo as { content_url?: string } | null)?.content_url;
		};
		expect(missingReads(real, emulated, read)).toEqual(["user.photo.content_url"]);
	});
});
