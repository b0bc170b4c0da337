/**
 * A section's glance with one button, then its editor in its place once pressed (at once with a draft waiting).
 * The chunk is fetched on pointer or focus; the focus then goes to the editor's first control. Once open, the editor
 * stays mounted for the panel's life. With no label (nothing editable) only the glance shows.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { Button } from "./Button";
import { firstTabbable } from "./focus";
import type { LazyComponent } from "./lazyComponent";

export interface OnDemandProps<P extends object> {
	/** `data-editor` on the glance and the editor, for tests and styles. */
	name: string;
	glance: ComponentChildren;
	editor: LazyComponent<P>;
	props: P;
	/** The button's text (e.g. "Edit people"); no button when null (nothing may be edited). */
	label: string | null;
	/** A draft is waiting: open the editor at once (also when this turns true later). */
	waiting?: boolean;
}

/** The glance with its button, or the editor. */
export function OnDemand<P extends object>({
	name,
	glance,
	editor: Editor,
	props,
	label,
	waiting = false,
}: OnDemandProps<P>) {
	const [open, setOpen] = useState(waiting);
	const [starting, setStarting] = useState(false);
	const focusEditor = useRef(false);
	const box = useRef<HTMLDivElement>(null);
	useEffect(() => {
		if (waiting) setOpen(true);
	}, [waiting]);
	// The button that had the focus is gone: the editor holds it until its first control appears
	// (its model may still be loading), then hands it on, unless the agent has moved on meanwhile.
	useLayoutEffect(() => {
		const el = box.current;
		if (!open || !focusEditor.current || el === null) return;
		focusEditor.current = false;
		el.focus();
		const handOn = () => {
			const first = firstTabbable(el);
			if (first === null) return false;
			if (el.ownerDocument.activeElement === el) first.focus();
			return true;
		};
		if (handOn()) return;
		const observer = new MutationObserver(() => handOn() && observer.disconnect());
		observer.observe(el, { childList: true, subtree: true, attributes: true });
		return () => observer.disconnect();
	}, [open]);
	if (open && label !== null) {
		return (
			<div ref={box} class="zd-editor" data-editor={name} tabIndex={-1}>
				<Editor {...props} />
			</div>
		);
	}
	const start = (event: MouseEvent) => {
		focusEditor.current = event.currentTarget === document.activeElement;
		setStarting(true);
		// The chunk usually arrived on pointer or focus; if it cannot come, the editor shows "Try again".
		void Editor.ready().finally(() => {
			setStarting(false);
			setOpen(true);
		});
	};
	return (
		<div class="zd-glance" data-editor={name}>
			<div class="zd-glance__text">{glance}</div>
			{label !== null ? (
				<Button small busy={starting} onClick={start} onPointerEnter={Editor.preload} onFocus={Editor.preload}>
					{label}
				</Button>
			) : null}
		</div>
	);
}

/** What a glance's `read` resolved to (read in a layout effect: a cached answer shows in the same frame), else `null`. */
export function useGlanceRead<T>(read: (() => Promise<T>) | null, deps: readonly unknown[]): T | null {
	const [value, setValue] = useState<T | null>(null);
	useLayoutEffect(() => {
		if (read === null) return;
		let live = true;
		read().then(
			answer => live && setValue(() => answer),
			() => undefined,
		);
		return () => {
			live = false;
		};
	}, deps);
	return value;
}
