/**
 * Links an on-demand part's style sheets (the build's call atop its chunk, scripts/chunkStyles.mjs) and
 * resolves once they apply, in order, once per page. A sheet that fails is unlinked and every part waiting
 * for it rejects naming its own chunk, so its "Try again" (src/ui/lazyComponent.tsx) links it again.
 */
const linked = new Map<string, Promise<void>>();

/** Links each of `names` (files beside the chunk at `chunkUrl`) into `doc`, once per page. */
export function linkStyleSheets(names: readonly string[], chunkUrl: string, doc: Document = document): Promise<void> {
	const sheets = names.map(name => {
		const href = new URL(name, chunkUrl).href;
		return linkStyleSheet(href, doc).catch(() => {
			throw new Error(`Could not load the style sheet ${href} of ${chunkUrl}`);
		});
	});
	return Promise.all(sheets).then(() => undefined);
}

/** The sheet at `href`, linked once; rejects (and is forgotten) when it cannot be fetched. */
function linkStyleSheet(href: string, doc: Document): Promise<void> {
	const known = linked.get(href);
	if (known !== undefined) return known;
	const loading = new Promise<void>((resolve, reject) => {
		const link = doc.createElement("link");
		link.rel = "stylesheet";
		link.href = href;
		link.onload = () => resolve();
		link.onerror = () => {
			link.remove();
			linked.delete(href);
			reject(new Error(`Could not load ${href}`));
		};
		doc.head.append(link);
	});
	linked.set(href, loading);
	return loading;
}
