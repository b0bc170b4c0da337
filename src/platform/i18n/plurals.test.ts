import { describe, expect, it } from "vitest";
import { bundle } from "../../testing/panelTestSetup";
import { createTranslator } from "./createTranslator";

/** Countdowns and counts read right for one and for many, in every shipped language. */
describe("plural strings", () => {
	it.each([
		["en", "in 1 second.", "in 5 seconds."],
		["de", "in 1 Sekunde von", "in 5 Sekunden von"],
		["fr", "dans 1 seconde.", "dans 5 secondes."],
	])("%s: the retry announcement says one second, or several", (locale, one, many) => {
		const { t } = createTranslator(locale, { en: bundle("en"), [locale]: bundle(locale) });
		expect(t("conflict.status.announceRetrying", { seconds: 1, count: 1 })).toContain(one);
		expect(t("conflict.status.announceRateLimited", { seconds: 5, count: 5 })).toContain(many);
	});

	it("counts finished bulk tickets in the singular and the plural", () => {
		const { t } = createTranslator("en", { en: bundle("en") });
		expect(t("bulk.progress.finished", { count: 1 })).toBe("Done: 1 ticket.");
		expect(t("bulk.progress.finished", { count: 3 })).toBe("Done: 3 tickets.");
	});
});
