/**
 * The npm `zendesk_app_framework_sdk` as one browser script defining `window.ZAFClient`, like the
 * CDN file does. esbuild bundles `lib/index.js` (CommonJS) into an IIFE once per process; nothing
 * is written to disk and nothing is downloaded.
 */
import { createRequire } from "node:module";
import { build } from "esbuild";

/** The CDN URL the shipped `assets/iframe.html` loads (zaf-protocol.md §1). */
export const CDN_SDK_URL = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";

/** Where the app server serves the local copy (same path as on the CDN, on the app's origin). */
export const LOCAL_SDK_PATH = "/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";

let cached: Promise<string> | undefined;

/** The IIFE source. Rejects if the package is not installed. */
export function sdkBundle(): Promise<string> {
	cached ??= (async () => {
		const entry = createRequire(import.meta.url).resolve("zendesk_app_framework_sdk/lib/index.js");
		const result = await build({
			entryPoints: [entry],
			bundle: true,
			format: "iife",
			globalName: "ZAFClient",
			platform: "browser",
			target: "es2017",
			write: false,
			logLevel: "silent",
		});
		const file = result.outputFiles[0];
		if (!file) throw new Error("esbuild produced no SDK bundle");
		return `/* zendesk_app_framework_sdk (npm), bundled by the sandbox as the CDN stand-in */\n${file.text}`;
	})();
	return cached;
}

/** Rewrites every CDN SDK `<script src>` in an HTML page to the local copy. */
export function useLocalSdk(html: string): string {
	return html.split(CDN_SDK_URL).join(LOCAL_SDK_PATH);
}
