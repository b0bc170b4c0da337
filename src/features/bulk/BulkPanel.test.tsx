// @vitest-environment happy-dom
import { useEffect, useMemo } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import { useApi, useEnv, useStorage, useZaf } from "../../platform/context";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { renderPanel, until } from "../../testing/panelTestSetup";
import { useTicket } from "../../ticket/TicketProvider";
import { RelatedTicketsPanel } from "./BulkPanel";
import { createBulkModel, type BulkModel } from "./createBulkModel";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/**
 * The related-tickets panel of problem 14 over the emulator, built as `BulkPanel` builds it, with
 * the run's time in the test's hands: waits of 10 s or more (a 429's Retry-After) are held until
 * `release()`, shorter ones (job polls) pass at once; the panel's clock and the run read `time`.
 */
async function setup() {
	const held: Array<() => void> = [];
	let time = Date.now();
	const sleep = (ms: number) =>
		new Promise<void>(resolve => (ms >= 10_000 ? held.push(resolve) : setTimeout(resolve, 1)));
	let model: BulkModel | null = null;
	function Harness() {
		const env = useEnv();
		const [api, zaf, { local }, core] = [useApi(), useZaf(), useStorage(), useTicket()];
		const built = useMemo(
			() =>
				createBulkModel({
					api,
					zaf,
					ticket: core.store,
					metadata: core.metadata,
					definitions: core.definitions,
					drafts: createDraftStore(local, env.currentUser.id, env.ticketId ?? undefined),
					sleep,
					now: () => time,
					random: () => 0,
				}),
			[],
		);
		useEffect(() => {
			model = built;
			void built.open();
			return () => built.dispose();
		}, [built]);
		return <RelatedTicketsPanel model={built} />;
	}
	const { emulator, container, t, dispose } = renderPanel(<Harness />, {
		ticketId: 14,
		emulatorSettings: { jobStepMs: 1 },
		timing: { now: () => time },
	});
	cleanups.push(() => {
		held.splice(0).forEach(wake => wake());
		dispose();
	});
	await until(() => container.querySelector(".zd-bulk__list") !== null, "the related tickets", 400);
	if (model === null) throw new Error("no model");
	const advance = (ms: number) => void (time += ms);
	const release = () => held.splice(0).forEach(wake => wake());
	return { emulator, container, t, model: model as BulkModel, held, advance, release };
}

describe("RelatedTicketsPanel", () => {
	it("counts a bulk run's 429 down beside Apply, outside its progress line, then finishes by itself", async () => {
		const { emulator, container, t, model, held, advance, release } = await setup();
		emulator.controls.addFault({
			method: "PUT",
			path: "/api/v2/tickets/update_many",
			status: 429,
			retryAfter: 12,
			times: 1,
		});
		for (const id of [11, 12, 15]) model.toggle(id);
		model.edit({ tagsAdd: "slowed" });
		const apply = () =>
			[...container.querySelectorAll("button")].find(b => b.textContent?.trim() === t("bulk.apply", { count: 3 }));
		await until(() => apply()?.disabled === false, "Apply", 400);
		apply()?.click();
		await until(() => held.length === 1, "the run to wait", 400);
		const notice = () => container.querySelector<HTMLElement>('.zd-bulk__apply [data-testid="wait-notice"]');
		await until(() => notice() !== null, "the countdown beside Apply", 400);
		expect(notice()?.textContent).toBe(t("conflict.status.rateLimited", { seconds: 12, count: 12 }));
		// The progress line is a live region: it stays quiet rather than read a number every second.
		const progress = container.querySelector('.zd-bulk__apply [role="status"]');
		expect(progress?.textContent).toBe("");
		expect(notice()?.closest('[aria-live], [role="status"]')).toBeNull();
		advance(11_000);
		await until(() => notice()?.dataset.seconds === "1", "the last second", 400);
		expect(notice()?.textContent).toBe(t("conflict.status.rateLimited", { seconds: 1, count: 1 }));
		release();
		await until(() => progress?.textContent === t("bulk.progress.finished", { count: 3 }), "the end of the run", 600);
		expect(notice()).toBeNull();
		for (const id of [11, 12, 15]) expect(emulator.db.tickets.find(x => x.id === id)?.tags).toContain("slowed");
	});
});
