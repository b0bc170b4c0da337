/**
 * A tiny DOM builder for the workspace page. Children are text nodes or elements: ticket data is
 * only ever set as text (never innerHTML), and links pass through `safeHref`.
 */

/** Something `el` can append. Falsy values are skipped. */
export type Child = Node | string | number | null | undefined | false | Child[];

type Attr = string | number | boolean | null | undefined | ((event: Event) => void);

/** Creates an element; `on*` attributes become listeners, `false`/null/undefined attributes are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Record<string, Attr> = {},
	...children: Child[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (typeof value === "function") node.addEventListener(name.slice(2).toLowerCase(), value);
		else if (value === true) node.setAttribute(name, "");
		else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
	}
	append(node, children);
	return node;
}

function append(parent: Node, children: Child[]) {
	for (const child of children) {
		if (Array.isArray(child)) append(parent, child);
		else if (child instanceof Node) parent.appendChild(child);
		else if (child !== null && child !== undefined && child !== false)
			parent.appendChild(document.createTextNode(String(child)));
	}
}

/** The URL when it is http(s) or same-origin relative; otherwise undefined (no `javascript:` links). */
export function safeHref(url: unknown): string | undefined {
	if (typeof url !== "string" || url === "") return undefined;
	try {
		const parsed = new URL(url, location.href);
		return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : undefined;
	} catch {
		return undefined;
	}
}

/** Formats an ISO timestamp for people (local time), or returns it unchanged when it is not a date. */
export function when(iso: unknown): string {
	if (typeof iso !== "string") return "";
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
