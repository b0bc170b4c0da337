/**
 * Start-up timing inside the app's iframe. An init script (installed on the browser context, so it
 * runs in every frame before any page script) watches the app frame's DOM and stamps, in ms since
 * the iframe's navigation started (`performance.now()`, whose origin is that navigation):
 *
 * - `scriptLoaded`: main.js has arrived (its resource timing's `responseEnd`);
 * - `appStart`: main.js has been parsed and its top level has run: it calls `ZAFClient.init()`
 *   (the probe wraps `init` when the SDK defines `ZAFClient`). `appStart - scriptLoaded` is the
 *   cost of the bundle's size on the main thread, the part lazy chunks could shave;
 * - `shell`: the app's root (`.zd-app`) is in the DOM: `mount` rendered (loading state);
 * - `firstRender`: the first paint with the ticket's data: one of the ticket-backed sections
 *   (follow-up, people, fields) shows its content instead of its spinner;
 * - `interactive`: all three show their content, and nothing in the panel is loading or busy
 *   (no spinner, no `aria-busy`): every section can be used.
 *
 * Each stamp is taken in the `requestAnimationFrame` after the DOM change, i.e. when the frame with
 * it is about to be painted. Nothing here asserts; the benchmark reports medians.
 */
import type { Frame } from "playwright-core";

/** The stamps of one panel load (null: not reached). */
export interface PanelTimings {
	scriptLoaded: number | null;
	appStart: number | null;
	shell: number | null;
	firstRender: number | null;
	interactive: number | null;
}

/**
 * Selectors of the ticket-backed sections' loaded content at first screen: the follow-up glance and
 * the People and Fields glances once they have their lines (the bench knows the app's markup).
 */
export const LOADED_SECTIONS = [
	".zd-followup",
	'.zd-glance[data-editor="people"] .zd-glance__line',
	'.zd-glance[data-editor="fields"] .zd-glance__line',
] as const;

/**
 * The init script's source, for `context.addInitScript({ content })`. Kept as plain JS text on
 * purpose: tsx (esbuild with keepNames) would wrap a TS function's inner functions in `__name()`
 * calls, which do not exist in the page. Does nothing outside the app frame (`…/iframe.html`).
 */
export function panelProbeSource(loadedSections: readonly string[] = LOADED_SECTIONS): string {
	return `(() => {
	if (!/\\/iframe\\.html$/.test(location.pathname)) return;
	const sections = ${JSON.stringify(loadedSections)};
	const marks = { scriptLoaded: null, appStart: null, shell: null, firstRender: null, interactive: null };
	let sdk;
	Object.defineProperty(window, "ZAFClient", {
		configurable: true,
		get: () => sdk,
		set: value => {
			sdk = value;
			if (value && typeof value.init === "function" && !value.__benchWrapped) {
				const init = value.init;
				value.init = function (...args) {
					if (marks.appStart === null) marks.appStart = performance.now();
					return init.apply(this, args);
				};
				value.__benchWrapped = true;
			}
		},
	});
	const seen = { shell: false, firstRender: false, interactive: false };
	window.__benchPanel = marks;
	const stamp = name => {
		seen[name] = true;
		requestAnimationFrame(() => { if (marks[name] === null) marks[name] = performance.now(); });
	};
	const observer = new MutationObserver(() => {
		if (!seen.shell && document.querySelector(".zd-app")) stamp("shell");
		const root = document.querySelector(".zd-sections");
		if (!root) return;
		const loaded = sections.filter(selector => root.querySelector(selector) !== null).length;
		if (!seen.firstRender && loaded > 0) stamp("firstRender");
		const busy = root.querySelector(".zd-spinner, [aria-busy=true]") !== null;
		if (!seen.interactive && loaded === sections.length && !busy) {
			const script = performance.getEntriesByType("resource").find(entry => /\\/main\\.js(\\?|$)/.test(entry.name));
			marks.scriptLoaded = script ? script.responseEnd : null;
			stamp("interactive");
			observer.disconnect();
		}
	});
	observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;
}

/** Waits until the app frame reports `interactive` (or the timeout) and returns its stamps. */
export async function readPanelTimings(frame: Frame, timeoutMs = 20_000): Promise<PanelTimings> {
	await frame.waitForFunction(
		() => (window as unknown as { __benchPanel?: PanelTimings }).__benchPanel?.interactive != null,
		undefined,
		{ timeout: timeoutMs },
	);
	return frame.evaluate(() => ({ ...(window as unknown as { __benchPanel: PanelTimings }).__benchPanel }));
}
