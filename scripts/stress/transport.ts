/**
 * The stress run's transport between the app's port and the emulator: it passes every request
 * through unchanged, and adds what the emulator's own fault injection cannot express:
 *
 * - **lost answers**: the request IS applied, then the connection drops (the app cannot know
 *   whether its write happened: the case "re-read before deciding" exists for);
 * - **racing writers**: a hook that runs just before a matching request of the app reaches
 *   Zendesk (e.g. another agent saves between the app's read and its write);
 * - **measurements**: creates sent without an Idempotency-Key, and a way to wait until every
 *   delayed request (timeouts) has been answered before checking the outcome.
 */
import type { Emulator, EmulatorRequest, EmulatorResponse } from "../../sandbox/emulator/types";

/** Which requests a rule applies to: a method and a path pattern (the URL without query). */
export interface RequestMatch {
	method: string;
	path: RegExp;
}

/** The transport plus its controls. */
export interface StressTransport extends Emulator {
	/** The next matching request is applied, then its answer is lost (a dropped connection). */
	loseAnswer(match: RequestMatch): void;
	/** Runs `hook` once, just before the next matching request is handed to the emulator. */
	beforeNext(match: RequestMatch, hook: () => void | Promise<void>): void;
	/** Ticket creates (POST /tickets) the app sent without an Idempotency-Key. */
	readonly unkeyedCreates: number;
	/** Resolves once no request is in flight (delayed requests included). */
	settled(): Promise<void>;
	/** Forgets the pending lost-answer rules and hooks (measurements stay). */
	clear(): void;
}

const WRITE = /^\/api\/v2\/tickets(\/\d+)?(\.json)?$/;

/** Wraps `emulator` (which keeps its own faults, world and state). */
export function createStressTransport(emulator: Emulator): StressTransport {
	let lose: RequestMatch[] = [];
	let hooks: Array<{ match: RequestMatch; hook: () => void | Promise<void> }> = [];
	let inFlight = 0;
	let unkeyedCreates = 0;
	const idle: Array<() => void> = [];
	const matches = (m: RequestMatch, req: EmulatorRequest) =>
		m.method === req.method.toUpperCase() && m.path.test(req.url.split("?")[0] ?? "");
	const isAppRequest = (req: EmulatorRequest) => !("x-sandbox-client" in req.headers);

	return {
		async handle(request) {
			const app = isAppRequest(request);
			const isWrite = app && request.method !== "GET" && WRITE.test(request.url.split("?")[0] ?? "");
			inFlight++;
			try {
				if (app) {
					const index = hooks.findIndex(h => matches(h.match, request));
					if (index >= 0) {
						const [entry] = hooks.splice(index, 1);
						await entry?.hook();
					}
				}
				if (isWrite && request.method.toUpperCase() === "POST" && !request.headers["idempotency-key"]) unkeyedCreates++;
				const response: EmulatorResponse = await emulator.handle(request);
				const lost = app ? lose.findIndex(m => matches(m, request)) : -1;
				if (lost >= 0 && response.status < 300) {
					lose.splice(lost, 1);
					return { status: 0, headers: {}, body: "", dropped: true };
				}
				return response;
			} finally {
				inFlight--;
				if (inFlight === 0) idle.splice(0).forEach(resolve => resolve());
			}
		},
		reset: name => emulator.reset(name),
		onChange: listener => emulator.onChange(listener),
		dispose: () => emulator.dispose(),
		loseAnswer(match) {
			lose.push(match);
		},
		beforeNext(match, hook) {
			hooks.push({ match, hook });
		},
		get unkeyedCreates() {
			return unkeyedCreates;
		},
		settled() {
			return inFlight === 0 ? Promise.resolve() : new Promise<void>(resolve => idle.push(resolve));
		},
		clear() {
			lose = [];
			hooks = [];
		},
	};
}
