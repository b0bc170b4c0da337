import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServer, startAppServer, type AppServer } from "./appServer";
import { CDN_SDK_URL, LOCAL_SDK_PATH } from "./sdkBundle";
import { startWorkspaceServer, type WorkspaceServer } from "./workspaceServer";

const PROBE = fileURLToPath(new URL("../../../e2e/fixtures/protocolApp", import.meta.url));

describe("app server", () => {
	let app: AppServer;
	beforeAll(async () => {
		app = await startAppServer({ appDir: PROBE, port: 0 });
	});
	afterAll(() => app.close());

	it("serves zcli's app.json with CORS, pointing at its own 127.0.0.1 origin", async () => {
		const res = await fetch(`${app.origin}/app.json`);
		expect(res.headers.get("access-control-allow-origin")).toBe("*");
		expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect((await res.json()).apps[0].asset_url_prefix).toBe(`${app.origin}/7/assets/`);
	});

	it("serves the app's iframe.html with the CDN SDK swapped for the local copy", async () => {
		const html = await (await fetch(`${app.origin}/7/assets/iframe.html`)).text();
		expect(html).toContain(`src="${LOCAL_SDK_PATH}"`);
		expect(html).not.toContain(CDN_SDK_URL);
	});

	it("serves the npm SDK as a script that defines ZAFClient", async () => {
		const res = await fetch(`${app.origin}${LOCAL_SDK_PATH}`);
		expect(res.headers.get("content-type")).toMatch(/javascript/);
		expect(await res.text()).toMatch(/var ZAFClient = /);
	}, 20_000);

	it.each(["/7/assets/../manifest.json", "/7/assets/%2e%2e/manifest.json", "/0/assets/iframe.html", "/manifest.json"])(
		"refuses %s",
		async path => {
			expect((await fetch(`${app.origin}${path}`)).status).toBe(404);
		},
	);
});

describe("workspace server", () => {
	let upstream: Server;
	let workspace: WorkspaceServer;
	const seen: Array<{ method?: string; url?: string; auth?: string; body: string }> = [];
	beforeAll(async () => {
		upstream = createServer((req, res) => {
			let body = "";
			req.on("data", c => (body += c));
			req.on("end", () => {
				seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
				if (req.url === "/api/v2/cut") return req.socket.destroy();
				res.writeHead(201, { "content-type": "application/json", "x-rate-limit": "700" }).end('{"ok":true}');
			});
		});
		await new Promise<void>(r => upstream.listen(0, "127.0.0.1", r));
		const address = upstream.address();
		const port = typeof address === "object" && address ? address.port : 0;
		workspace = await startWorkspaceServer({
			port: 0,
			emulatorUrl: `http://127.0.0.1:${port}`,
			appOrigin: "http://127.0.0.1:9",
		});
	}, 30_000);
	afterAll(async () => {
		await workspace.close();
		await closeServer(upstream);
	});

	it("serves the page on localhost at / and /tickets/<id>, and the config", async () => {
		expect(workspace.origin).toMatch(/^http:\/\/localhost:\d+$/);
		expect(await (await fetch(`${workspace.origin}/tickets/12`)).text()).toContain("/workspace.js");
		expect(await (await fetch(`${workspace.origin}/__workspace/config.json`)).json()).toMatchObject({
			appJsonUrl: "http://127.0.0.1:9/app.json",
		});
		expect((await fetch(`${workspace.origin}/workspace.js`)).status).toBe(200);
		expect((await fetch(`${workspace.origin}/nope`)).status).toBe(404);
	});

	it("proxies /api/v2 to the emulator with method, headers and body, and passes the answer back", async () => {
		const res = await fetch(`${workspace.origin}/api/v2/tickets.json?x=1`, {
			method: "POST",
			headers: { authorization: "Basic abc", "content-type": "application/json" },
			body: '{"ticket":{}}',
		});
		expect(res.status).toBe(201);
		expect(res.headers.get("x-rate-limit")).toBe("700");
		expect(await res.json()).toEqual({ ok: true });
		expect(seen.at(-1)).toEqual({
			method: "POST",
			url: "/api/v2/tickets.json?x=1",
			auth: "Basic abc",
			body: '{"ticket":{}}',
		});
	});

	it("cuts the browser's connection when the emulator cuts its own", async () => {
		await expect(fetch(`${workspace.origin}/api/v2/cut`)).rejects.toThrow();
	});
});
