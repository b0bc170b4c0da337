/** The only caller of the ZAF SDK: adapts it to our `ZafPort`; every failure (zaf-protocol.md §1, §2.6, §2.7) is an ApiError. */
import { ApiError, MESSAGE_PREFIX, parseJson, toApiError } from "../api/errors";
import { normalizeHeaders } from "./headers";
import type {
	HttpResponse,
	PortRequestOptions,
	Unsubscribe,
	ZafGetResult,
	ZafPort,
	ZafRequestOptions,
	ZafSdkClient,
} from "./port";
import { isRecord } from "../../shared/isRecord";

/**
 * Wraps an SDK client as a ZafPort: every request gets `httpCompleteResponse`, `autoRetry: false`
 * and our timeout (30 s: Zendesk answers within seconds; an unanswered request would hang). Retries nothing.
 *
 * @example
 *   const client = window.ZAFClient?.init();
 *   if (client) await mount({ zaf: createZafClientPort(client), container });
 */
export function createZafClientPort(client: ZafSdkClient, options: { requestTimeoutMs?: number } = {}): ZafPort {
	const defaultTimeout = options.requestTimeoutMs ?? 30_000;

	return {
		async get(paths) {
			try {
				return splitGetResult(await client.get(paths));
			} catch (rejection) {
				const pathError = asPathError(rejection, paths);
				if (pathError) return { values: {}, errors: pathError };
				throw toApiError(rejection, `get ${paths.join(",")}`);
			}
		},

		async set(values) {
			const label = `set ${Object.keys(values).join(",")}`;
			const { errors } = splitGetResult(await guarded(label, () => client.set(values)));
			const first = Object.entries(errors)[0];
			if (first) throw toApiError({ name: first[1].name, message: `"${first[0]}" ${first[1].message}` }, label);
		},

		invoke: (name, ...args) => guarded(`invoke ${name}`, () => client.invoke(name, ...args)),

		on(event, handler) {
			const wrapped = (payload: unknown) => {
				// One broken listener must not break the SDK's dispatch to the others.
				try {
					handler(payload);
				} catch (error) {
					console.error(`${MESSAGE_PREFIX} handler for ${event} threw`, error);
				}
			};
			return listen(client, event, wrapped);
		},

		onHook(hook, handler) {
			// The SDK blocks on false, a string, an Error, a throw or a rejection (zaf-protocol.md §2.9).
			return listen(client, hook, () => handler());
		},

		async request<T = unknown>(request: ZafRequestOptions, portOptions: PortRequestOptions = {}) {
			const timeoutMs = portOptions.timeoutMs ?? defaultTimeout;
			const opts = { ...request, httpCompleteResponse: true, autoRetry: false, timeout: timeoutMs };
			const label = `${opts.type ?? "GET"} ${opts.url}`;
			const resolved = await guarded(label, () => withTimeout(client.request(opts), timeoutMs, label));
			return toHttpResponse<T>(resolved, label);
		},

		metadata: () => guarded("metadata", () => client.metadata()),
		context: () => guarded("context", () => client.context()),
	};
}

/** Runs an SDK call; any rejection (or throw) leaves as an ApiError labelled `label`. */
async function guarded<T>(label: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (rejection) {
		throw toApiError(rejection, label);
	}
}

/** Rejects with an ApiError of kind `timeout` after `ms`. The SDK call itself cannot be cancelled. */
function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const message = `${MESSAGE_PREFIX} ${label} failed: timeout after ${ms} ms`;
		const timer = setTimeout(() => reject(new ApiError({ kind: "timeout", message, request: label })), ms);
		promise.then(resolve, reject).finally(() => clearTimeout(timer));
	});
}

/** An XHR-like `{status, responseText, responseJSON?, headers}` (non-2xx fails), or a bare body as a 200. */
function toHttpResponse<T>(resolved: unknown, label: string): HttpResponse<T> {
	if (!isRecord(resolved) || typeof resolved.status !== "number") {
		const text = typeof resolved === "string" ? resolved : resolved === undefined ? "" : JSON.stringify(resolved);
		const json = typeof resolved === "string" ? parseJson(resolved) : resolved;
		return { status: 200, headers: {}, json: json as T | undefined, text };
	}
	const status = resolved.status;
	if (status < 200 || status > 299) throw toApiError(resolved, label);
	const text = typeof resolved.responseText === "string" ? resolved.responseText : "";
	const json = resolved.responseJSON !== undefined ? resolved.responseJSON : parseJson(text);
	return { status, headers: normalizeHeaders(resolved.headers), json: json as T | undefined, text };
}

/** Splits `{errors, ...values}` (a bulk get/set result) into the port's shape. Never throws. */
function splitGetResult(raw: unknown): ZafGetResult {
	const { errors: rawErrors, ...values } = isRecord(raw) ? raw : {};
	const errors: ZafGetResult["errors"] = {};
	for (const [path, error] of Object.entries(isRecord(rawErrors) ? rawErrors : {})) {
		const e = isRecord(error) ? error : {};
		errors[path] = {
			name: typeof e.name === "string" ? e.name : "Error",
			message: typeof e.message === "string" ? e.message : String(error),
		};
	}
	return { values, errors };
}

/** A single-path style rejection, `Error('"path" message')`, becomes a per-path error. */
function asPathError(rejection: unknown, paths: string[]): ZafGetResult["errors"] | undefined {
	if (!(rejection instanceof Error)) return undefined;
	const match = /^"([^"]+)" (.*)$/s.exec(rejection.message);
	if (!match || !paths.includes(match[1] ?? "")) return undefined;
	return { [match[1] as string]: { name: rejection.name, message: match[2] ?? "" } };
}

/** Subscribes `handler`; the returned unsubscribe removes it once, however often it is called. */
function listen(client: ZafSdkClient, name: string, handler: (payload: unknown) => unknown): Unsubscribe {
	client.on(name, handler);
	let done = false;
	return () => {
		if (!done) client.off(name, handler);
		done = true;
	};
}
