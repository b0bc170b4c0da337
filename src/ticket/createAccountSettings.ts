/** The account's settings, read once per browser session: every panel of the session shares one `GET account/settings`. */
import type { ZendeskApi } from "../platform/api/client";
import type { AccountSettings } from "../platform/api/types";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { createSessionValue } from "../platform/storage/createSessionValue";
import { isRecord } from "../shared/isRecord";

/** Session storage key of the account settings. */
export const ACCOUNT_SETTINGS_KEY = "zd-sidebar:accountSettings:v1";

const SETTINGS_KEYS: ReadonlyArray<keyof AccountSettings> = [
	"collaboration",
	"followerAndEmailCcCollaborations",
	"lightAgentEmailCcsAllowed",
	"commentsPublicByDefault",
	"emailAttachments",
	"privateAttachments",
	"tagging",
];

/** The cached getter (kept 10 minutes in `storage`, memory only without). Rejects with the API's error, caching nothing. */
export function createAccountSettings(options: {
	api: Pick<ZendeskApi, "getAccountSettings">;
	storage?: StorageLike | undefined;
}): () => Promise<AccountSettings> {
	const value = createSessionValue<AccountSettings>({
		key: ACCOUNT_SETTINGS_KEY,
		load: () => options.api.getAccountSettings(),
		isValid: (stored): stored is AccountSettings =>
			isRecord(stored) && SETTINGS_KEYS.every(key => typeof stored[key] === "boolean"),
		...(options.storage ? { storage: options.storage } : {}),
	});
	return () => value.get();
}
