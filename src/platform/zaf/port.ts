/**
 * The ZAF port, the app's only view of the Zendesk Apps Framework (failures arrive as ApiErrors), and our
 * types for the SDK it adapts (no @types exist; zaf-protocol.md §2, §4, zaf-toolbox `IClient`).
 */

/** Options of `client.request`, sent verbatim (as JSON) to the host. `data` must already be a string. */
export interface ZafRequestOptions {
	url: string;
	type?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
	data?: string;
	contentType?: string | false;
	dataType?: "json" | "text";
	headers?: Record<string, string>;
	httpCompleteResponse?: boolean;
	/** We pass `false`: the app handles 429 itself so it can show a countdown (see README). */
	autoRetry?: boolean;
	/** jQuery's timeout in ms, passed on by ZAF (zaf-protocol.md §4); unverified on the real host, hence the port's guard. */
	timeout?: number;
}

/** `client.context()`. */
export interface ZafContext {
	instanceGuid: string;
	product: string;
	account: { subdomain: string };
	location: string;
	ticketId?: number;
}

/** `client.metadata()`; `settings` holds the installation parameter values. */
export interface ZafMetadata {
	appId: number;
	installationId: number;
	name: string;
	version: string;
	settings: Record<string, unknown>;
	plan?: { name: string };
}

/** The SDK client as returned by `ZAFClient.init()`: the subset we use. */
export interface ZafSdkClient {
	get(paths: string | string[]): Promise<Record<string, unknown>>;
	set(key: string | Record<string, unknown>, value?: unknown): Promise<Record<string, unknown>>;
	invoke(name: string, ...args: unknown[]): Promise<unknown>;
	on(event: string, handler: (payload: unknown) => unknown): void;
	off(event: string, handler: (payload: unknown) => unknown): void;
	request(options: ZafRequestOptions): Promise<unknown>;
	metadata(): Promise<ZafMetadata>;
	context(): Promise<ZafContext>;
}

/** The global the SDK script defines. `init` returns false outside a Zendesk iframe. */
export interface ZafClientFactory {
	init(callback?: (registration: unknown) => void): ZafSdkClient | false;
}

/** Removes the handler it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** A 2xx exchange (anything else rejects with ApiError): header names lower-cased, `json` undefined when empty or not JSON. */
export interface HttpResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	json: T | undefined;
	text: string;
}

/** The outcome of a bulk `get`: values per path plus per-path errors (never thrown). */
export interface ZafGetResult {
	values: Record<string, unknown>;
	errors: Record<string, { name: string; message: string }>;
}

/** Options the port adds to ZAF's: `timeoutMs`, after which it gives up with a `timeout` ApiError (default 30 000). */
export interface PortRequestOptions {
	timeoutMs?: number;
}

/** What a `ticket.save` hook handler may answer: allow (true/undefined) or a reason to block. */
export type HookResult = true | undefined | false | string;

/** What the app may ask of ZAF. */
export interface ZafPort {
	/** Reads framework paths (`ticket`, `ticket.id`, `currentUser`, ...). Resolves with per-path errors; rejects only on transport failure. */
	get(paths: string[]): Promise<ZafGetResult>;
	/** Writes framework paths on the agent's unsaved ticket form. Rejects with ApiError on any per-path error. */
	set(values: Record<string, unknown>): Promise<void>;
	/** Runs a framework action such as `resize`, `routeTo` or `notify`. Rejects with ApiError on failure. */
	invoke(name: string, ...args: unknown[]): Promise<unknown>;
	/** Subscribes to a framework event (`ticket.updated`, `app.activated`, ...). */
	on(event: string, handler: (payload: unknown) => void): Unsubscribe;
	/** Registers a hook handler (`ticket.save`); the framework waits for its answer. */
	onHook(hook: string, handler: () => HookResult | Promise<HookResult>): Unsubscribe;
	/** A Zendesk REST request through the framework: resolves for 2xx, else rejects with an ApiError (our timeout too). */
	request<T = unknown>(options: ZafRequestOptions, portOptions?: PortRequestOptions): Promise<HttpResponse<T>>;
	/** The app's registration metadata (installation settings included). */
	metadata(): Promise<ZafMetadata>;
	/** Where the app runs: location, ticket id, account. */
	context(): Promise<ZafContext>;
}
