import { afterEach, describe, expect, it, vi } from "vitest";
import { startAutoResize } from "./mount";
import type { ZafPort } from "../platform/zaf/port";

/** A ResizeObserver fake with real state: what it observes, and a way to report a new height. */
class FakeResizeObserver {
	static instances: FakeResizeObserver[] = [];
	observed: unknown[] = [];
	disconnected = false;
	constructor(private readonly callback: (entries: Array<{ borderBoxSize: Array<{ blockSize: number }> }>) => void) {
		FakeResizeObserver.instances.push(this);
	}
	observe(element: unknown) {
		this.observed.push(element);
	}
	disconnect() {
		this.disconnected = true;
	}
	report(height: number) {
		this.callback([{ borderBoxSize: [{ blockSize: height }] }]);
	}
}

/** A port that only records invocations (all resize needs). */
function recordingPort() {
	const invoked: Array<[string, unknown[]]> = [];
	const zaf = {
		invoke: async (name: string, ...args: unknown[]) => {
			invoked.push([name, args]);
		},
	} as unknown as ZafPort;
	return { zaf, invoked };
}

afterEach(() => {
	vi.unstubAllGlobals();
	FakeResizeObserver.instances = [];
});

describe("startAutoResize", () => {
	it("resizes the iframe to the rounded-up height, skipping zero and repeated heights", () => {
		vi.stubGlobal("ResizeObserver", FakeResizeObserver);
		const { zaf, invoked } = recordingPort();
		const element = {} as HTMLElement;
		startAutoResize(zaf, element);
		const observer = FakeResizeObserver.instances[0]!;
		expect(observer.observed).toEqual([element]);
		observer.report(0);
		observer.report(120.2);
		observer.report(121);
		observer.report(240);
		expect(invoked).toEqual([
			["resize", [{ width: "100%", height: "121px" }]],
			["resize", [{ width: "100%", height: "240px" }]],
		]);
	});

	it("stops observing when stopped", () => {
		vi.stubGlobal("ResizeObserver", FakeResizeObserver);
		const stop = startAutoResize(recordingPort().zaf, {} as HTMLElement);
		stop();
		expect(FakeResizeObserver.instances[0]?.disconnected).toBe(true);
	});

	it("resizes once from the measured height when ResizeObserver does not exist", () => {
		vi.stubGlobal("ResizeObserver", undefined);
		const { zaf, invoked } = recordingPort();
		startAutoResize(zaf, { getBoundingClientRect: () => ({ height: 80 }), scrollHeight: 0 } as unknown as HTMLElement);
		expect(invoked).toEqual([["resize", [{ width: "100%", height: "80px" }]]]);
	});
});
