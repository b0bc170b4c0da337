/**
 * What the workspace does when the agent clicks Submit, as Zendesk does it for apps: run the
 * `ticket.save` hook (the app may block with a message), then `ticket.submit.start`, save the form
 * edits with one safe REST update, then `ticket.submit.done` or `.fail`, and `.always`. It knows
 * no HTTP: `save` performs the PUT.
 */
import type { TicketState } from "./ticketState";
import type { ZafHost } from "./zafHost";

/** The answer of `save` (status and parsed body). */
export interface SaveResponse {
	status: number;
	json: unknown;
}

/** How a submit ended. */
export type SubmitOutcome =
	| { kind: "saved"; status: number | null }
	| { kind: "blocked"; message: string | null; reason: "blocked" | "timeout" }
	| { kind: "failed"; status: number; message: string };

export interface SubmitDeps {
	host: Pick<ZafHost, "runHook" | "emit">;
	ticket: TicketState;
	/** PUTs the body to `/api/v2/tickets/{id}.json` as the signed-in agent. */
	save: (ticketId: number, body: Record<string, unknown>) => Promise<SaveResponse>;
}

/** Runs one submit. Never throws: a transport failure is a `failed` outcome with status 0. */
export async function submitTicket({ host, ticket, save }: SubmitDeps): Promise<SubmitOutcome> {
	const verdict = await host.runHook("ticket.save");
	if (!verdict.allowed) return { kind: "blocked", message: verdict.message, reason: verdict.reason };
	const ticketId = ticket.id;
	host.emit("ticket.submit.start", { ticketId });
	const body = ticket.updateBody();
	let outcome: SubmitOutcome;
	if (!body) {
		outcome = { kind: "saved", status: null };
	} else {
		try {
			const response = await save(ticketId, body);
			outcome =
				response.status >= 200 && response.status < 300
					? { kind: "saved", status: response.status }
					: { kind: "failed", status: response.status, message: describeFailure(response.json) };
		} catch (error) {
			outcome = { kind: "failed", status: 0, message: error instanceof Error ? error.message : String(error) };
		}
	}
	if (outcome.kind === "saved") {
		ticket.clearEdits();
		host.emit("ticket.submit.done", { ticketId });
	} else {
		host.emit("ticket.submit.fail", { ticketId, status: outcome.status });
	}
	host.emit("ticket.submit.always", { ticketId });
	return outcome;
}

function describeFailure(json: unknown): string {
	if (typeof json !== "object" || json === null) return "The update failed.";
	const { error, description } = json as { error?: unknown; description?: unknown };
	if (typeof description === "string") return description;
	if (typeof error === "string") return error;
	if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
		return (error as { message: string }).message;
	}
	return "The update failed.";
}
