/** A small loading indicator with a text label for screen readers (and sighted users when `showLabel`). */
export interface SpinnerProps {
	label: string;
	showLabel?: boolean;
}

/** An animated dot ring; respects reduced motion through CSS. */
export function Spinner({ label, showLabel = false }: SpinnerProps) {
	return (
		<span class="zd-spinner" role="status">
			<span class="zd-spinner__ring" aria-hidden="true" />
			<span class={showLabel ? "zd-spinner__label" : "zd-visually-hidden"}>{label}</span>
		</span>
	);
}
