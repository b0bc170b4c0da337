/**
 * Keeps the ZAF iframe as tall as the app (`invoke('resize')` from a ResizeObserver). Zero heights
 * are skipped (ZAF reports 0 while the app is hidden, zendesk_app_framework_sdk#164), repeats dropped.
 */
import { MESSAGE_PREFIX } from "../platform/api/errors";
import type { ZafPort } from "../platform/zaf/port";

/** Starts resizing; returns a function that stops it. Without ResizeObserver it resizes once. */
export function startAutoResize(zaf: ZafPort, element: HTMLElement): () => void {
	let last = -1;
	const resize = (height: number) => {
		const rounded = Math.ceil(height);
		if (rounded <= 0 || rounded === last) return;
		last = rounded;
		zaf.invoke("resize", { width: "100%", height: `${rounded}px` }).catch((error: unknown) => {
			console.warn(`${MESSAGE_PREFIX} resize failed`, error);
		});
	};
	const measure = () => resize(element.getBoundingClientRect().height || element.scrollHeight);

	if (typeof ResizeObserver === "undefined") {
		measure();
		return () => {};
	}
	const observer = new ResizeObserver(entries => {
		const entry = entries[entries.length - 1];
		const box = entry?.borderBoxSize?.[0];
		if (box) resize(box.blockSize);
		else measure();
	});
	observer.observe(element);
	return () => observer.disconnect();
}
