/**
 * The app's entry point (loaded by assets/iframe.html after Zendesk's SDK script). The only code
 * that calls `ZAFClient.init()`. Outside Zendesk `init()` returns false: we then explain where to
 * open the app instead of showing a blank panel. The CSS (src/ui/styles/main.css) is a separate
 * build entry, so this file imports none.
 */
import { render } from "preact";
import { fetchLocaleBundle, loadBundles } from "./i18n/bundles";
import { createTranslator } from "./i18n/createTranslator";
import { ShellOutside } from "./ui/components/ShellOutside";
import { I18nCtx } from "./ui/context";
import { mount } from "./ui/mount";
import type { ZafClientFactory } from "./zaf/types";
import { createZafClientPort } from "./zaf/zafClientPort";

declare global {
	interface Window {
		/** Defined by zaf_sdk.min.js; missing if the SDK script failed to load. */
		ZAFClient?: ZafClientFactory;
	}
}

const container = document.getElementById("app") ?? document.body;
const client = window.ZAFClient?.init();

if (client) {
	void mount({ zaf: createZafClientPort(client), container, loadLocale: fetchLocaleBundle });
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
