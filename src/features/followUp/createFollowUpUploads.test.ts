import { afterEach, describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "./rules/attachments";
import type { PickedFile } from "./createFollowUpUploads";
import { createMemoryStorage } from "../../platform/storage/createDraftStore";
import { setupFollowUp } from "../../testing/followUpTestSetup";

let world: ReturnType<typeof setupFollowUp>;
afterEach(() => world?.dispose());

async function ready(options: Parameters<typeof setupFollowUp>[0] = {}) {
	world = setupFollowUp(options);
	await world.model.load();
	world.model.start();
	world.model.edit(d => ({ ...d, comment: "Logs attached." }));
	return world;
}

const textFile = (name: string, text: string): PickedFile => {
	const bytes = new TextEncoder().encode(text);
	return { name, size: bytes.length, read: async () => bytes };
};
const bytesFile = (name: string, bytes: number[]): PickedFile => ({
	name,
	size: bytes.length,
	read: async () => Uint8Array.from(bytes),
});
/** A file whose content must never be read (refused on name or size alone). */
const unreadable = (name: string, size: number): PickedFile => ({
	name,
	size,
	read: () => Promise.reject(new Error("read must not be called")),
});
const uploadPosts = () =>
	world.emulator.controls.requests().filter(r => r.method === "POST" && r.url.includes("/uploads"));
const states = () => world.model.uploads.items.value.map(i => `${i.name}:${i.state}`);

describe("follow-up attachments", () => {
	it("uploads several text files under one token and attaches them to the new ticket's first comment", async () => {
		const { model, emulator, newTickets } = await ready();
		await model.uploads.add([textFile("crash.log", "line 1\nline 2\n"), textFile("export.csv", "a,b\n1,2\n")]);
		expect(states()).toEqual(["crash.log:uploaded", "export.csv:uploaded"]);
		const token = model.draft.value?.uploadToken;
		expect(emulator.db.uploads.find(u => u.token === token)?.attachment_ids).toHaveLength(2);
		await model.submit();
		const comment = emulator.db.comments.find(c => c.ticket_id === newTickets()[0]?.id);
		const names = comment?.attachment_ids.map(id => emulator.db.attachments.find(a => a.id === id)?.file_name);
		expect(names).toEqual(["crash.log", "export.csv"]);
		const blob = emulator.db.blobs[String(comment?.attachment_ids[0])];
		expect(new TextDecoder().decode(blob)).toBe("line 1\nline 2\n");
	});

	it("uploads each file with the MIME type of its extension, which Zendesk keeps on the attachment", async () => {
		const { model, emulator } = await ready();
		const files = ["export.csv", "table.tsv", "config.yaml", "invite.ics", "notes.md", "crash.log"];
		await model.uploads.add(files.map(name => textFile(name, `content of ${name}\n`)));
		const token = model.draft.value?.uploadToken;
		const ids = emulator.db.uploads.find(u => u.token === token)?.attachment_ids ?? [];
		const stored = ids.map(id => emulator.db.attachments.find(a => a.id === id));
		expect(stored.map(a => `${a?.file_name} ${a?.content_type}`)).toEqual([
			"export.csv text/csv",
			"table.tsv text/tab-separated-values",
			"config.yaml application/yaml",
			"invite.ics text/calendar",
			"notes.md text/markdown",
			"crash.log text/plain",
		]);
		expect(model.draft.value?.uploads.map(u => u.contentType)).toEqual(stored.map(a => a?.content_type));
	});

	const refusals: Array<[name: string, file: PickedFile, code: string]> = [
		["an image by extension", unreadable("screenshot.png", 2000), "followUp.attachments.problemBinary"],
		["a PDF by extension", unreadable("manual.pdf", 2000), "followUp.attachments.problemBinary"],
		[
			"a binary disguised as text",
			bytesFile("notes.txt", [0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a]),
			"followUp.attachments.problemBinary",
		],
		["Latin-1 text", bytesFile("notes.txt", [0x47, 0x72, 0xfc, 0x65]), "followUp.attachments.problemBinary"],
		["an oversize file", unreadable("huge.log", MAX_ATTACHMENT_BYTES + 1), "followUp.attachments.problemTooLarge"],
		["an empty file", unreadable("empty.txt", 0), "followUp.attachments.problemEmpty"],
	];
	it.each(refusals)("refuses %s before uploading, with its reason", async (_name, file, code) => {
		const { model } = await ready();
		await model.uploads.add([file]);
		expect(model.uploads.items.value.map(i => [i.state, i.issue?.code])).toEqual([["refused", code]]);
		expect(uploadPosts()).toHaveLength(0);
		expect(model.draft.value?.uploadToken).toBeNull();
	});

	it("uploads a picked path or control characters under a safe base name, and says so", async () => {
		const { model, emulator, newTickets } = await ready();
		await model.uploads.add([
			textFile("../../x.txt", "one\n"),
			textFile("C:\\x\\y.txt", "two\n"),
			textFile("bad\nname.txt", "three\n"),
			textFile("plain.txt", "four\n"),
		]);
		expect(model.uploads.items.value.map(i => [i.name, i.pickedName, i.state])).toEqual([
			["x.txt", "../../x.txt", "uploaded"],
			["y.txt", "C:\\x\\y.txt", "uploaded"],
			["badname.txt", "bad\ufffdname.txt", "uploaded"],
			["plain.txt", undefined, "uploaded"],
		]);
		await model.submit();
		const comment = emulator.db.comments.find(c => c.ticket_id === newTickets()[0]?.id);
		const names = comment?.attachment_ids.map(id => emulator.db.attachments.find(a => a.id === id)?.file_name);
		expect(names).toEqual(["x.txt", "y.txt", "badname.txt", "plain.txt"]);
	});

	it("refuses a picked name with nothing usable left, without reading it", async () => {
		const { model } = await ready();
		await model.uploads.add([unreadable("../..", 10)]);
		expect(model.uploads.items.value.map(i => [i.name, i.state, i.issue?.code])).toEqual([
			["../..", "refused", "followUp.attachments.problemName"],
		]);
		expect(uploadPosts()).toHaveLength(0);
	});

	it("still creates the ticket after a refused file (refusals never block the form)", async () => {
		const { model, newTickets } = await ready();
		await model.uploads.add([unreadable("photo.jpg", 10)]);
		await model.submit();
		expect(newTickets()).toHaveLength(1);
	});

	it("removing one of two files deletes the token and uploads the other under a new one", async () => {
		const { model, emulator } = await ready();
		await model.uploads.add([textFile("a.txt", "A"), textFile("b.txt", "B")]);
		const oldToken = model.draft.value?.uploadToken;
		const first = model.uploads.items.value[0];
		await model.uploads.remove(first?.localId ?? "");
		expect(states()).toEqual(["b.txt:uploaded"]);
		expect(emulator.db.uploads.some(u => u.token === oldToken)).toBe(false);
		const newToken = model.draft.value?.uploadToken;
		const ids = emulator.db.uploads.find(u => u.token === newToken)?.attachment_ids ?? [];
		expect(ids.map(id => emulator.db.attachments.find(a => a.id === id)?.file_name)).toEqual(["b.txt"]);
		expect(model.draft.value?.uploads.map(u => u.name)).toEqual(["b.txt"]);
	});

	it("removing the last file deletes the upload and leaves no token", async () => {
		const { model, emulator } = await ready();
		await model.uploads.add([textFile("a.txt", "A")]);
		const token = model.draft.value?.uploadToken;
		await model.uploads.remove(model.uploads.items.value[0]?.localId ?? "");
		expect(model.draft.value?.uploadToken).toBeNull();
		expect(model.uploads.items.value).toEqual([]);
		expect(emulator.db.uploads.some(u => u.token === token)).toBe(false);
	});

	it("blocks creating while files upload, and again when the uploads have expired", async () => {
		const { model, clock, newTickets } = await ready();
		await model.uploads.add([textFile("a.txt", "A")]);
		clock.advance(61 * 60 * 1000);
		await model.submit();
		expect(model.issues.value.map(i => `${i.field}:${i.code}`)).toEqual(["attachments:followUp.issues.uploadsExpired"]);
		expect(newTickets()).toHaveLength(0);
		await model.uploads.reuploadAll();
		await model.submit();
		expect(model.status.value).toBe("created");
	});

	it("marks a file failed when Zendesk refuses it as too large, and lets it be retried", async () => {
		const { model, emulator } = await ready();
		emulator.controls.updateSettings({ uploadMaxBytes: 3 });
		await model.uploads.add([textFile("big.txt", "more than three bytes")]);
		expect(model.uploads.items.value.map(i => [i.state, i.issue?.code])).toEqual([
			["failed", "followUp.attachments.problemTooLarge"],
		]);
		emulator.controls.updateSettings({ uploadMaxBytes: 1000 });
		await model.uploads.retry(model.uploads.items.value[0]?.localId ?? "");
		expect(states()).toEqual(["big.txt:uploaded"]);
	});

	it("keeps uploaded files across a reload; one that must be re-sent then asks to be attached again", async () => {
		const storage = createMemoryStorage();
		const first = await ready({ storage });
		await first.model.uploads.add([textFile("a.txt", "A"), textFile("b.txt", "B")]);
		first.model.dispose();
		const second = first.make();
		await second.load();
		expect(second.uploads.items.value.map(i => `${i.name}:${i.state}`)).toEqual(["a.txt:uploaded", "b.txt:uploaded"]);
		await second.uploads.remove(second.uploads.items.value[0]?.localId ?? "");
		expect(second.uploads.items.value.map(i => [i.name, i.state, i.issue?.code])).toEqual([
			["b.txt", "lost", "followUp.attachments.lost"],
		]);
		second.dispose();
	});
});
