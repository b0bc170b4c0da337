/**
 * The mutable state of one emulator instance, shared by its routes, controls and transports.
 * Built by createEmulator; nothing here is a module singleton.
 */
import type { Clock } from "./clock";
import type { Fault } from "../controls/faults";
import type { IdempotencyStore } from "../services/idempotency";
import type { JobRunner } from "../services/jobService";
import type { RateLimiterState } from "../controls/rateLimiter";
import type { RequestLogEntry } from "../controls/requestLog";
import type { ServiceContext } from "../services/serviceTypes";
import type { SandboxSettings } from "../settings";
import type { EmulatorChange } from "../types";

/** One emulator's state. `ctx.db` is replaced on reset; hold `rt`, never a db reference. */
export interface Runtime {
	ctx: ServiceContext;
	clock: Clock;
	settings: SandboxSettings;
	faults: Fault[];
	idempotency: IdempotencyStore;
	rate: RateLimiterState;
	log: RequestLogEntry[];
	logSeq: number;
	runner: JobRunner;
	worldName: string;
	/** Base URL used when a request has no Host header (in-process calls). */
	fallbackBaseUrl: string;
	/** Restores a world (and the creation-time settings); false for an unknown world name. */
	reset(worldName?: string): boolean;
	/** Sends a change to every listener (listener errors are isolated). */
	emit(change: EmulatorChange): void;
}
