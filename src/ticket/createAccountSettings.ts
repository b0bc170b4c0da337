/**
 * The account's settings, read once per browser session (sessionStorage, 10 minutes): every panel
 * of the session shares one `GET account/settings`.
 */
import type { ZendeskApi } from "../platform/api/client";
import type { AccountSettings } from "../platform/api/types";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { createSessionValue, SESSION_TTL_MS } from "../platform/storage/createSessionValue";

/** Session storage key of the account settings. */
export const ACCOUNT_SETTINGS_KEY = "zd-sidebar:accountSettings:v1";

/** Options: the API, where the settings survive the panel (memory only when absent), and time. */
export interface AccountSettingsOptions {
	api: Pick<ZendeskApi, "getAccountSettings">;
	storage?: StorageLike | undefined;
	ttlMs?: number;
	now?: () => number;
}

/** Returns the cached getter. Rejects with the API's error when the read fails (nothing cached). */
export function createAccountSettings(options: AccountSettingsOptions): () => Promise<AccountSettings> {
	const value = createSessionValue<AccountSettings>({
		key: ACCOUNT_SETTINGS_KEY,
		load: () => options.api.getAccountSettings(),
		isValid: isAccountSettings,
		ttlMs: options.ttlMs ?? SESSION_TTL_MS,
		...(options.now ? { now: options.now } : {}),
		...(options.storage ? { storage: options.storage } : {}),
	});
	return () => value.get();
}

const SETTINGS_KEYS: ReadonlyArray<keyof AccountSettings> = [
	"collaboration",
	"followerAndEmailCcCollaborations",
	"lightAgentEmailCcsAllowed",
	"commentsPublicByDefault",
	"emailAttachments",
	"privateAttachments",
	"tagging",
];

function isAccountSettings(value: unknown): value is AccountSettings {
	if (typeof value !== "object" || value === null) return false;
	const record = value as Record<string, unknown>;
	return SETTINGS_KEYS.every(key => typeof record[key] === "boolean");
}
