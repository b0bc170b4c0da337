import { afterEach, describe, expect, it } from "vitest";
import type { PickedFile } from "./createFollowUpUploads";
import { setupFollowUp } from "../../testing/followUpTestSetup";

/**
 * An upload that timed out under an existing token may still have landed: retrying it under that
 * token would attach the file twice. Found while auditing write paths for issue 8.
 */
let world: ReturnType<typeof setupFollowUp>;
afterEach(() => world?.dispose());

const textFile = (name: string, text: string): PickedFile => {
	const bytes = new TextEncoder().encode(text);
	return { name, size: bytes.length, read: async () => bytes };
};

describe("follow-up attachments after an uncertain upload", () => {
	it("never attaches a file twice when an upload under the token timed out but landed", async () => {
		world = setupFollowUp({ requestTimeoutMs: 20 });
		const { model, emulator } = world;
		await model.load();
		model.start();
		model.edit(d => ({ ...d, comment: "Logs attached." }));
		await model.uploads.add([textFile("crash.log", "line 1\n")]);
		// The second file reaches Zendesk after the app stopped waiting for it.
		emulator.controls.addFault({ method: "POST", path: "/api/v2/uploads", delayMs: 60, times: 1 });
		await model.uploads.add([textFile("export.csv", "a,b\n")]);
		await new Promise(resolve => setTimeout(resolve, 100));
		const failed = model.uploads.items.value.find(item => item.state === "failed");
		if (failed) await model.uploads.retry(failed.localId);
		expect(model.uploads.items.value.map(item => item.state)).toEqual(["uploaded", "uploaded"]);
		await model.submit();
		const ticket = emulator.db.tickets.find(t => t.id > 15);
		const comment = emulator.db.comments.find(c => c.ticket_id === ticket?.id);
		const names = comment?.attachment_ids.map(id => emulator.db.attachments.find(a => a.id === id)?.file_name);
		expect(names?.sort()).toEqual(["crash.log", "export.csv"]);
	});
});
