/**
 * Reads a built app the way `zcli apps:server` does (zaf-protocol.md §8.3): `manifest.json` plus
 * `zcli.apps.config.json` → the `app.json` shape (`apps[]` + `installations[]`), and from it the
 * ticket_sidebar iframe URL Zendesk would load. Differences from zcli, on purpose: the asset prefix
 * uses the app server's real origin (127.0.0.1, so the app is cross-origin to the localhost
 * workspace) and missing parameters take the manifest default instead of prompting.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One app in `app.json`. */
export interface AppJsonApp {
	name: string;
	id: string;
	default_locale: string;
	asset_url_prefix: string;
	version: string;
	framework_version: string;
	locations: Record<string, Record<string, { url: string; flexible?: boolean }>>;
}

/** One installation in `app.json`; `settings` is zcli's list of single-key objects. */
export interface AppJsonInstallation {
	app_id: string;
	name: string;
	collapsible: boolean;
	enabled: boolean;
	id: number;
	requirements: unknown[];
	settings: Array<Record<string, unknown>>;
	updated_at: string;
}

/** zcli's `app.json`. */
export interface AppJson {
	apps: AppJsonApp[];
	installations: AppJsonInstallation[];
}

interface ManifestParameter {
	name: string;
	default?: unknown;
}

function readJson(path: string): Record<string, unknown> | undefined {
	if (!existsSync(path)) return undefined;
	return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/**
 * Builds `app.json` for the app in `appDir` (a built `dist/`), served from `appOrigin`.
 * `zcli.apps.config.json` is read from `appDir`, then from each of `configDirs`. Throws when the
 * manifest is missing (the app was not built).
 */
export function buildAppJson(appDir: string, appOrigin: string, configDirs: string[] = []): AppJson {
	const manifest = readJson(join(appDir, "manifest.json"));
	if (!manifest) throw new Error(`No manifest.json in ${appDir}: build the app first (node build.mjs).`);
	const config = [appDir, ...configDirs].map(d => readJson(join(d, "zcli.apps.config.json"))).find(Boolean) ?? {};
	const appId = String(config["app_id"] ?? "0");
	const configParams = (config["parameters"] ?? {}) as Record<string, unknown>;
	const parameters = (Array.isArray(manifest["parameters"]) ? manifest["parameters"] : []) as ManifestParameter[];
	const settings: Array<Record<string, unknown>> = [{ title: manifest["name"] }];
	for (const p of parameters) {
		if (p.name in configParams) settings.push({ [p.name]: configParams[p.name] });
		else if (p.default !== undefined) settings.push({ [p.name]: p.default });
	}
	const locations: AppJsonApp["locations"] = {};
	for (const [product, locs] of Object.entries(
		(manifest["location"] ?? {}) as Record<string, Record<string, unknown>>,
	)) {
		locations[product] = {};
		for (const [name, value] of Object.entries(locs)) {
			locations[product][name] =
				typeof value === "string" ? { url: value } : (value as { url: string; flexible?: boolean });
		}
	}
	const installationId = Number(config["installation_id"]);
	return {
		apps: [
			{
				name: String(manifest["name"] ?? ""),
				id: appId,
				default_locale: String(manifest["defaultLocale"] ?? "en"),
				asset_url_prefix: `${appOrigin}/${appId}/assets/`,
				version: String(manifest["version"] ?? ""),
				framework_version: String(manifest["frameworkVersion"] ?? ""),
				locations,
			},
		],
		installations: [
			{
				app_id: appId,
				name: String(manifest["name"] ?? ""),
				collapsible: true,
				enabled: true,
				id: Number.isInteger(installationId) ? installationId : 1,
				requirements: [],
				settings,
				updated_at: new Date().toISOString(),
			},
		],
	};
}
