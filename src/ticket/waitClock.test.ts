import { afterEach, describe, expect, it, vi } from "vitest";
import { createWaitClock, secondsLeft, type Wait } from "./waitClock";

afterEach(() => {
	vi.useRealTimers();
});

/** A clock over a time the test sets, with fake timers so its ticks run when the test says. */
function setup() {
	vi.useFakeTimers();
	let time = 1_000_000;
	const clock = createWaitClock(() => time);
	const advance = (ms: number) => {
		time += ms;
		vi.advanceTimersByTime(ms);
	};
	return { clock, advance, at: (ms: number) => time + ms };
}

describe("createWaitClock", () => {
	it("refreshes its time when a wait is shown and ticks while it is, then stops", () => {
		const { clock, advance, at } = setup();
		const wait: Wait = { until: at(30_000), reason: "rate_limited" };
		const release = clock.show(wait);
		expect(secondsLeft(wait.until, clock.now.value)).toBe(30);
		advance(1_000);
		expect(secondsLeft(wait.until, clock.now.value)).toBe(29);
		release();
		const stopped = clock.now.value;
		advance(5_000);
		expect(clock.now.value).toBe(stopped);
	});

	it("announces a wait once however many places show it, with the seconds when it began", () => {
		const { clock, advance, at } = setup();
		const wait: Wait = { until: at(20_000), reason: "rate_limited" };
		const first = clock.show(wait);
		advance(2_000);
		const second = clock.show({ ...wait });
		expect(clock.announced.value).toEqual({ wait, seconds: 20 });
		first();
		expect(clock.announced.value).toEqual({ wait, seconds: 20 });
		second();
		expect(clock.announced.value).toBeNull();
	});

	it("announces the next wait anew, and a release called twice counts once", () => {
		const { clock, at } = setup();
		const first = clock.show({ until: at(5_000), reason: "retry" });
		const other = clock.show({ until: at(5_000), reason: "retry" });
		first();
		first();
		expect(clock.announced.value?.seconds).toBe(5);
		other();
		const next: Wait = { until: at(12_000), reason: "rate_limited" };
		clock.show(next);
		expect(clock.announced.value).toEqual({ wait: next, seconds: 12 });
	});
});

describe("secondsLeft", () => {
	it.each([
		[10_000, 0, 10],
		[10_001, 0, 11],
		[0, 500, 0],
	])("counts %i ms from %i as %i s", (until, now, seconds) => {
		expect(secondsLeft(until, now)).toBe(seconds);
	});
});
