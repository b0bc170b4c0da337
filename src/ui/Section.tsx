/** A collapsible section: body hidden, not unmounted (drafts survive); keeps a lost focus inside (`useFocusRescue`). */
import type { ComponentChildren } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { useFocusRescue } from "./focus";

/** A titled, collapsible region; `badge`: short plain text next to the title. Loads nothing itself. */
export function Section({
	title,
	badge,
	children,
}: {
	title: string;
	badge?: string | undefined;
	children: ComponentChildren;
}) {
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
