/** The composition root: from a ZafPort to a running panel (production, sandbox and tests differ only in the port). */
import { signal } from "@preact/signals";
import { render } from "preact";
import { createZendeskApi } from "../platform/api/client";
import { withReadRetries } from "../ticket/withReadRetries";
import { loadBundles, type LocaleLoader } from "../platform/i18n/bundles";
import { createTranslator } from "../platform/i18n/createTranslator";
import type { ZafPort } from "../platform/zaf/port";
import { App } from "./App";
import { ShellErrorBoundary } from "./ShellErrorBoundary";
import { ApiCtx, I18nCtx, StorageCtx, ZafCtx, type PanelStorage } from "../platform/context";
import { MESSAGE_PREFIX } from "../platform/api/errors";
import { createShellModel, readStartUp } from "../platform/createShellModel";
import { ReadWaitCtx } from "../ticket/useWait";
import type { Wait } from "../ticket/waitClock";
import { withUnkeptDrafts } from "../platform/storage/usableStorage";

/** What `mount` needs: a port and a container (and, in production, how to load locales). */
interface MountOptions {
	zaf: ZafPort;
	/** The element the app renders into; its height drives the iframe's. */
	container: HTMLElement;
	/** Loads a non-English locale's strings (production: `fetchLocaleBundle`). Without it the UI is English. */
	loadLocale?: LocaleLoader;
	/** Where drafts (`local`) and session caches (`session`) persist. Without `local` drafts live in memory, and the agent is told. */
	storage?: PanelStorage;
}

/**
 * Builds the API client, translator and shell model, renders the app and starts auto-resize.
 * Resolves with `unmount`, which stops all of it. Never rejects on a remote failure (the panel shows it).
 *
 * @example
 *   const unmount = await mount({ zaf: createZafClientPort(client), container: document.getElementById("app")! });
 */
export async function mount({ zaf, container, loadLocale, storage = {} }: MountOptions): Promise<() => void> {
	// One ZAF get: the agent (for the locale) and the ticket's form (a hint to load its fields early).
	const startUp = await readStartUp(zaf);
	const locale = startUp.currentUser?.locale ?? "en";
	const translator = createTranslator(locale, await loadBundles(locale, loadLocale));
	// Reads ride over 5xx/timeouts/429s (bounded); writes are retried only by the writer and the create runner.
	const readWait = signal<Wait | null>(null);
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

/**
 * Keeps the ZAF iframe as tall as `element` (`invoke('resize')` from a ResizeObserver; once without
 * one) until the returned stop. Zero heights are skipped (ZAF reports 0 while the app is hidden,
 * zendesk_app_framework_sdk#164), repeats dropped.
 */
export function startAutoResize(zaf: ZafPort, element: HTMLElement): () => void {
	let last = -1;
	const resize = (height: number) => {
		const rounded = Math.ceil(height);
		if (rounded <= 0 || rounded === last) return;
		last = rounded;
		zaf.invoke("resize", { width: "100%", height: `${rounded}px` }).catch((error: unknown) => {
			console.warn(`${MESSAGE_PREFIX} resize failed`, error);
		});
	};
	const measure = () => resize(element.getBoundingClientRect().height || element.scrollHeight);

	if (typeof ResizeObserver === "undefined") {
		measure();
		return () => {};
	}
	const observer = new ResizeObserver(entries => {
		const entry = entries[entries.length - 1];
		const box = entry?.borderBoxSize?.[0];
		if (box) resize(box.blockSize);
		else measure();
	});
	observer.observe(element);
	return () => observer.disconnect();
}
