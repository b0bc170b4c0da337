/**
 * The composition root: from a ZafPort to a running panel. Production (`main.tsx`), the sandbox
 * and component tests all call this with different ports, and nothing else differs.
 */
import { signal } from "@preact/signals";
import { render } from "preact";
import { createZendeskApi } from "../platform/api/client";
import { withReadRetries, type ReadWait } from "../ticket/withReadRetries";
import { loadBundles, type LocaleLoader } from "../platform/i18n/bundles";
import { createTranslator } from "../platform/i18n/createTranslator";
import type { ZafPort } from "../platform/zaf/port";
import { App } from "./App";
import { startAutoResize } from "./autoResize";
import { ShellErrorBoundary } from "./ShellErrorBoundary";
import { ApiCtx, I18nCtx, StorageCtx, ZafCtx, type PanelStorage } from "../platform/context";
import { createShellModel, readStartUp } from "../platform/createShellModel";
import { ReadWaitCtx } from "../ticket/readWait";
import { withUnkeptDrafts } from "../platform/storage/usableStorage";

/** What `mount` needs: a port and a container (and, in production, how to load locales). */
export interface MountOptions {
	zaf: ZafPort;
	/** The element the app renders into; its height drives the iframe's. */
	container: HTMLElement;
	/** Loads a non-English locale's strings (production: `fetchLocaleBundle`). Without it the UI is English. */
	loadLocale?: LocaleLoader;
	/**
	 * Where drafts (`local`) and session caches (`session`) persist: the browser's storages read by
	 * `main.tsx`, memory storages in tests. Without `local` (refused by the browser) drafts live in
	 * the panel's memory and the agent is told so once they have one; nothing outlives the panel.
	 */
	storage?: PanelStorage;
}

/**
 * Reads the agent's locale, builds the API client, translator and shell model, renders the app and
 * starts auto-resize. Resolves with `unmount`, which stops everything it started. Never rejects on
 * a remote failure (the panel shows it instead).
 *
 * @example
 *   const unmount = await mount({ zaf: createZafClientPort(client), container: document.getElementById("app")! });
 */
export async function mount({ zaf, container, loadLocale, storage = {} }: MountOptions): Promise<() => void> {
	// One ZAF get: the agent (for the locale) and the ticket's form (a hint to load its fields early).
	const startUp = await readStartUp(zaf);
	const currentUser = startUp.currentUser;
	const locale = currentUser?.locale ?? "en";
	const translator = createTranslator(locale, await loadBundles(locale, loadLocale));
	// Reads ride over 5xx/timeouts/429s (bounded); writes are retried only by the writer and the create runner.
	const readWait = signal<ReadWait | null>(null);
	const api = createZendeskApi(withReadRetries(zaf, { onWaitChange: wait => (readWait.value = wait) }));
	const shell = createShellModel(zaf, startUp);
	container.setAttribute("lang", locale);
	render(
		<ZafCtx.Provider value={zaf}>
			<ApiCtx.Provider value={api}>
				<I18nCtx.Provider value={translator}>
					<StorageCtx.Provider value={withUnkeptDrafts(storage)}>
						<ReadWaitCtx.Provider value={readWait}>
							<ShellErrorBoundary name="app">
								<main class="zd-app">
									<App shell={shell} />
								</main>
							</ShellErrorBoundary>
						</ReadWaitCtx.Provider>
					</StorageCtx.Provider>
				</I18nCtx.Provider>
			</ApiCtx.Provider>
		</ZafCtx.Provider>,
		container,
	);
	const stopResize = startAutoResize(zaf, container);
	void shell.load();
	return () => {
		stopResize();
		render(null, container);
	};
}
