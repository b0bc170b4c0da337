/**
 * The workspace server (node:http on `localhost`): serves the agent-workspace page at `/` and
 * `/tickets/<id>`, its bundle and stylesheet, a small config document telling the page where the
 * app server is, and proxies `/api/v2/*` and `/__sandbox/*` to the emulator so the ZAF request
 * relay is same-origin, as in Zendesk. It serves nothing from `dist/`.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { closeServer } from "./appServer";
import { pageBundle } from "./pageBundle";
import { proxyTo } from "./proxy";

/** What `/__workspace/config.json` tells the page. */
export interface WorkspaceConfig {
	/** zcli-style `app.json` of the app server. */
	appJsonUrl: string;
	/** The emulator's own base URL (printed for API clients; the page uses the proxy). */
	emulatorUrl: string;
}

export interface WorkspaceServerOptions {
	port: number;
	host?: string;
	emulatorUrl: string;
	appOrigin: string;
}

export interface WorkspaceServer {
	/** `http://localhost:<port>` — the exact origin the app receives as `origin=`. */
	origin: string;
	server: Server;
	close(): Promise<void>;
}

const pageFile = (name: string) => fileURLToPath(new URL(`../page/${name}`, import.meta.url));

/** Starts the workspace server; bundles the page first (so a broken page fails fast). */
export async function startWorkspaceServer(options: WorkspaceServerOptions): Promise<WorkspaceServer> {
	const script = await pageBundle();
	const config: WorkspaceConfig = { appJsonUrl: `${options.appOrigin}/app.json`, emulatorUrl: options.emulatorUrl };
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://x").pathname;
		if (path.startsWith("/api/v2/") || path.startsWith("/__sandbox/")) return proxyTo(options.emulatorUrl, req, res);
		res.setHeader("cache-control", "no-store");
		if (path === "/" || /^\/tickets\/\d+$/.test(path)) {
			res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(readFileSync(pageFile("index.html")));
		} else if (path === "/workspace.js") {
			res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
		} else if (path === "/workspace.css") {
			res.writeHead(200, { "content-type": "text/css; charset=utf-8" }).end(readFileSync(pageFile("workspace.css")));
		} else if (path === "/favicon.ico") {
			res.writeHead(204).end();
		} else if (path === "/__workspace/config.json") {
			res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(config));
		} else {
			res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
		}
	});
	const host = options.host ?? "localhost";
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port, host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : options.port;
	return { origin: `http://localhost:${port}`, server, close: () => closeServer(server) };
}
