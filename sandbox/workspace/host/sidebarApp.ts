/**
 * What the workspace page needs to host the ticket_sidebar app, derived from zcli's `app.json`:
 * the iframe URL (`asset_url_prefix` + location URL + `?origin=&app_guid=`) and the registration
 * metadata. Pure (runs in the browser page and in Node tests); does not fetch `app.json` itself.
 */
import type { ZafMetadata } from "../../../src/platform/zaf/port";
import type { AppJson } from "../server/appSource";

/** The sidebar app as the workspace hosts it. */
export interface SidebarApp {
	/** The iframe `src`, with `origin` and `app_guid` in the query string. */
	url: string;
	/** The app's origin (the only origin the host accepts messages from). */
	origin: string;
	/** False when the manifest says `flexible: false` (fixed 320 px wide). */
	flexible: boolean;
	metadata: ZafMetadata;
}

/**
 * Resolves the ticket_sidebar location of the first app. A relative URL must start with `assets/`
 * (Zendesk's rule) and is served under `asset_url_prefix`; an absolute URL is used as it is.
 * `workspaceOrigin` must be the page's `location.origin` exactly (no trailing slash).
 */
export function sidebarApp(appJson: AppJson, workspaceOrigin: string, appGuid: string): SidebarApp {
	const app = appJson.apps[0];
	const installation = appJson.installations[0];
	const location = app?.locations["support"]?.["ticket_sidebar"];
	if (!app || !installation || !location) throw new Error("app.json has no support ticket_sidebar app");
	const base = /^https?:\/\//.test(location.url)
		? location.url
		: app.asset_url_prefix + location.url.replace(/^assets\//, "");
	const url = new URL(base);
	url.searchParams.set("origin", workspaceOrigin);
	url.searchParams.set("app_guid", appGuid);
	const settings: Record<string, unknown> = {};
	for (const entry of installation.settings) Object.assign(settings, entry);
	return {
		url: url.toString(),
		origin: url.origin,
		flexible: location.flexible !== false,
		metadata: {
			appId: Number(app.id) || 0,
			installationId: installation.id,
			name: app.name,
			version: app.version,
			settings,
		},
	};
}
