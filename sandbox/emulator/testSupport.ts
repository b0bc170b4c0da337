/**
 * Helpers for the emulator's own tests (and anyone testing against it in-process): a fresh
 * emulator on a manual clock, and `call()` that sends JSON as a given user and parses the answer.
 * Not used by the emulator itself.
 */
import { basicTokenHeader } from "./routes/auth";
import { createManualClock, type ManualClock } from "./db/clock";
import { createEmulator } from "./createEmulator";
import type { EmulatorOptions, EmulatorResponse, SandboxEmulator } from "./types";

/** A parsed answer: status, headers, JSON body (or text). */
export interface CallResult {
	status: number;
	headers: Record<string, string>;
	json: any;
	text: string;
	raw: EmulatorResponse;
}

/** What setupEmulator returns. */
export interface EmulatorHarness {
	emulator: SandboxEmulator;
	clock: ManualClock;
	/** Sends a request as `as` (email; default admin@example.com; `null` = no credentials). */
	call(
		method: string,
		url: string,
		body?: unknown,
		options?: { as?: string | null; headers?: Record<string, string> },
	): Promise<CallResult>;
}

/** A fresh emulator (default world unless given) on a manual clock starting 2025-03-03T10:00:00Z, jobs one step per 100 ms. */
export function setupEmulator(options: EmulatorOptions = {}): EmulatorHarness {
	const clock = createManualClock("2025-03-03T10:00:00Z");
	const emulator = createEmulator({ clock, settings: { jobStepMs: 100 }, ...options });
	return {
		emulator,
		clock,
		async call(method, url, body, callOptions = {}) {
			const as = callOptions.as === undefined ? "admin@example.com" : callOptions.as;
			const headers: Record<string, string> = {
				host: "emulator.test",
				...(as ? { authorization: basicTokenHeader(as) } : {}),
			};
			if (body !== undefined) headers["content-type"] = "application/json";
			Object.assign(headers, callOptions.headers ?? {});
			const raw = await emulator.handle({
				method,
				url,
				headers,
				body:
					body === undefined
						? undefined
						: typeof body === "string" || body instanceof Uint8Array
							? body
							: JSON.stringify(body),
			});
			const text = typeof raw.body === "string" ? raw.body : new TextDecoder().decode(raw.body);
			let json: unknown;
			try {
				json = text === "" ? undefined : JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { status: raw.status, headers: raw.headers, json, text, raw };
		},
	};
}
