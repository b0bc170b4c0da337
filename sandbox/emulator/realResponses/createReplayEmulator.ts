/**
 * An `Emulator` that answers every request with one captured Zendesk response, so the app's real
 * adapter, relay and API client can be run against exactly what Zendesk sent. Test-only. Records
 * the requests it got; does not check them (a capture may come from a neighbouring endpoint).
 */
import type { Emulator, EmulatorRequest, EmulatorResponse } from "../types";
import type { CapturedResponse } from "./loadRealResponses";

/** The replaying emulator plus the requests it answered. */
export interface ReplayEmulator extends Emulator {
	requests: EmulatorRequest[];
}

/** Answers with `capture.response` (JSON bodies re-serialised, text bodies as captured). */
export function createReplayEmulator(capture: CapturedResponse): ReplayEmulator {
	const requests: EmulatorRequest[] = [];
	const { status, headers, body } = capture.response;
	const answer: EmulatorResponse = {
		status,
		headers: { ...headers },
		body: typeof body === "string" ? body : JSON.stringify(body),
	};
	return {
		requests,
		async handle(request) {
			requests.push(request);
			return { ...answer, headers: { ...answer.headers } };
		},
		reset() {},
		onChange: () => () => {},
		dispose() {},
	};
}
