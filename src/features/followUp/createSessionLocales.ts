/**
 * The account's languages (`api.listLocales()`, `GET /api/v2/locales`) as a session value: one
 * request per browser session (the injected session storage, 10 minutes) instead of one per
 * panel. Account configuration, like the ticket fields; the follow-up section offers them for a
 * new requester. Keeps only what the picker shows (`{id, name}`); does not filter or sort.
 */
import type { ZendeskApi } from "../../platform/api/client";
import type { StorageLike } from "../../platform/storage/createDraftStore";
import { createSessionValue, type SessionValue } from "../../platform/storage/createSessionValue";
import type { FollowUpLocale } from "./followUpState";

/** Session storage key of the locales. */
export const LOCALES_KEY = "zd-sidebar:locales:v1";

/** Reads the locales through `api` at most once per session; a failed read is not kept (it rejects with the ApiError). */
export function createSessionLocales(
	api: Pick<ZendeskApi, "listLocales">,
	storage?: StorageLike,
): SessionValue<FollowUpLocale[]> {
	return createSessionValue({
		key: LOCALES_KEY,
		load: async () => (await api.listLocales()).map(({ id, name }) => ({ id, name })),
		isValid: isLocaleList,
		...(storage ? { storage } : {}),
	});
}

function isLocaleList(value: unknown): value is FollowUpLocale[] {
	return (
		Array.isArray(value) &&
		value.every(
			item =>
				typeof item === "object" &&
				item !== null &&
				typeof (item as Record<string, unknown>).id === "number" &&
				typeof (item as Record<string, unknown>).name === "string",
		)
	);
}
