/**
 * The browser side of the ZAF request relay: relay.ts builds the emulator request for the
 * signed-in agent, `fetch` sends it same-origin (the workspace server proxies `/api/v2/*` to the
 * emulator), and relay.ts turns the answer into `responseArgs`. A cut connection becomes relay.ts'
 * "dropped" answer (status 0). Requests that would leave the sandbox are refused, not sent.
 */
import type { ZafRequestOptions } from "../../../src/platform/zaf/port";
import { isRelayAnswer, toEmulatorRequest, toRelayAnswer, type RelayAnswer } from "../host/relay";

/** Relays one `client.request` as `email`. Never rejects. */
export async function relayOverFetch(options: Record<string, unknown>, email: string): Promise<RelayAnswer> {
	const zafOptions = options as unknown as ZafRequestOptions;
	const request = toEmulatorRequest(zafOptions, { email });
	if (isRelayAnswer(request)) return request;
	const target = new URL(request.url, location.origin);
	if (target.origin !== location.origin || !target.pathname.startsWith("/api/")) {
		return {
			outcome: "fail",
			responseArgs: [
				{
					status: 0,
					statusText: "error",
					responseText: `The sandbox relays only /api/v2 requests (got ${request.url})`,
				},
				"error",
			],
		};
	}
	try {
		const res = await fetch(target, {
			method: request.method,
			headers: request.headers,
			...(request.body === undefined ? {} : { body: request.body as BodyInit }),
		});
		const headers: Record<string, string> = {};
		res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
		return toRelayAnswer(zafOptions, { status: res.status, headers, body: await res.text() });
	} catch {
		return toRelayAnswer(zafOptions, { status: 0, headers: {}, body: "", dropped: true });
	}
}
