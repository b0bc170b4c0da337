/**
 * Forwards one HTTP request to another server (the emulator) and streams the answer back, so the
 * workspace page reaches `/api/v2/*` and `/__sandbox/*` same-origin, as an agent's browser reaches
 * Zendesk. Streams both ways (SSE works). If the upstream cuts the connection, the client's is
 * cut too, so a "dropped" fault looks the same in the browser. No caching, no rewriting.
 */
import { request, type IncomingMessage, type ServerResponse } from "node:http";

/** Proxies `req` to `baseUrl` + the same path and query. */
export function proxyTo(baseUrl: string, req: IncomingMessage, res: ServerResponse): void {
	const target = new URL(req.url ?? "/", baseUrl);
	const headers = { ...req.headers, host: target.host };
	const upstream = request(target, { method: req.method ?? "GET", headers }, answer => {
		res.writeHead(answer.statusCode ?? 502, answer.headers);
		res.flushHeaders();
		answer.pipe(res);
		answer.on("aborted", () => res.destroy());
		answer.on("error", () => res.destroy());
	});
	upstream.on("error", () => {
		// Connection refused or cut by the emulator (fault injection): cut ours too.
		res.destroy();
	});
	res.on("close", () => upstream.destroy());
	req.pipe(upstream);
}
