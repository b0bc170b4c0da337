/**
 * The app's entry point (loaded by assets/iframe.html after Zendesk's SDK script). The only code
 * that calls `ZAFClient.init()`. Outside Zendesk `init()` returns false: we then explain where to
 * open the app instead of showing a blank panel. The CSS (src/ui/main.css) is a separate
 * build entry, so this file imports none. Also the only code that touches the browser's
 * localStorage and sessionStorage: it hands them to `mount`, which passes them down.
 */
import { render } from "preact";
import { fetchLocaleBundle, loadBundles } from "./platform/i18n/bundles";
import { createTranslator } from "./platform/i18n/createTranslator";
import { ShellOutside } from "./app/ShellOutside";
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
