/**
 * Our own types for the ZAF SDK surface (no @types package exists). Shapes follow
 * ../shared/reference/zaf-protocol.md sections 2 and 4 and zendesk/zaf-toolbox `IClient`.
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
	/**
	 * jQuery's request timeout in ms, which ZAF passes through (zaf-protocol.md §4). The port sets it
	 * to its own timeout; whether the real host honours it is unverified, so the port's guard stays.
	 */
	timeout?: number;
	cors?: boolean;
	secure?: boolean;
	processData?: boolean;
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
