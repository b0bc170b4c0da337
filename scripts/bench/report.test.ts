import { describe, expect, it } from "vitest";
import { stat } from "./report";

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
