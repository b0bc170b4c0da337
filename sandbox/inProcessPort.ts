/**
 * The in-process test double for the ZAF port: the real adapter (`createZafClientPort`) over a
 * fake SDK client whose host is the emulator itself. Tests of the API client, models and
 * components use it and assert on the emulator's state, not on call shapes.
 *
 * @example
 *   const emulator = createEmulator();
 *   const { port, client } = createInProcessPort({ emulator, ticketId: 3 });
 *   await createZendeskApi(port).getTicket(3);
 */
import type { ZafPort } from "../src/platform/zaf/port";
import { createZafClientPort } from "../src/platform/zaf/zafClientPort";
import type { Emulator } from "./emulator/types";
import { createFakeSdkClient, type FakeSdkClient, type FakeSdkClientOptions } from "./inProcess/fakeSdkClient";

/** Options for `createInProcessPort`: the emulator, who is signed in, and the open ticket. */
export interface InProcessPortOptions extends FakeSdkClientOptions {
	emulator: Emulator;
	/** Our own request timeout (ms) passed to the adapter. */
	requestTimeoutMs?: number;
}

/** The port plus the fake host client behind it (to fire events, read invocations, switch user). */
export interface InProcessPort {
	port: ZafPort;
	client: FakeSdkClient;
}

/** Builds a ZafPort backed by the emulator, in-process. Call `client.close()` when done. */
export function createInProcessPort(options: InProcessPortOptions): InProcessPort {
	const client = createFakeSdkClient(options);
	const port = createZafClientPort(
		client,
		options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs },
	);
	return { port, client };
}
