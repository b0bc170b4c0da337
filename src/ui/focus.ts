/**
 * Keeping the focus sensible: `useFocusOnMount` focuses a new control when the focus just fell to the document;
 * `useFocusRescue` moves a focus lost in a region (control removed, disabled, hidden) to the nearest control left,
 * or back to one disabled for a moment (a save). Neither takes the focus from the workspace or another control.
 */
import type { RefObject } from "preact";
import { useEffect, useLayoutEffect } from "preact/hooks";

type ElementRef = RefObject<HTMLElement | null>;

const CANDIDATES = "a[href], button, input, select, textarea, summary, [tabindex]";

/** True when this document has the focus but no control holds it (it fell to `<body>`). */
export function focusIsLost(doc: Document = document): boolean {
	const active = doc.activeElement;
	return doc.hasFocus() && (active === null || active === doc.body || active === doc.documentElement);
}

/** Whether Tab can reach `el` now: enabled, shown, not `tabindex=-1`, not an unchecked radio of a checked group. */
export function isTabbable(el: Element): el is HTMLElement {
	const html = el as HTMLElement;
	if (!el.isConnected || typeof html.focus !== "function" || html.tabIndex < 0) return false;
	// `fieldset[disabled]` too: browsers count it in `:disabled`, not every test DOM does.
	if (el.matches(":disabled") || el.closest("fieldset[disabled], [hidden], [inert]") !== null) return false;
	if (typeof html.checkVisibility === "function" && !html.checkVisibility()) return false;
	if (el instanceof HTMLInputElement && el.type === "radio" && !el.checked && el.name !== "") {
		const group = el.form ?? el.ownerDocument;
		const checked = group.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`);
		if (checked !== null && isTabbable(checked)) return false;
	}
	return true;
}

/** The first control inside `scope` that Tab can reach, or null. */
export function firstTabbable(scope: Element): HTMLElement | null {
	for (const el of scope.querySelectorAll(CANDIDATES)) if (isTabbable(el)) return el;
	return null;
}

/** Focuses `ref`'s element when it appears (mount, or `shown` turning true) if the focus was just lost. */
export function useFocusOnMount(ref: ElementRef, shown = true): void {
	useLayoutEffect(() => {
		const el = ref.current;
		if (shown && el !== null && focusIsLost(el.ownerDocument)) el.focus();
	}, [shown]);
}

/** Watches the region of `ref` and puts a lost focus back inside it (see the module comment). */
export function useFocusRescue(ref: ElementRef): void {
	useEffect(() => {
		const root = ref.current;
		if (root === null) return;
		const doc = root.ownerDocument;
		/** The last focused control in the region and its ancestors up to the region (closest first). */
		let last: HTMLElement | null = null;
		let ancestors: HTMLElement[] = [];
		/** `last` is still there but disabled or hidden: give the focus back when it can take it again. */
		let waiting = false;

		const rescue = () => {
			const from = ancestors.find(el => el.isConnected && root.contains(el)) ?? root;
			let target: HTMLElement | null = null;
			for (let el: HTMLElement | null = from; el !== null && target === null; el = el.parentElement) {
				target = firstTabbable(el);
				if (el === root) break;
			}
			last = null;
			waiting = false;
			target?.focus();
		};
		/** Decides after the focus fell to the document: a removed control is rescued, a disabled one waited for. */
		const settle = () => {
			if (last === null || !focusIsLost(doc)) return;
			if (!last.isConnected) rescue();
			else if (!isTabbable(last)) waiting = true;
			else if (waiting) {
				waiting = false;
				last.focus();
			}
		};
		const onFocusIn = (event: FocusEvent) => {
			last = event.target as HTMLElement;
			waiting = false;
			ancestors = [];
			for (let el = last.parentElement; el !== null && el !== root; el = el.parentElement) ancestors.push(el);
		};
		const onFocusOut = (event: FocusEvent) => {
			const next = event.relatedTarget;
			if (next !== null) {
				// Going to another control: inside, focusin follows; outside, another region looks after it.
				if (!(next instanceof Node) || !root.contains(next)) last = null;
				return;
			}
			const left = event.target;
			setTimeout(() => {
				const current = last;
				if (current === null || current !== left) return;
				// The agent left the app, or clicked outside any control: that is their choice, not a loss.
				if (!doc.hasFocus() || (focusIsLost(doc) && isTabbable(current) && !waiting)) last = null;
				else settle();
			}, 0);
		};
		const observer = new MutationObserver(settle);
		observer.observe(root, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ["disabled", "hidden", "open", "inert"],
		});
		root.addEventListener("focusin", onFocusIn);
		root.addEventListener("focusout", onFocusOut);
		return () => {
			observer.disconnect();
			root.removeEventListener("focusin", onFocusIn);
			root.removeEventListener("focusout", onFocusOut);
		};
	}, []);
}
