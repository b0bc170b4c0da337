/**
 * The app-asset server: serves a built app the way `zcli apps:server` does — `GET /app.json` and
 * `/<app_id>/assets/*` with CORS `*` — on its own origin (`http://127.0.0.1:<m>`), plus the local
 * SDK at the CDN's path. HTML pages get their CDN SDK `<script src>` swapped for the local copy;
 * nothing else is changed. It never serves files outside `<appDir>/assets`.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { buildAppJson } from "./appSource";
import { LOCAL_SDK_PATH, sdkBundle, useLocalSdk } from "./sdkBundle";
import { contentType, fileUnder } from "./staticFiles";

export interface AppServerOptions {
	/** The built app (`dist/`, or a test fixture with the same layout). */
	appDir: string;
	/** Extra places to look for `zcli.apps.config.json` (e.g. the repository root). */
	configDirs?: string[];
	port: number;
	host?: string;
}

/** A running app server. */
export interface AppServer {
	/** `http://127.0.0.1:<port>` */
	origin: string;
	server: Server;
	close(): Promise<void>;
}

/** Starts the app server. `app.json` is rebuilt on every request, so a rebuild of dist/ shows up. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
	const host = options.host ?? "127.0.0.1";
	let origin = "";
	const server = createServer((req, res) => {
		void (async () => {
			const path = new URL(req.url ?? "/", "http://x").pathname;
			res.setHeader("access-control-allow-origin", "*");
			res.setHeader("cache-control", "no-store");
			if (req.method !== "GET" && req.method !== "HEAD") {
				res.writeHead(405).end();
				return;
			}
			if (path === "/app.json") {
				const body = JSON.stringify(buildAppJson(options.appDir, origin, options.configDirs));
				res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(body);
				return;
			}
			if (path === LOCAL_SDK_PATH) {
				res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(await sdkBundle());
				return;
			}
			const match = /^\/([^/]+)\/assets(\/.*)$/.exec(path);
			const appId = buildAppJson(options.appDir, origin, options.configDirs).apps[0]?.id;
			const file = match && match[1] === appId ? fileUnder(join(options.appDir, "assets"), match[2] ?? "/") : undefined;
			if (!file) {
				res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
				return;
			}
			const type = contentType(file);
			const body = type.startsWith("text/html") ? useLocalSdk(readFileSync(file, "utf8")) : readFileSync(file);
			res.writeHead(200, { "content-type": type }).end(body);
		})().catch(error => {
			if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
			res.end(String(error instanceof Error ? error.message : error));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port, host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : options.port;
	origin = `http://${host}:${port}`;
	return {
		origin,
		server,
		close: () => closeServer(server),
	};
}

/** Closes a server and its open connections (keep-alive, SSE). */
export function closeServer(server: Server): Promise<void> {
	return new Promise(resolve => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}
