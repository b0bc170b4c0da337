/**
 * A collapsible panel section: a button header with `aria-expanded`, a body hidden (not unmounted,
 * so drafts survive) when collapsed. Keeps a lost keyboard focus inside itself (`useFocusRescue`).
 */
import type { ComponentChildren } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { useFocusRescue } from "./focus";

/** Props of `Section`. */
export interface SectionProps {
	title: string;
	/** Short status next to the title (e.g. a count). Plain text only. */
	badge?: string;
	children: ComponentChildren;
}

/** A titled, collapsible region. Does not load anything itself. */
export function Section({ title, badge, children }: SectionProps) {
	const [open, setOpen] = useState(true);
	const bodyId = useId();
	const ref = useRef<HTMLElement>(null);
	useFocusRescue(ref);
	return (
		<section class="zd-section" ref={ref}>
			<h2 class="zd-section__heading">
				<button
					type="button"
					class="zd-section__toggle"
					aria-expanded={open}
					aria-controls={bodyId}
					onClick={() => setOpen(!open)}
				>
					{title}
					{badge ? <span class="zd-section__badge">{badge}</span> : null}
				</button>
			</h2>
			<div id={bodyId} class="zd-section__body" hidden={!open}>
				{children}
			</div>
		</section>
	);
}
