/**
 * Dependencies handed down through Preact context (no module singletons): the ZAF port, the API
 * client, the translator and the environment. Each `useX()` throws outside its provider.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ZendeskApi } from "../api/client";
import type { TranslateVars, Translator } from "../i18n/createTranslator";
import type { ZafPort } from "../zaf/port";
import type { AppEnv } from "./models/createShellModel";

/** Provides the ZAF port (set by `mount`). */
export const ZafCtx = createContext<ZafPort | null>(null);
/** Provides the Zendesk API client (set by `mount`). */
export const ApiCtx = createContext<ZendeskApi | null>(null);
/** Provides the translator for the agent's locale (set by `mount`). */
export const I18nCtx = createContext<Translator | null>(null);
/** Provided by the shell once the environment is loaded (inside the ticket sidebar panel). */
export const EnvCtx = createContext<AppEnv | null>(null);

function required<T>(value: T | null, name: string, provider: string): T {
	if (value === null) throw new Error(`${name} must be used within <${provider}>`);
	return value;
}

/** The ZAF port. Throws outside `<ZafCtx.Provider>`. */
export function useZaf(): ZafPort {
	return required(useContext(ZafCtx), "useZaf", "ZafCtx.Provider");
}

/** The Zendesk API client. Throws outside `<ApiCtx.Provider>`. */
export function useApi(): ZendeskApi {
	return required(useContext(ApiCtx), "useApi", "ApiCtx.Provider");
}

/** The translator. Throws outside `<I18nCtx.Provider>`. */
export function useI18n(): Translator {
	return required(useContext(I18nCtx), "useI18n", "I18nCtx.Provider");
}

/** Shorthand for `useI18n().t`. */
export function useT(): (key: string, vars?: TranslateVars) => string {
	return useI18n().t;
}

/** Location, ticket id, settings and agent. Throws outside `<EnvCtx.Provider>` (i.e. before the shell loaded). */
export function useEnv(): AppEnv {
	return required(useContext(EnvCtx), "useEnv", "EnvCtx.Provider");
}
