import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/errors";
import type { TicketField, TicketForm } from "../../api/types";
import { createMemoryStorage } from "./createDraftStore";
import { createFieldDefinitionsCache, FIELD_DEFINITIONS_KEY } from "./createFieldDefinitionsCache";

/** A fake API with real state: its answers and how often each list was requested. */
function fakeApi(options: { formsFail?: boolean; fieldsFailOnce?: boolean } = {}) {
	const calls = { fields: 0, forms: 0 };
	let failFields = options.fieldsFailOnce ?? false;
	const field = { id: 1, type: "text", title: "T", options: [] } as unknown as TicketField;
	const form = { id: 9, ticketFieldIds: [1], agentConditions: [] } as unknown as TicketForm;
	return {
		calls,
		api: {
			async listTicketFields() {
				calls.fields++;
				if (failFields) {
					failFields = false;
					throw new ApiError({ kind: "server", message: "boom", status: 503 });
				}
				return [field];
			},
			async listTicketForms() {
				calls.forms++;
				if (options.formsFail) throw new ApiError({ kind: "forbidden", message: "no forms", status: 403 });
				return [form];
			},
		},
	};
}

describe("createFieldDefinitionsCache", () => {
	it("loads once for concurrent and later callers", async () => {
		const { api, calls } = fakeApi();
		const cache = createFieldDefinitionsCache({ api });
		const [a, b] = await Promise.all([cache.get(), cache.get()]);
		await cache.get();
		expect(a).toBe(b);
		expect(calls).toEqual({ fields: 1, forms: 1 });
	});

	it("treats a refused forms request as no forms", async () => {
		const { api } = fakeApi({ formsFail: true });
		expect((await createFieldDefinitionsCache({ api }).get()).forms).toEqual([]);
	});

	it("does not cache a failure", async () => {
		const { api, calls } = fakeApi({ fieldsFailOnce: true });
		const cache = createFieldDefinitionsCache({ api });
		await expect(cache.get()).rejects.toMatchObject({ kind: "server" });
		expect((await cache.get()).fields).toHaveLength(1);
		expect(calls.fields).toBe(2);
	});

	it("reuses stored definitions in the next panel until they expire", async () => {
		const storage = createMemoryStorage();
		let now = 1000;
		const first = fakeApi();
		await createFieldDefinitionsCache({ api: first.api, storage, now: () => now }).get();
		const second = fakeApi();
		await createFieldDefinitionsCache({ api: second.api, storage, now: () => now, ttlMs: 5000 }).get();
		expect(second.calls.fields).toBe(0);
		now += 6000;
		await createFieldDefinitionsCache({ api: second.api, storage, now: () => now, ttlMs: 5000 }).get();
		expect(second.calls.fields).toBe(1);
	});

	it.each(["not json", JSON.stringify({ at: 1000, definitions: { fields: [{ id: "x" }], forms: [] } })])(
		"ignores stored garbage %#",
		async raw => {
			const storage = createMemoryStorage();
			storage.setItem(FIELD_DEFINITIONS_KEY, raw);
			const { api, calls } = fakeApi();
			await createFieldDefinitionsCache({ api, storage, now: () => 1000 }).get();
			expect(calls.fields).toBe(1);
		},
	);

	it("loads again after invalidate", async () => {
		const { api, calls } = fakeApi();
		const cache = createFieldDefinitionsCache({ api });
		await cache.get();
		cache.invalidate();
		await cache.get();
		expect(calls.fields).toBe(2);
	});
});
