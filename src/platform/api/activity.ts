/** Ticket audits and comments (zendesk-ticket-api.md §10, OAS ListTicketComments). */
import type { ZafPort } from "../zaf/port";
import { call, listAll, nextPagePath, pick, toApiPath } from "./http";
import { activityNormalizers } from "./activityNormalizers";
import { normalizeList, normalizeOrganization, normalizeUser } from "./normalize";
import type { AuditPage, Comment, Id } from "./types";

/**
 * The sideloads an audits page asks for: the people, groups and organizations its events name, so
 * the history shows names in the one request per page. Zendesk's side-loading page lists users,
 * groups, organizations and tickets for Ticket Audits; ticket forms are not among them (the
 * history takes form names from the definitions the panel already loaded).
 */
export const AUDIT_SIDELOADS = "users,groups,organizations";

/** Audit and comment endpoints over a port. Read-only; nothing is cached. */
export function createActivityApi(zaf: ZafPort) {
	return {
		/**
		 * One page of `GET /api/v2/tickets/{id}/audits.json?include=users,groups,organizations` (oldest
		 * first) with its sideloads. Pass the previous page's `nextCursor` to continue; a cursor that is
		 * not a path of this ticket's audits is ignored, and one without the sideloads gets them added.
		 */
		async listAudits(ticketId: Id, cursor?: string | null): Promise<AuditPage> {
			const first = `/api/v2/tickets/${ticketId}/audits.json?include=${AUDIT_SIDELOADS}`;
			const cursorPath = cursor ? toApiPath(cursor) : null;
			const url = cursorPath?.startsWith(`/api/v2/tickets/${ticketId}/audits`) ? withSideloads(cursorPath) : first;
			const { json, status, label } = await call(zaf, { url, type: "GET" });
			const { normalizeAudit, normalizeGroup } = await activityNormalizers();
			const items = pick(json, "audits", raw => normalizeList(raw, normalizeAudit), label, status);
			const next = nextPagePath(json);
			const sideload = <T>(key: string, normalize: (raw: unknown) => T | null): T[] =>
				normalizeList(
					typeof json === "object" && json !== null ? (json as Record<string, unknown>)[key] : [],
					normalize,
				) ?? [];
			return {
				items,
				nextCursor: next === null || withSideloads(next) === url ? null : next,
				users: sideload("users", normalizeUser),
				groups: sideload("groups", normalizeGroup),
				organizations: sideload("organizations", normalizeOrganization),
			};
		},

		/** `GET /api/v2/tickets/{id}/comments.json`, all pages, oldest first. */
		async listComments(ticketId: Id): Promise<Comment[]> {
			const { normalizeComment } = await activityNormalizers();
			return listAll(zaf, `/api/v2/tickets/${ticketId}/comments.json`, "comments", raw =>
				normalizeList(raw, normalizeComment),
			);
		},
	};
}

/** A path with `include=` set to the audit sideloads (a next-page link may or may not repeat it). */
function withSideloads(path: string): string {
	const [base = path, search = ""] = path.split("?", 2);
	const params = new URLSearchParams(search);
	if (params.get("include") === AUDIT_SIDELOADS) return path;
	params.set("include", AUDIT_SIDELOADS);
	return `${base}?${params.toString().replace(/%2C/g, ",")}`;
}
