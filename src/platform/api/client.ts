/**
 * The typed Zendesk REST client (zendesk-ticket-api.md §3–§10): each call checks the answer and returns
 * camelCase types or rejects with an ApiError. Ticket endpoints are in `tickets.ts`; the others here.
 */
import type { ZafPort } from "../zaf/port";
import {
	activityNormalizers,
	call,
	field,
	getList,
	getOne,
	listAll,
	nextPagePath,
	pick,
	query,
	showMany,
	toApiPath,
} from "./http";
import {
	normalizeAccountSettings,
	normalizeList,
	normalizeLocale,
	normalizeOrganization,
	normalizeTicketField,
	normalizeTicketForm,
	normalizeUser,
} from "./normalize";
import { createTicketsApi } from "./tickets";
import type {
	AccountSettings,
	AuditPage,
	Comment,
	Id,
	Locale,
	Organization,
	TicketField,
	TicketForm,
	Upload,
	User,
} from "./types";

export type { CreateTicketResult, TicketUpdateItem } from "./tickets";

/** Everything the app can ask Zendesk. Does not retry (429s are the caller's: see README), cache or poll. */
export type ZendeskApi = ReturnType<typeof createTicketsApi> & ReturnType<typeof createAccountApi>;

/**
 * Builds the API client over a port (the SDK adapter, or the in-process port in tests).
 *
 * @example
 *   const api = createZendeskApi(zaf);
 *   const { ticket, users } = await api.getTicket(42, { includeUsers: true });
 *   await api.updateTicket(42, { tags: [...ticket.tags, "vip"], safe_update: true, updated_stamp: ticket.updatedAt });
 */
export function createZendeskApi(zaf: ZafPort): ZendeskApi {
	return { ...createTicketsApi(zaf), ...createAccountApi(zaf) };
}

// What an audits page sideloads, for names; Zendesk's side-loading page lists no ticket forms for audits.
const AUDIT_SIDELOADS = "users,groups,organizations";

