/**
 * Links the style sheets of an on-demand part and resolves once they apply. The build turns a
 * part's CSS imports into one call of this at the top of the part's chunk (scripts/chunkStyles.mjs),
 * so the part never renders unstyled and its first height is its real one.
 *
 * The sheets are linked at once, in the order given, each once per page: a sheet two parts share
 * is fetched for the first, and its rules keep the place it was linked in (parts import shared
 * sheets before their own). One that cannot be fetched is unlinked, and every part waiting for it
 * rejects with an error naming its own chunk (`chunkUrl`), so each part's "Try again" imports that
 * part again under a new URL (src/ui/lazyComponent.tsx), which links the sheet again.
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
