/**
 * HTTP transport: serves an emulator's `handle()` over node:http, plus the Server-Sent-Events
 * stream `GET /__sandbox/events` of EmulatorChange notifications. A `dropped` answer destroys
 * the socket (fault injection).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator } from "../createEmulator";
import type { EmulatorOptions, EmulatorRequest, SandboxEmulator } from "../types";

/** Options of startEmulator: a port (0 = free), host, and either an emulator or createEmulator options. */
export interface StartEmulatorOptions extends EmulatorOptions {
	port: number;
	/** Interface to listen on (default 127.0.0.1). */
	host?: string;
	/** Serve this emulator instead of creating one (it is not disposed by close()). */
	emulator?: SandboxEmulator;
}

/** A listening emulator. */
export interface RunningEmulator {
	/** `http://127.0.0.1:<port>` (no trailing slash). */
	url: string;
	emulator: SandboxEmulator;
	/** Stops listening, ends SSE streams and open sockets, and disposes an emulator it created. Safe to call twice. */
	close(): Promise<void>;
}

/** Heartbeat comment every 15 s keeps proxies from closing idle SSE streams. */
const SSE_HEARTBEAT_MS = 15_000;

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer): EmulatorRequest {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
	}
	const url = req.url ?? "/";
	const method = req.method ?? "GET";
	const binary = url.startsWith("/api/v2/uploads");
	const request: EmulatorRequest = { method, url, headers };
	if (body.length > 0 || (method !== "GET" && method !== "HEAD"))
		request.body = binary ? new Uint8Array(body) : body.toString("utf8");
	return request;
}

/**
 * Starts an emulator on `http://host:port`.
 * @example
 * const { url, emulator, close } = await startEmulator({ port: 0 });
 */
export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
	const { port, host = "127.0.0.1", emulator: given, ...emulatorOptions } = options;
	const emulator = given ?? createEmulator(emulatorOptions);
	const streams = new Set<ServerResponse>();

	const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
		res.writeHead(200, {
			"content-type": "text/event-stream",
			"cache-control": "no-cache",
			connection: "keep-alive",
			"access-control-allow-origin": "*",
		});
		res.write(": connected\n\n");
		streams.add(res);
		const unsubscribe = emulator.onChange(change => res.write(`data: ${JSON.stringify(change)}\n\n`));
		const heartbeat = setInterval(() => res.write(": heartbeat\n\n"), SSE_HEARTBEAT_MS);
		heartbeat.unref();
		req.on("close", () => {
			clearInterval(heartbeat);
			unsubscribe();
			streams.delete(res);
		});
	};

	const server = createServer((req, res) => {
		if (req.method === "GET" && (req.url ?? "").split("?")[0] === "/__sandbox/events") return serveEvents(req, res);
		void (async () => {
			try {
				const answer = await emulator.handle(toRequest(req, await readBody(req)));
				if (answer.dropped) {
					req.socket.destroy();
					return;
				}
				const body = typeof answer.body === "string" ? Buffer.from(answer.body, "utf8") : Buffer.from(answer.body);
				res.writeHead(answer.status, { ...answer.headers, "content-length": String(body.byteLength) });
				res.end(req.method === "HEAD" ? undefined : body);
			} catch (error) {
				console.error("[emulator] transport error", error);
				if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
				res.end("Internal Server Error");
			}
		})();
	});

	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, host, () => {
			server.off("error", reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
	let closed: Promise<void> | undefined;
	return {
		url,
		emulator,
		close() {
			closed ??= new Promise<void>(resolve => {
				for (const stream of streams) stream.end();
				streams.clear();
				server.close(() => resolve());
				server.closeAllConnections();
				if (!given) emulator.dispose();
			});
			return closed;
		},
	};
}
