/** An animated dot ring (reduced motion through CSS) with a label for screen readers, shown too with `showLabel`. */
export function Spinner({ label, showLabel = false }: { label: string; showLabel?: boolean }) {
	return (
		<span class="zd-spinner" role="status">
			<span class="zd-spinner__ring" aria-hidden="true" />
			<span class={showLabel ? "zd-spinner__label" : "zd-visually-hidden"}>{label}</span>
		</span>
	);
}
