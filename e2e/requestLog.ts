/**
 * The emulator's request log as the e2e tests read it: over the sandbox controls
 * (`GET/DELETE /__sandbox/requests`), like any client of the sandbox. API requests only; sandbox
 * controls are not logged. The workspace page itself only writes on Submit, so ticket PUTs and
 * creates here are the app's.
 */
import type { Workspace } from "./harness";

/** One entry of the log (the fields the tests read). */
export interface LoggedRequest {
	method: string;
	url: string;
	status: number;
	fault?: boolean;
}

/** The log's reads for one workspace. */
export function requestLog(ws: Pick<Workspace, "api">) {
	const all = async (): Promise<LoggedRequest[]> =>
		(await ws.api<{ requests: LoggedRequest[] }>("GET", "/__sandbox/requests")).json.requests;
	return {
		all,
		async clear(): Promise<void> {
			await ws.api("DELETE", "/__sandbox/requests");
		},
		/** The PUTs of one ticket. */
		async ticketPuts(id: number): Promise<LoggedRequest[]> {
			return (await all()).filter(
				r => r.method === "PUT" && r.url.split("?")[0]?.replace(/\.json$/, "") === `/api/v2/tickets/${id}`,
			);
		},
		/** Ticket creates. */
		async creates(): Promise<LoggedRequest[]> {
			return (await all()).filter(r => r.method === "POST" && /^\/api\/v2\/tickets(\.json)?(\?|$)/.test(r.url));
		},
	};
}
