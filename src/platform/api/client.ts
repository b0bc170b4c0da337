/**
 * The typed Zendesk REST client over the ZAF port. Every function validates the response at the
 * boundary and returns camelCase types (`types.ts`) or rejects with an ApiError (HTTP failures
 * from the port; `unexpected_response` for a 2xx with the wrong shape).
 */
import type { ZafPort } from "../zaf/port";
import { createActivityApi } from "./activity";
import { createFieldsApi } from "./fields";
import { createOrganizationsApi } from "./organizations";
import { createTicketsApi } from "./tickets";
import { createUploadsApi } from "./uploads";
import { createUsersApi } from "./users";

export type { CreateTicketResult, TicketUpdateItem } from "./tickets";

/** Everything the app can ask Zendesk. Does not retry (429s are the caller's: see README), cache or poll. */
export type ZendeskApi = ReturnType<typeof createTicketsApi> &
	ReturnType<typeof createUsersApi> &
	ReturnType<typeof createOrganizationsApi> &
	ReturnType<typeof createFieldsApi> &
	ReturnType<typeof createUploadsApi> &
	ReturnType<typeof createActivityApi>;

/**
 * Builds the API client over a port (the real SDK adapter, or the in-process port in tests).
 *
 * @example
 *   const api = createZendeskApi(zaf);
 *   const { ticket, users } = await api.getTicket(42, { includeUsers: true });
 *   await api.updateTicket(42, { tags: [...ticket.tags, "vip"], safe_update: true, updated_stamp: ticket.updatedAt });
 */
export function createZendeskApi(zaf: ZafPort): ZendeskApi {
	return {
		...createTicketsApi(zaf),
		...createUsersApi(zaf),
		...createOrganizationsApi(zaf),
		...createFieldsApi(zaf),
		...createUploadsApi(zaf),
		...createActivityApi(zaf),
	};
}
