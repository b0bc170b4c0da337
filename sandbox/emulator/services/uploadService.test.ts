import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";

let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

const upload = (name: string, body: string | Uint8Array, token?: string, contentType = "text/plain") =>
	h.call("POST", `/api/v2/uploads.json?filename=${encodeURIComponent(name)}${token ? `&token=${token}` : ""}`, body, {
		headers: { "content-type": contentType },
	});
const contentPath = (url: string) => url.replace("http://emulator.test", "");

describe("uploads", () => {
	it("stores the raw body and answers 201 with a token and the attachment", async () => {
		const res = await upload("notes.txt", "hello world");
		expect(res.status).toBe(201);
		expect(res.json.upload.token).toMatch(/^[A-Za-z0-9]{25}$/);
		expect(res.json.upload.attachment).toMatchObject({ file_name: "notes.txt", content_type: "text/plain", size: 11 });
		expect(res.json.upload.attachments).toHaveLength(1);
	});

	it("serves the bytes at content_url from the request's host", async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
		const res = await upload("pixel.png", png, undefined, "image/png");
		const url: string = res.json.upload.attachment.content_url;
		expect(url.startsWith("http://emulator.test/attachments/token/")).toBe(true);
		const content = await h.call("GET", contentPath(url), undefined, { as: null });
		expect(content.status).toBe(200);
		expect(content.headers["content-type"]).toBe("image/png");
		expect([...(content.raw.body as Uint8Array)]).toEqual([...png]);
	});

	it("adds files to an existing token", async () => {
		const first = await upload("a.txt", "a");
		const second = await upload("b.txt", "b", first.json.upload.token);
		expect(second.json.upload.token).toBe(first.json.upload.token);
		expect(second.json.upload.attachments.map((a: { file_name: string }) => a.file_name)).toEqual(["a.txt", "b.txt"]);
	});

	it("refuses an unknown token with 404 and a missing filename with 400", async () => {
		expect((await upload("a.txt", "a", "nope")).status).toBe(404);
		expect((await h.call("POST", "/api/v2/uploads.json", "a")).status).toBe(400);
	});

	it("refuses files over the configured size limit with 413", async () => {
		h.emulator.controls.updateSettings({ uploadMaxBytes: 4 });
		expect((await upload("a.txt", "12345")).status).toBe(413);
		expect((await upload("a.txt", "1234")).status).toBe(201);
	});

	it("deletes an upload with 204, after which its token and bytes are gone", async () => {
		const res = await upload("a.txt", "a");
		const del = await h.call("DELETE", `/api/v2/uploads/${res.json.upload.token}.json`);
		expect(del.status).toBe(204);
		expect((await h.call("GET", contentPath(res.json.upload.attachment.content_url))).status).toBe(404);
		expect((await h.call("DELETE", `/api/v2/uploads/${res.json.upload.token}.json`)).status).toBe(404);
	});

	it("lets an unused token expire after 60 minutes", async () => {
		const res = await upload("a.txt", "a");
		h.clock.advance(59 * 60_000);
		expect((await upload("b.txt", "b", res.json.upload.token)).status).toBe(201);
		h.clock.advance(60_001);
		expect((await upload("c.txt", "c", res.json.upload.token)).status).toBe(404);
		expect((await h.call("GET", contentPath(res.json.upload.attachment.content_url))).status).toBe(404);
		const ticket = await h.call("POST", "/api/v2/tickets.json", {
			ticket: { comment: { body: "x", uploads: [res.json.upload.token] } },
		});
		expect(ticket.json.audit.events[0].attachments).toEqual([]);
	});

	it("attaches uploads to the first comment on create, once (tokens are single use)", async () => {
		const res = await upload("a.txt", "a");
		const token = res.json.upload.token;
		const created = await h.call("POST", "/api/v2/tickets.json", {
			ticket: { comment: { body: "see file", uploads: [token] } },
		});
		expect(created.json.audit.events[0].attachments.map((a: { file_name: string }) => a.file_name)).toEqual(["a.txt"]);
		const comments = await h.call("GET", `/api/v2/tickets/${created.json.ticket.id}/comments.json`);
		expect(comments.json.comments[0].attachments[0].file_name).toBe("a.txt");
		const again = await h.call("PUT", "/api/v2/tickets/1.json", {
			ticket: { comment: { body: "again", uploads: [token] } },
		});
		expect(again.json.audit.events[0].attachments).toEqual([]);
		expect((await h.call("GET", contentPath(res.json.upload.attachment.content_url))).status).toBe(200);
	});

	it("attaches on update only with a comment body; without one the token stays usable", async () => {
		const res = await upload("a.txt", "a");
		const token = res.json.upload.token;
		const noBody = await h.call("PUT", "/api/v2/tickets/1.json", { ticket: { comment: { uploads: [token] } } });
		expect(noBody.json.audit).toBeUndefined();
		const withBody = await h.call("PUT", "/api/v2/tickets/1.json", {
			ticket: { comment: { body: "file", uploads: [token, "unknown-token"] } },
		});
		expect(withBody.json.audit.events[0].attachments).toHaveLength(1);
	});

	it("seeds ticket 11 with two attachments whose bytes are served", async () => {
		const comments = await h.call("GET", "/api/v2/tickets/11/comments.json");
		const attachments = comments.json.comments[0].attachments;
		expect(attachments.map((a: { file_name: string }) => a.file_name)).toEqual(["crash.log", "screenshot.png"]);
		expect(attachments[1]).toMatchObject({ width: "1", height: "1", content_type: "image/png" });
		const log = await h.call("GET", contentPath(attachments[0].content_url), undefined, { as: null });
		expect(log.text).toContain("PrintSpooler");
	});
});
