/**
 * The account's languages (`GET /api/v2/locales`) as a session value: one request per browser
 * session (sessionStorage, 10 minutes) instead of one per panel. Account configuration, like the
 * ticket fields; the follow-up section offers them for a new requester.
 */
import type { StorageLike } from "./createDraftStore";
import { createSessionValue, type SessionValue } from "./createSessionValue";
import type { FollowUpLocale } from "./followUpState";

/** Session storage key of the locales. */
export const LOCALES_KEY = "zd-sidebar:locales:v1";

/** Wraps `load` (e.g. `() => fetchLocales(zaf)`); a failed load is not kept. */
export function createSessionLocales(
	load: () => Promise<FollowUpLocale[]>,
	storage?: StorageLike,
): SessionValue<FollowUpLocale[]> {
	return createSessionValue({ key: LOCALES_KEY, load, isValid: isLocaleList, ...(storage ? { storage } : {}) });
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
