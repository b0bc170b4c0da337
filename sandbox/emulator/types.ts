import type { Clock } from "./db/clock";
import type { EmulatorControls } from "./controls/controls";
import type { Db, Seed } from "./db/db";
import type { SandboxSettings } from "./settings";

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
	/** Restores the named world (default: the world the emulator was created with, normally "default"). Throws for an unknown name. */
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

/** Options of `createEmulator`. Everything is optional; tests usually pass a manual clock and `jobStepMs`. */
export interface EmulatorOptions {
	/** World to load (default "default"; see `GET /__sandbox/worlds`). */
	world?: string;
	/** A seed to load instead of a named world (its name is reported as "custom"). */
	seed?: Seed;
	/** Time and timers (default: the wall clock). Use `createManualClock()` for deterministic tests. */
	clock?: Clock;
	/** Initial sandbox settings (job speed, rate limits); restored on every reset. */
	settings?: Partial<SandboxSettings>;
	/** Base URL for `url`/`content_url` when a request has no Host header (default `http://localhost`). */
	baseUrl?: string;
}

/** What `createEmulator` returns: the `Emulator` contract plus sandbox controls and direct state access for tests. */
export interface SandboxEmulator extends Emulator {
	/** The sandbox controls (same as the `/__sandbox/*` endpoints). */
	readonly controls: EmulatorControls;
	/** The live in-memory db (replaced on reset: read it through this getter each time). */
	readonly db: Db;
	/** The emulator's clock. */
	readonly clock: Clock;
	/** The name of the loaded world. */
	readonly worldName: string;
}
