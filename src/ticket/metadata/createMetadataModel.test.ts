import { describe, expect, it } from "vitest";
import { createDraftStore, createMemoryStorage } from "../../platform/storage/createDraftStore";
import { createMetadataModel } from "./createMetadataModel";

function setup(defaultSetting: unknown = undefined, storage = createMemoryStorage()) {
	const drafts = createDraftStore(storage, 7, 42);
	return { model: createMetadataModel({ drafts, defaultSetting }), storage, drafts };
}

describe("createMetadataModel", () => {
	it("counts the exact UTF-8 bytes of the JSON that would be sent, defaults included", () => {
		const { model } = setup('{"source":"app"}');
		expect(model.bytes.value).toBe(16);
		model.setKey(0, "é");
		model.setValue(0, "€");
		expect(model.pending.value).toEqual({ source: "app", é: "€" });
		expect(model.bytes.value).toBe(new TextEncoder().encode(JSON.stringify({ source: "app", é: "€" })).length);
	});

	it("attaches defaults and rows to a real change, and clears only the agent's rows once an audit exists", () => {
		const { model, storage } = setup('{"source":"app"}');
		model.setKey(0, "time");
		model.setValue(0, "4m");
		expect(storage.size).toBe(1);
		const attached = model.attach({ status: "pending" });
		expect(attached).toEqual({ ok: true, update: { status: "pending", metadata: { source: "app", time: "4m" } } });
		model.saved({ id: 99 });
		expect(model.rows.value).toEqual([]);
		expect(storage.size).toBe(0);
		expect(model.status.value).toEqual({ kind: "attached", auditId: 99, keys: ["source", "time"] });
		expect(model.pending.value).toEqual({ source: "app" });
	});

	it("keeps the rows when Zendesk created no audit", () => {
		const { model } = setup();
		model.setKey(0, "k");
		model.setValue(0, "v");
		model.attach({ status: "open" });
		model.saved(null);
		expect(model.rows.value).toEqual([{ key: "k", value: "v" }]);
		expect(model.status.value).toEqual({ kind: "notStored" });
	});

	it("keeps rows edited while the save was in flight", () => {
		const { model } = setup();
		model.setKey(0, "k");
		model.setValue(0, "v");
		model.attach({ status: "open" });
		model.setValue(0, "v2");
		model.saved({ id: 1 });
		expect(model.rows.value).toEqual([{ key: "k", value: "v2" }]);
	});

	it("refuses metadata alone, and does not refuse an update without agent metadata", () => {
		const { model } = setup('{"source":"app"}');
		expect(model.attach({ safe_update: true })).toEqual({ ok: true, update: { safe_update: true } });
		model.setKey(0, "k");
		model.setValue(0, "v");
		expect(model.attach({ safe_update: true })).toEqual({
			ok: false,
			issues: [{ field: "metadata", code: "metadata.issues.metadataOnly" }],
		});
		expect(model.status.value).toEqual({ kind: "refused" });
	});

	it("refuses to attach invalid or oversized rows", () => {
		const { model } = setup();
		model.setKey(0, "a");
		model.setValue(0, "1");
		model.setKey(1, "a");
		model.setValue(1, "2");
		const refused = model.attach({ status: "open" });
		expect(refused.ok).toBe(false);
		model.removeRow(1);
		model.setValue(0, "x".repeat(2000));
		expect(model.attach({ status: "open" })).toMatchObject({
			ok: false,
			issues: [{ code: "metadata.issues.tooLarge" }],
		});
	});

	it("reports an invalid admin setting and attaches no defaults", () => {
		const { model } = setup("{not json");
		expect(model.defaults.value).toEqual({});
		expect(model.issues.value).toEqual([{ field: "metadataDefaults", code: "metadata.issues.defaultsInvalidJson" }]);
		expect(
			createMetadataModel({ drafts: setup().drafts, defaultSetting: {}, defaultSettingInvalid: true }).issues.value,
		).toEqual([{ field: "metadataDefaults", code: "metadata.issues.defaultsNotObject" }]);
	});

	it("restores the rows of the same agent and ticket, and ignores a corrupt draft", () => {
		const storage = createMemoryStorage();
		setup(undefined, storage).model.setKey(0, "kept");
		expect(setup(undefined, storage).model.rows.value).toEqual([{ key: "kept", value: "" }]);
		const drafts = createDraftStore(storage, 7, 42);
		drafts.save("metadata", [{ key: 5, value: null }]);
		expect(createMetadataModel({ drafts, defaultSetting: undefined }).rows.value).toEqual([]);
	});

	it("clears Zendesk's own refusal on the next edit", () => {
		const { model } = setup();
		model.setRemoteIssues([{ field: "metadata", code: "metadata.issues.rejected", vars: { description: "x" } }]);
		expect(model.issues.value).toHaveLength(1);
		model.addRow();
		expect(model.issues.value).toEqual([]);
	});
});
