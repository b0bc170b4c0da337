/**
 * The entry point (after Zendesk's SDK script): the only code that calls `ZAFClient.init()` (false outside
 * Zendesk: we then say where to open the app) and touches the browser's storages, handed to `mount`.
 */
import { render } from "preact";
import { fetchLocaleBundle, loadBundles } from "./platform/i18n/bundles";
import { createTranslator } from "./platform/i18n/createTranslator";
import { ShellOutside } from "./app/App";
import { I18nCtx } from "./platform/context";
import { usableStorage } from "./platform/storage/usableStorage";
import { mount } from "./app/mount";
import type { ZafClientFactory } from "./platform/zaf/port";
import { createZafClientPort } from "./platform/zaf/zafClientPort";

declare global {
	interface Window {
		/** Defined by zaf_sdk.min.js; missing if the SDK script failed to load. */
		ZAFClient?: ZafClientFactory;
	}
}

const container = document.getElementById("app") ?? document.body;
const client = window.ZAFClient?.init();

if (client) {
	// A storage the browser refuses (reading it throws, or it throws on use) is left out: the panel
	// then keeps drafts in memory and tells the agent so.
	const storage = {
		local: usableStorage(() => window.localStorage),
		session: usableStorage(() => window.sessionStorage),
	};
	void mount({ zaf: createZafClientPort(client), container, loadLocale: fetchLocaleBundle, storage });
} else {
	void showOutsideZendesk(container);
}

async function showOutsideZendesk(target: HTMLElement): Promise<void> {
	const locale = navigator.language || "en";
	const bundles = await loadBundles(locale, fetchLocaleBundle);
	render(
		<I18nCtx.Provider value={createTranslator(locale, bundles)}>
			<ShellOutside />
		</I18nCtx.Provider>,
		target,
	);
}
