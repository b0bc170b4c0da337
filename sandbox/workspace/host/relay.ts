/**
 * The host side of ZAF's `client.request`: turns the app's request options into an emulator
 * request, and the emulator's answer into the `responseArgs` of `zaf.request:<k>.done|.fail`.
 *
 * Pure (no I/O): the workspace host (browser, via fetch) and the in-process fake SDK client (tests,
 * via `Emulator.handle`) both call it, so the two transports answer the app identically.
 * Shapes follow zaf-protocol.md §2.7 and §4.5. Where the real host is unverified (§11 item 1) we
 * include `headers` in failures too, so Retry-After reaches the app; documented in docs/workspace.md.
 */
import type { ZafRequestOptions } from "../../../src/platform/zaf/port";
import type { EmulatorRequest, EmulatorResponse } from "../../emulator/types";

/** Who the request runs as: the signed-in agent of the workspace. */
export interface RelayIdentity {
	email: string;
	/** API token; every seeded user accepts "sandbox". */
	token?: string;
}

/** What the host posts back: `done` or `fail`, with the SDK's `responseArgs`. */
export interface RelayAnswer {
	outcome: "done" | "fail";
	responseArgs: unknown[];
}

/** The XHR-like object the host sends (never an Error). */
export interface HostXhr {
	status: number;
	statusText: string;
	responseText: string;
	responseJSON?: unknown;
	headers?: Record<string, string>;
}

const REASONS: Record<number, string> = {
	200: "OK",
	201: "Created",
	202: "Accepted",
	204: "No Content",
	400: "Bad Request",
	401: "Unauthorized",
	403: "Forbidden",
	404: "Not Found",
	409: "Conflict",
	413: "Payload Too Large",
	422: "Unprocessable Entity",
	429: "Too Many Requests",
	500: "Internal Server Error",
	502: "Bad Gateway",
	503: "Service Unavailable",
};

/** jQuery's default when `contentType` is not given. */
const JQUERY_DEFAULT_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

/**
 * Encodes a plain object the way jQuery's `$.param` does for flat values. The app always sends
 * strings; this only keeps an accidental object from turning into "[object Object]".
 */
function formEncode(data: Record<string, unknown>): string {
	return Object.entries(data)
		.map(
			([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v ?? ""))}`,
		)
		.join("&");
}

/**
 * Builds the emulator request for ZAF request options, or returns a `fail` answer for options the
 * Zendesk proxy refuses (header names with underscores, zaf-protocol.md §4.5 [DOC]).
 */
export function toEmulatorRequest(options: ZafRequestOptions, identity: RelayIdentity): EmulatorRequest | RelayAnswer {
	const method = (options.type ?? "GET").toUpperCase();
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (name.includes("_")) {
			return fail({
				status: 400,
				statusText: "Bad Request",
				responseText: `Header names may not contain underscores: ${name}`,
			});
		}
		headers[name.toLowerCase()] = String(value);
	}
	const basic = `${identity.email}/token:${identity.token ?? "sandbox"}`;
	headers.authorization = `Basic ${btoa(basic)}`;
	let url = options.url;
	const raw: unknown = options.data;
	let body: string | undefined;
	if (raw !== undefined && raw !== null) {
		body = typeof raw === "string" ? raw : formEncode(raw as Record<string, unknown>);
	}
	if (body !== undefined && (method === "GET" || method === "DELETE") && body !== "") {
		// jQuery appends data to the query string for GET-like requests.
		url += (url.includes("?") ? "&" : "?") + body;
		body = undefined;
	}
	if (body !== undefined && options.contentType !== false) {
		headers["content-type"] = options.contentType ?? JQUERY_DEFAULT_CONTENT_TYPE;
	}
	return body === undefined ? { method, url, headers } : { method, url, headers, body };
}

/** Turns an emulator answer into the host's `done`/`fail` message arguments. */
export function toRelayAnswer(options: ZafRequestOptions, response: EmulatorResponse): RelayAnswer {
	if (response.dropped) {
		// What jQuery reports for a connection that died: status 0, textStatus "error".
		return fail({ status: 0, statusText: "error", responseText: "" });
	}
	const responseText = typeof response.body === "string" ? response.body : new TextDecoder().decode(response.body);
	const contentType = response.headers["content-type"] ?? "";
	let responseJSON: unknown;
	if (contentType.includes("json") && responseText !== "") {
		try {
			responseJSON = JSON.parse(responseText);
		} catch {
			responseJSON = undefined;
		}
	}
	const xhr: HostXhr = {
		status: response.status,
		statusText: REASONS[response.status] ?? "",
		responseText,
		headers: { ...response.headers },
	};
	if (responseJSON !== undefined) xhr.responseJSON = responseJSON;
	const ok = (response.status >= 200 && response.status < 300) || response.status === 304;
	if (!ok) return fail(xhr);
	if (options.httpCompleteResponse) return { outcome: "done", responseArgs: [xhr, "success"] };
	const data = options.dataType === "text" ? responseText : (responseJSON ?? responseText);
	return { outcome: "done", responseArgs: [data, "success"] };
}

function fail(xhr: HostXhr): RelayAnswer {
	return { outcome: "fail", responseArgs: [xhr, "error"] };
}

/** True when `toEmulatorRequest` refused the options outright. */
export function isRelayAnswer(value: EmulatorRequest | RelayAnswer): value is RelayAnswer {
	return "outcome" in value;
}