/** Everything but the ticket endpoints. Blank searches return `[]` without a request; nothing is cached. */
function createAccountApi(zaf: ZafPort) {
	return {
		/** `GET /api/v2/users/me.json`: the signed-in agent. */
		getMe(): Promise<User> {
			return getOne(zaf, "/api/v2/users/me.json", "user", normalizeUser);
		},

		/** `GET /api/v2/users/show_many.json?ids=…` in chunks of 100, valid ids once each; in Zendesk's order. */
		showManyUsers(ids: readonly Id[]): Promise<User[]> {
			return showMany(zaf, "/api/v2/users/show_many.json", "users", normalizeUser, ids);
		},

		/** `GET /api/v2/users/search.json?query=…`: first page only (Zendesk search syntax). */
		searchUsers(text: string): Promise<User[]> {
			if (text.trim() === "") return Promise.resolve([]);
			return getList(zaf, `/api/v2/users/search.json${query({ query: text.trim() })}`, "users", normalizeUser);
		},

		/** `GET /api/v2/users/autocomplete.json?name=…`: users whose name starts with `name`. */
		autocompleteUsers(name: string): Promise<User[]> {
			if (name.trim() === "") return Promise.resolve([]);
			return getList(zaf, `/api/v2/users/autocomplete.json${query({ name: name.trim() })}`, "users", normalizeUser);
		},

		/** `GET /api/v2/organizations/show_many.json?ids=…`, like `showManyUsers`; unknown ids are missing. */
		showManyOrganizations(ids: readonly Id[]): Promise<Organization[]> {
			return showMany(zaf, "/api/v2/organizations/show_many.json", "organizations", normalizeOrganization, ids);
		},

		/** `GET /api/v2/organizations/autocomplete.json?name=…`: the first page of those whose name starts with `name`. */
		async autocompleteOrganizations(name: string): Promise<Organization[]> {
			if (name.trim() === "") return [];
			const url = `/api/v2/organizations/autocomplete.json${query({ name: name.trim() })}`;
			return getList(zaf, url, "organizations", normalizeOrganization);
		},

		/** `GET /api/v2/ticket_fields.json`, all pages, system fields included, inactive ones too. */
		listTicketFields(): Promise<TicketField[]> {
			return listAll(zaf, "/api/v2/ticket_fields.json", "ticket_fields", normalizeTicketField);
		},

		/** `GET /api/v2/ticket_forms.json`, all pages (empty on plans without forms). */
		listTicketForms(): Promise<TicketForm[]> {
			return listAll(zaf, "/api/v2/ticket_forms.json", "ticket_forms", normalizeTicketForm);
		},

		/**
		 * `GET /api/v2/ticket_forms/{id}.json?include=ticket_fields`: form and fields in ONE request. The sideload
		 * (Zendesk's Web Widget uses it) is not in the OAS: without it, `unexpected_response` (callers fall back).
		 */
		async showTicketFormWithFields(id: Id): Promise<{ form: TicketForm; fields: TicketField[] }> {
			const url = `/api/v2/ticket_forms/${id}.json?include=ticket_fields`;
			const { json, status, label } = await call(zaf, { url, type: "GET" });
			return {
				form: pick(json, "ticket_form", normalizeTicketForm, label, status),
				fields: pick(json, "ticket_fields", raw => normalizeList(raw, normalizeTicketField), label, status),
			};
		},

		/** `GET /api/v2/account/settings.json`: the CC/follower switches and friends. */
		getAccountSettings(): Promise<AccountSettings> {
			return getOne(zaf, "/api/v2/account/settings.json", "settings", normalizeAccountSettings);
		},

		/** `GET /api/v2/locales.json` (OAS ListLocales, for anyone): the account's locales, in Zendesk's order. Not paginated. */
		listLocales(): Promise<Locale[]> {
			return getList(zaf, "/api/v2/locales.json", "locales", normalizeLocale);
		},

		/**
		 * `POST /api/v2/uploads.json?filename=…[&token=…]` (§9): text only, as `client.request` cannot carry binary
		 * (zaf-protocol.md §5). `token` adds to an upload; the one returned goes into `comment.uploads`.
		 */
		async uploadText(
			filename: string,
			text: string,
			options: { token?: string; contentType?: string } = {},
		): Promise<Upload> {
			const url = `/api/v2/uploads.json${query({ filename, token: options.token })}`;
			const contentType = options.contentType ?? "text/plain";
			const { json, status, label } = await call(zaf, { url, type: "POST", contentType, data: text, dataType: "json" });
			const { normalizeUpload } = await activityNormalizers();
			return pick(json, "upload", normalizeUpload, label, status);
		},

		/** `DELETE /api/v2/uploads/{token}.json` → 204. Resolves when Zendesk accepted the delete. */
		async deleteUpload(token: string): Promise<void> {
			await call(zaf, { url: `/api/v2/uploads/${encodeURIComponent(token)}.json`, type: "DELETE" });
		},

		/** A page of `GET /api/v2/tickets/{id}/audits.json` (oldest first); a `cursor` not of this ticket's audits is ignored. */
		async listAudits(ticketId: Id, cursor?: string | null): Promise<AuditPage> {
			const first = `/api/v2/tickets/${ticketId}/audits.json?include=${AUDIT_SIDELOADS}`;
			const cursorPath = cursor ? toApiPath(cursor) : null;
			const url = cursorPath?.startsWith(`/api/v2/tickets/${ticketId}/audits`) ? withSideloads(cursorPath) : first;
			const { json, status, label } = await call(zaf, { url, type: "GET" });
			const { normalizeAudit } = await activityNormalizers();
			const items = pick(json, "audits", raw => normalizeList(raw, normalizeAudit), label, status);
			const next = nextPagePath(json);
			return {
				items,
				nextCursor: next === null || withSideloads(next) === url ? null : next,
				users: normalizeList(field(json, "users"), normalizeUser) ?? [],
				groups: normalizeList(field(json, "groups"), normalizeOrganization) ?? [],
				organizations: normalizeList(field(json, "organizations"), normalizeOrganization) ?? [],
			};
		},

		/** `GET /api/v2/tickets/{id}/comments.json`, all pages, oldest first. */
		async listComments(ticketId: Id): Promise<Comment[]> {
			const { normalizeComment } = await activityNormalizers();
			return listAll(zaf, `/api/v2/tickets/${ticketId}/comments.json`, "comments", normalizeComment);
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
