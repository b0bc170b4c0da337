/** Ticket fields, ticket forms, account settings and locales: the account's configuration (§7, account settings). */
import type { ZafPort } from "../zaf/port";
import { call, getOne, listAll, pick } from "./http";
import {
	normalizeAccountSettings,
	normalizeList,
	normalizeLocale,
	normalizeTicketField,
	normalizeTicketForm,
} from "./normalize";
import type { AccountSettings, Id, Locale, TicketField, TicketForm } from "./types";

/** One ticket form and the definitions of the fields it lists (`showTicketFormWithFields`). */
export interface TicketFormWithFields {
	form: TicketForm;
	fields: TicketField[];
}

/** Configuration endpoints over a port. Every page is fetched; nothing is cached or filtered. */
export function createFieldsApi(zaf: ZafPort) {
	return {
		/** `GET /api/v2/ticket_fields.json`, all pages, system fields included, inactive ones too. */
		listTicketFields(): Promise<TicketField[]> {
			return listAll(zaf, "/api/v2/ticket_fields.json", "ticket_fields", raw =>
				normalizeList(raw, normalizeTicketField),
			);
		},

		/** `GET /api/v2/ticket_forms.json`, all pages (empty on plans without forms). */
		listTicketForms(): Promise<TicketForm[]> {
			return listAll(zaf, "/api/v2/ticket_forms.json", "ticket_forms", raw => normalizeList(raw, normalizeTicketForm));
		},

		/**
		 * `GET /api/v2/ticket_forms/{id}.json?include=ticket_fields`: the form plus the fields it lists
		 * (as `ticket_fields` shows them to the agent), in ONE request. The sideload is what Zendesk's
		 * Web Widget uses; it is not in the OAS, so an answer without `ticket_fields` is an
		 * `unexpected_response` (callers fall back to the two lists). Does not cache or order anything.
		 */
		async showTicketFormWithFields(id: Id): Promise<TicketFormWithFields> {
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

		/**
		 * `GET /api/v2/locales.json` (OAS ListLocales, allowed for anyone): the translation locales the
		 * account enables, in Zendesk's order. Not paginated; malformed entries are dropped.
		 */
		listLocales(): Promise<Locale[]> {
			return getOne(zaf, "/api/v2/locales.json", "locales", raw => normalizeList(raw, normalizeLocale));
		},
	};
}
