/** Ticket audits and comments (zendesk-ticket-api.md §10, OAS ListTicketComments). */
import type { ZafPort } from "../zaf/port";
import { call, listAll, nextPagePath, pick, toApiPath } from "./http";
import { normalizeAudit, normalizeComment, normalizeList } from "./normalize";
import type { Audit, Comment, Id, Page } from "./types";

/** Audit and comment endpoints over a port. Read-only; nothing is cached. */
export function createActivityApi(zaf: ZafPort) {
	return {
		/**
		 * One page of `GET /api/v2/tickets/{id}/audits.json` (oldest first). Pass the previous page's
		 * `nextCursor` to continue; a cursor that is not a path of this ticket's audits is ignored.
		 */
		async listAudits(ticketId: Id, cursor?: string | null): Promise<Page<Audit>> {
			const first = `/api/v2/tickets/${ticketId}/audits.json`;
			const cursorPath = cursor ? toApiPath(cursor) : null;
			const url = cursorPath?.startsWith(`/api/v2/tickets/${ticketId}/audits`) ? cursorPath : first;
			const { json, status, label } = await call(zaf, { url, type: "GET" });
			const items = pick(json, "audits", raw => normalizeList(raw, normalizeAudit), label, status);
			const next = nextPagePath(json);
			return { items, nextCursor: next === url ? null : next };
		},

		/** `GET /api/v2/tickets/{id}/comments.json`, all pages, oldest first. */
		listComments(ticketId: Id): Promise<Comment[]> {
			return listAll(zaf, `/api/v2/tickets/${ticketId}/comments.json`, "comments", raw =>
				normalizeList(raw, normalizeComment),
			);
		},
	};
}
