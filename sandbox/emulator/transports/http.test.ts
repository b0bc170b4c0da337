import { request as httpRequest } from "node:http";
import zendesk from "node-zendesk";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "./http";

let running: RunningEmulator | undefined;
afterEach(async () => {
	await running?.close();
	running = undefined;
});

const auth = { authorization: `Basic ${Buffer.from("admin@example.com/token:sandbox").toString("base64")}` };

describe("HTTP transport", () => {
	it("serves the API on a free port with URLs built from the Host header", async () => {
		running = await startEmulator({ port: 0 });
		expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const res = await fetch(`${running.url}/api/v2/tickets/1.json`, { headers: auth });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { ticket: { url: string } };
		expect(body.ticket.url).toBe(`${running.url}/api/v2/tickets/1.json`);
		expect(res.headers.get("x-rate-limit")).toBe("700");
	});

	it("takes raw upload bodies and serves them back at content_url", async () => {
		running = await startEmulator({ port: 0 });
		const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
		const up = await fetch(`${running.url}/api/v2/uploads.json?filename=blob.bin`, {
			method: "POST",
			headers: { ...auth, "content-type": "application/binary" },
			body: bytes,
		});
		const { upload } = (await up.json()) as { upload: { attachment: { content_url: string; size: number } } };
		expect(upload.attachment.size).toBe(6);
		expect(upload.attachment.content_url.startsWith(running.url)).toBe(true);
		const content = await fetch(upload.attachment.content_url);
		expect([...new Uint8Array(await content.arrayBuffer())]).toEqual([...bytes]);
	});

	it("destroys the socket for a dropped fault", async () => {
		running = await startEmulator({ port: 0 });
		running.emulator.controls.addFault({ path: "/api/v2/tickets/1", drop: true, times: 1 });
		await expect(fetch(`${running.url}/api/v2/tickets/1.json`, { headers: auth })).rejects.toThrow();
		expect((await fetch(`${running.url}/api/v2/tickets/1.json`, { headers: auth })).status).toBe(200);
	});

	it("streams changes as Server-Sent Events", async () => {
		running = await startEmulator({ port: 0 });
		const url = new URL(`${running.url}/__sandbox/events`);
		const received: string[] = [];
		const done = new Promise<void>((resolve, reject) => {
			const req = httpRequest(url, res => {
				expect(res.headers["content-type"]).toBe("text/event-stream");
				res.setEncoding("utf8");
				res.on("data", (chunk: string) => {
					received.push(chunk);
					if (received.join("").includes('"type":"ticket"')) {
						req.destroy();
						resolve();
					}
				});
				void fetch(`${running!.url}/__sandbox/act-as`, {
					method: "POST",
					headers: { "content-type": "application/json" },
					body: JSON.stringify({ ticketId: 2 }),
				});
			});
			req.on("error", reject);
			req.end();
		});
		await done;
		expect(received.join("")).toContain('data: {"type":"ticket","id":2,"actorId":1003}');
	});

	it("answers sandbox controls over HTTP without credentials", async () => {
		running = await startEmulator({ port: 0, world: "empty" });
		const worlds = (await (await fetch(`${running.url}/__sandbox/worlds`)).json()) as { current: string };
		expect(worlds.current).toBe("empty");
		const reset = await fetch(`${running.url}/__sandbox/reset`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ world: "default" }),
		});
		expect(reset.status).toBe(200);
		expect(running.emulator.worldName).toBe("default");
	});
});

describe("a real Zendesk client (node-zendesk) against the HTTP emulator", () => {
	it("creates, shows and updates tickets and follows a job to completion", async () => {
		running = await startEmulator({ port: 0, settings: { jobStepMs: 5 } });
		const client = zendesk.createClient({
			username: "agent@example.com",
			token: "sandbox",
			endpointUri: `${running.url}/api/v2`,
		});
		const created = await client.tickets.create({
			ticket: { subject: "From node-zendesk", comment: { body: "Hello" } },
		} as never);
		expect((created.response as Response).status).toBe(201);
		const id = (created.result as { id: number }).id;
		const shown = await client.tickets.show(id);
		expect((shown.result as { subject: string }).subject).toBe("From node-zendesk");
		// node-zendesk's typings want full comment objects; the wire accepts `{body, public}`.
		const updated = await client.tickets.update(id, {
			ticket: { priority: "high", comment: { body: "Updated", public: false } },
		} as never);
		expect((updated.result as { priority: string }).priority).toBe("high");
		const many = await client.tickets.createMany({
			tickets: [{ comment: { body: "a" } }, { comment: { body: "b" } }],
		} as never);
		const jobId = (many.result as unknown as { job_status: { id: string } }).job_status.id;
		const finished = await client.jobstatuses.watch(jobId, 20, 50);
		expect((finished as unknown as { status: string }).status).toBe("completed");
		const job = await client.jobstatuses.show(jobId);
		// node-zendesk leaves `{job_status}` wrapped (its watch() unwraps it the same way).
		expect((job.result as { job_status: { results: unknown[] } }).job_status.results).toHaveLength(2);
		await expect(client.tickets.update(7, { ticket: { priority: "low" } })).rejects.toThrow(/422/);
	});
});
