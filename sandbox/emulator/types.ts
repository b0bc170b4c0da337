/**
 * The emulator's transport-neutral surface. Both transports (http.ts, and the in-process fake SDK
 * client used by tests) call `Emulator.handle`, so they cannot drift apart.
 */

/** One HTTP request as the emulator sees it. */
export interface EmulatorRequest {
	method: string;
	/** Path plus query string, e.g. `/api/v2/tickets/1.json?include=users`. */
	url: string;
	/** Header names lower-cased. */
	headers: Record<string, string>;
	/** Raw body: text for JSON, bytes for uploads. Absent for GET. */
	body?: string | Uint8Array;
}

/** One HTTP response. `dropped: true` means the connection is cut with no answer (fault injection). */
export interface EmulatorResponse {
	status: number;
	/** Header names lower-cased (content-type, retry-after, location, x-rate-limit, ...). */
	headers: Record<string, string>;
	body: string | Uint8Array;
	dropped?: boolean;
}

/** A running emulator: state plus the request handler. */
export interface Emulator {
	/** Answers one request (routes → service → db). Never throws for bad input; may delay (faults). */
	handle(request: EmulatorRequest): Promise<EmulatorResponse>;
	/** Restores the named world (default: "default"). */
	reset(worldName?: string): void;
	/** Called after every state change (ticket created/updated, ...) with the ids touched; used for live views and ZAF `ticket.updated`. */
	onChange(listener: (change: EmulatorChange) => void): () => void;
	/** Stops background work (job timers). */
	dispose(): void;
}

/** A change notification. `actorId` is the user whose request made it. */
export interface EmulatorChange {
	type: "ticket" | "user" | "upload" | "job" | "reset";
	id?: number | string;
	actorId?: number;
}
