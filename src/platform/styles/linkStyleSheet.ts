/**
 * Links the style sheets of an on-demand part and resolves once they apply. The build turns a
 * part's CSS imports into one call of this at the top of the part's chunk (scripts/chunkStyles.mjs),
 * so the part never renders unstyled and its first height is its real one.
 *
 * The sheets are linked at once, in the order given (the cascade's order), each once per page: a
 * sheet two parts share is fetched for the first. One that cannot be fetched is unlinked and
 * rejects with an error naming the chunk that needs it (`chunkUrl`), so the panel's "Try again"
 * imports that chunk again under a new URL (src/ui/createChunk.ts), which links the sheet again.
 */
const linked = new Map<string, Promise<void>>();

/** Links each of `names` (files beside the chunk at `chunkUrl`) into `doc`, once per page. */
export function linkStyleSheets(names: readonly string[], chunkUrl: string, doc: Document = document): Promise<void> {
	return Promise.all(names.map(name => linkStyleSheet(new URL(name, chunkUrl).href, chunkUrl, doc))).then(
		() => undefined,
	);
}

function linkStyleSheet(href: string, chunkUrl: string, doc: Document): Promise<void> {
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
			reject(new Error(`Could not load the style sheet ${href} of ${chunkUrl}`));
		};
		doc.head.append(link);
	});
	linked.set(href, loading);
	return loading;
}
