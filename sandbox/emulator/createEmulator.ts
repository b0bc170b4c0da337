/**
 * `createEmulator(options)`: one emulator instance — db, services, routes and controls — with the
 * in-process transport `handle()`. `http.ts` puts the same `handle()` behind node:http.
 */
import { createRealClock } from "./db/clock";
import { createControls } from "./controls/controls";
import { createDb, type Seed } from "./db/db";
import { createIdempotencyStore } from "./services/idempotency";
import { createJobRunner } from "./services/jobService";
import { createRateLimiter } from "./controls/rateLimiter";
import { createRequestHandler } from "./routes/routes";
import type { Runtime } from "./db/runtime";
import { DEFAULT_SETTINGS } from "./settings";
import type { EmulatorChange, EmulatorOptions, SandboxEmulator } from "./types";
import { worldSeed } from "./worlds/index";

export type { EmulatorOptions, SandboxEmulator } from "./types";

/**
 * Creates an emulator loaded with a world. Does not open sockets (see `startEmulator`).
 * @example
 * const emulator = createEmulator({ clock: createManualClock(), settings: { jobStepMs: 0 } });
 * const res = await emulator.handle({ method: "GET", url: "/api/v2/tickets/1.json", headers: { authorization: basicTokenHeader("admin@example.com") } });
 */
export function createEmulator(options: EmulatorOptions = {}): SandboxEmulator {
	const clock = options.clock ?? createRealClock();
	const initialSettings = { ...DEFAULT_SETTINGS, ...options.settings };
	const startWorld = options.seed ? "custom" : (options.world ?? "default");
	const listeners = new Set<(change: EmulatorChange) => void>();
	const seedOf = (name: string): Seed | undefined =>
		name === "custom" && options.seed ? options.seed : worldSeed(name);
	const firstSeed = seedOf(startWorld);
	if (!firstSeed) throw new Error(`[emulator] unknown world "${startWorld}"`);

	const rt: Runtime = {
		ctx: { db: createDb(firstSeed), clock, notify: change => rt.emit(change) },
		clock,
		settings: { ...initialSettings },
		faults: [],
		idempotency: createIdempotencyStore(),
		rate: createRateLimiter(),
		log: [],
		logSeq: 0,
		runner: createJobRunner(
			clock,
			() => rt.settings.jobStepMs,
			job => rt.emit({ type: "job", id: job.id, actorId: job.owner_id }),
		),
		worldName: startWorld,
		fallbackBaseUrl: options.baseUrl ?? "http://localhost",
		reset(name = startWorld) {
			const seed = seedOf(name);
			if (!seed) return false;
			rt.runner.cancelAll();
			rt.ctx.db = createDb(seed);
			rt.settings = { ...initialSettings };
			rt.faults.splice(0);
			rt.idempotency.clear();
			rt.rate = createRateLimiter();
			rt.log.splice(0);
			rt.worldName = name;
			rt.emit({ type: "reset" });
			return true;
		},
		emit(change) {
			for (const listener of [...listeners]) {
				try {
					listener(change);
				} catch (error) {
					console.error("[emulator] change listener failed", error);
				}
			}
		},
	};
	const handle = createRequestHandler(rt);
	const controls = createControls(rt);

	return {
		handle,
		reset(worldName) {
			if (!rt.reset(worldName)) throw new Error(`[emulator] unknown world "${worldName}"`);
		},
		onChange(listener) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
		dispose() {
			rt.runner.cancelAll();
			listeners.clear();
		},
		controls,
		get db() {
			return rt.ctx.db;
		},
		clock,
		get worldName() {
			return rt.worldName;
		},
	};
}
