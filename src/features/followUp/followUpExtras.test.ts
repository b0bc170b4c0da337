import { afterEach, describe, expect, it } from "vitest";
import { createDraftStore, createMemoryStorage } from "../../platform/storage/createDraftStore";
import { AGENT_ID, settle, setupFollowUp } from "../../testing/followUpTestSetup";
import { FOLLOW_UP_DRAFT_SECTION } from "../../shared/draftSections";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function world(options: Parameters<typeof setupFollowUp>[0] = {}) {
	const w = setupFollowUp({ ticketId: 2, ...options });
	cleanups.push(() => w.dispose());
	const fieldReads = () => w.emulator.controls.requests().filter(r => r.url.startsWith("/api/v2/ticket_fields"));
	return { ...w, fieldReads };
}

describe("follow-up extras: the titles of the custom fields offered for copying", () => {
	it("are not asked for at panel open, only once the follow-up form opens, and then once", async () => {
		const { model, fieldReads } = world();
		await model.load();
		await settle();
		expect(model.draft.value?.customFields.length).toBeGreaterThan(0);
		expect(fieldReads()).toHaveLength(0);
		expect(model.fields.value.size).toBe(0);
		model.start();
		await settle();
		expect(fieldReads()).toHaveLength(1);
		expect(model.fields.value.get(5101)?.title).toBe("Order number");
		model.start();
		await settle();
		expect(fieldReads()).toHaveLength(1);
	});

	it("are asked for at load when a follow-up draft was left open in this panel before", async () => {
		const storage = createMemoryStorage();
		const first = world({ storage });
		await first.model.load();
		first.model.start();
		await settle();
		expect(createDraftStore(storage, AGENT_ID, 2).load(FOLLOW_UP_DRAFT_SECTION, v => v !== undefined)).toBeDefined();
		const reopened = world({ storage });
		await reopened.model.load();
		await settle();
		expect(reopened.fieldReads()).toHaveLength(1);
		expect(reopened.model.fields.value.get(5101)?.title).toBe("Order number");
	});
});
