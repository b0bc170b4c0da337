/** What is handed down through Preact context (no module singletons); each `useX()` but `useStorage` throws outside it. */
import type { ReadonlySignal } from "@preact/signals";
import { createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";
import type { ZendeskApi } from "./api/client";
import type { TranslateVars, Translator } from "./i18n/createTranslator";
import type { ZafPort } from "./zaf/port";
import { hasDraft, type DraftSection, type StorageLike } from "./storage/createDraftStore";
import type { AppEnv } from "./createShellModel";

/** The browser's storages `main.tsx` could read (either may be missing): `local` for drafts, `session` for caches. */
export interface PanelStorage {
	local?: StorageLike | undefined;
	session?: StorageLike | undefined;
	/** Only when drafts cannot outlive the panel: true once the agent has one (the panel warns them). */
	unkeptDrafts?: ReadonlySignal<boolean> | undefined;
}

/** Provides the ZAF port (set by `mount`). */
export const ZafCtx = createContext<ZafPort | null>(null);
/** Provides the Zendesk API client (set by `mount`). */
export const ApiCtx = createContext<ZendeskApi | null>(null);
/** Provides the translator for the agent's locale (set by `mount`). */
export const I18nCtx = createContext<Translator | null>(null);
/** Provides the storages (set by `mount`); defaults to none, so drafts and caches live in memory only. */
export const StorageCtx = createContext<PanelStorage>({});
/** Provided by the shell once the environment is loaded (inside the ticket sidebar panel). */
export const EnvCtx = createContext<AppEnv | null>(null);

function required<T>(value: T | null, name: string, provider: string): T {
	if (value === null) throw new Error(`${name} must be used within <${provider}>`);
	return value;
}

/** The ZAF port. Throws outside `<ZafCtx.Provider>`. */
export const useZaf = (): ZafPort => required(useContext(ZafCtx), "useZaf", "ZafCtx.Provider");

/** The Zendesk API client. Throws outside `<ApiCtx.Provider>`. */
export const useApi = (): ZendeskApi => required(useContext(ApiCtx), "useApi", "ApiCtx.Provider");

/** The translator. Throws outside `<I18nCtx.Provider>`. */
export const useI18n = (): Translator => required(useContext(I18nCtx), "useI18n", "I18nCtx.Provider");

/** Shorthand for `useI18n().t`. */
export const useT = (): ((key: string, vars?: TranslateVars) => string) => useI18n().t;

/** Location, ticket id, settings and agent. Throws outside `<EnvCtx.Provider>` (i.e. before the shell loaded). */
export const useEnv = (): AppEnv => required(useContext(EnvCtx), "useEnv", "EnvCtx.Provider");

/** The storages `mount` was given; `{}` (nothing persists) outside a provider. Never touches the browser's own. */
export const useStorage = (): PanelStorage => useContext(StorageCtx);

/** Whether this agent has a draft (or typed text) of `section` on the open ticket: its glance then opens the editor. */
export function useDraftWaiting(section: DraftSection): boolean {
	const env = useEnv();
	const { local } = useStorage();
	return useMemo(() => hasDraft(local, env.currentUser.id, env.ticketId, section), [local, env, section]);
}
