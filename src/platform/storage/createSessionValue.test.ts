import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { createMemoryStorage } from "./createDraftStore";
import { createSessionValue } from "./createSessionValue";

const isNumberList = (value: unknown): value is number[] =>
	Array.isArray(value) && value.every(item => typeof item === "number");

/** A loader with real state: how often it ran, and whether the next run fails. */
function loader(value: number[] = [1, 2]) {
	const state = { calls: 0, failNext: false };
	return {
		state,
		async load() {
			state.calls++;
			if (state.failNext) {
				state.failNext = false;
				throw new ApiError({ kind: "server", message: "boom", status: 503 });
			}
			return value;
		},
	};
}

describe("createSessionValue", () => {
	it("loads once for concurrent and later callers of one panel", async () => {
		const source = loader();
		const value = createSessionValue({ key: "k", load: source.load, isValid: isNumberList });
		const [a, b] = await Promise.all([value.get(), value.get()]);
		await value.get();
		expect(a).toEqual([1, 2]);
		expect(b).toBe(a);
		expect(source.state.calls).toBe(1);
	});

	it("lets the next panel of the session reuse the stored value until it expires", async () => {
		const storage = createMemoryStorage();
		let now = 1_000;
		const first = loader();
		await createSessionValue({ key: "k", load: first.load, isValid: isNumberList, storage, now: () => now }).get();
		const second = loader([9]);
		const next = () =>
			createSessionValue({ key: "k", load: second.load, isValid: isNumberList, storage, now: () => now, ttlMs: 500 });
		now += 400;
		expect(await next().get()).toEqual([1, 2]);
		now += 200;
		expect(await next().get()).toEqual([9]);
		expect(second.state.calls).toBe(1);
	});

	it("ignores a stored value of the wrong shape, or from the future", async () => {
		const storage = createMemoryStorage();
		storage.setItem("k", JSON.stringify({ at: 1_000, value: ["not", "numbers"] }));
		const source = loader();
		expect(
			await createSessionValue({ key: "k", load: source.load, isValid: isNumberList, storage, now: () => 1_000 }).get(),
		).toEqual([1, 2]);
		storage.setItem("k", JSON.stringify({ at: 5_000, value: [7] }));
		expect(
			await createSessionValue({ key: "k", load: source.load, isValid: isNumberList, storage, now: () => 1_000 }).get(),
		).toEqual([1, 2]);
		expect(source.state.calls).toBe(2);
	});

	it("keeps nothing after a failed load, so the next get() asks again", async () => {
		const storage = createMemoryStorage();
		const source = loader();
		source.state.failNext = true;
		const value = createSessionValue({ key: "k", load: source.load, isValid: isNumberList, storage });
		await expect(value.get()).rejects.toMatchObject({ kind: "server" });
		expect(storage.getItem("k")).toBeNull();
		expect(await value.get()).toEqual([1, 2]);
	});

	it("works without storage, and when storage throws", async () => {
		const throwing = {
			getItem: () => {
				throw new Error("denied");
			},
			setItem: () => {
				throw new Error("denied");
			},
			removeItem: () => {
				throw new Error("denied");
			},
		};
		const source = loader();
		const value = createSessionValue({ key: "k", load: source.load, isValid: isNumberList, storage: throwing });
		expect(await value.get()).toEqual([1, 2]);
		expect(await value.get()).toEqual([1, 2]);
		expect(source.state.calls).toBe(1);
	});
});
