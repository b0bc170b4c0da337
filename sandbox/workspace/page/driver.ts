/**
 * `window.__workspace`: the test driver the e2e harness (and a curious developer in DevTools)
 * uses to read the protocol log and drive events, hooks and submits. It only calls what the page
 * itself can do; it adds no behaviour.
 */
import type { SubmitOutcome } from "../host/submitTicket";
import type { TicketState } from "../host/ticketState";
import type { HookVerdict, ProtocolLogEntry, ZafHost } from "../host/zafHost";
import type { Identity } from "./identity";

interface DriverView {
	ticketId: number | null;
	host?: ZafHost;
	form?: TicketState;
	submit?: () => Promise<unknown>;
}

/** The driver's API (also typed for the e2e harness through `WorkspaceDriver`). */
export interface WorkspaceDriver {
	ticketId(): number | null;
	signedInAs(): Identity | undefined;
	log(): ProtocolLogEntry[];
	isRegistered(): boolean;
	subscriberCount(event: string): number;
	emit(event: string, payload?: unknown, force?: boolean): boolean;
	runHook(hook: string): Promise<HookVerdict>;
	edits(): Record<string, unknown>;
	submit(): Promise<SubmitOutcome | undefined>;
	navigate(path: string): void;
}

declare global {
	interface Window {
		__workspace?: WorkspaceDriver;
	}
}

/** Installs the driver on `window`. */
export function installDriver(deps: {
	current: () => DriverView | undefined;
	identity: () => Identity | undefined;
	navigate: (path: string) => void;
}): void {
	const host = () => deps.current()?.host;
	window.__workspace = {
		ticketId: () => deps.current()?.ticketId ?? null,
		signedInAs: deps.identity,
		log: () => host()?.log() ?? [],
		isRegistered: () => host()?.isRegistered() ?? false,
		subscriberCount: event => host()?.subscriberCount(event) ?? 0,
		emit: (event, payload, force) => host()?.emit(event, payload, { force: force === true }) ?? false,
		runHook: hook => host()?.runHook(hook) ?? Promise.resolve({ allowed: true, answered: false }),
		edits: () => deps.current()?.form?.edits() ?? {},
		submit: async () => (await deps.current()?.submit?.()) as SubmitOutcome | undefined,
		navigate: deps.navigate,
	};
}
