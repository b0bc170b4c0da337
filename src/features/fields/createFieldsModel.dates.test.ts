import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStorage, type StorageLike } from "../../platform/storage/createDraftStore";
import { createTestTicket } from "../../testing/ticketTestSetup";
import { createFieldsModel } from "./createFieldsModel";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

/** Ticket 2 of the default world: "Purchase date" (5105) holds 2024-12-19. */
const TICKET = 2;
const DATE = 5105;

async function setup(storage: StorageLike = createMemoryStorage()) {
	const world = createTestTicket({ ticketId: TICKET, storage });
	const { store, drafts, definitions, metadata, emulator } = world;
	const model = createFieldsModel({ ticket: store, drafts, definitions, metadata });
	cleanups.push(() => {
		model.dispose();
		world.dispose();
	});
	await model.load();
	emulator.controls.clearRequests();
	const puts = () => emulator.controls.requests().filter(r => r.method === "PUT");
	const stored = () => emulator.db.tickets.find(t => t.id === TICKET)?.field_values[String(DATE)];
	return { model, puts, stored };
}

describe("fields model with a date the browser could not read (30 February in a date picker)", () => {
	it("refuses the save with a message on the field, sends nothing and keeps the draft", async () => {
		const { model, puts, stored } = await setup();
		// What a native date input reports for 2025-02-30: an empty value and validity.badInput.
		model.edit(DATE, "", true);
		expect(await model.save()).toBe("invalid");
		expect(puts()).toHaveLength(0);
		expect(stored()).toBe("2024-12-19");
		expect(model.issues.value).toEqual([{ field: `field.${DATE}`, code: "fields.issues.dateUnreadable" }]);
		expect(Object.keys(model.drafts.value)).toEqual([String(DATE)]);
	});

	it("keeps the mark while the input stays unreadable, and drops it with the first readable value", async () => {
		const { model } = await setup();
		model.edit(DATE, "", true);
		model.edit(DATE, "", true);
		expect(model.drafts.value[String(DATE)]).toEqual({ value: "", base: "2024-12-19", unreadable: true });
		model.edit(DATE, "2024-12-19");
		expect(model.drafts.value[String(DATE)]).toEqual({ value: "2024-12-19", base: "2024-12-19" });
	});

	it("saves once the agent types a real date", async () => {
		const { model, puts, stored } = await setup();
		model.edit(DATE, "", true);
		model.edit(DATE, "2025-02-28");
		expect(await model.save()).toBe("saved");
		expect(puts()).toHaveLength(1);
		expect(stored()).toBe("2025-02-28");
		expect(model.issues.value).toEqual([]);
	});

	it("shows the problem again at once after a reload, and still refuses to clear the field", async () => {
		const storage = createMemoryStorage();
		const first = await setup(storage);
		first.model.edit(DATE, "", true);
		const second = await setup(storage);
		expect(second.model.issues.value.map(issue => issue.code)).toEqual(["fields.issues.dateUnreadable"]);
		expect(await second.model.save()).toBe("invalid");
		expect(second.stored()).toBe("2024-12-19");
	});

	it("names the impossible part of a typed date", async () => {
		const { model, puts } = await setup();
		model.edit(DATE, "2025-02-30");
		expect(await model.save()).toBe("invalid");
		expect(model.issues.value).toEqual([
			{
				field: `field.${DATE}`,
				code: "fields.issues.dateNoSuchDay",
				vars: { value: "2025-02-30", day: 30, month: "02", year: "2025", days: 28 },
			},
		]);
		expect(puts()).toHaveLength(0);
	});
});
