/** The panel's loading state. */
import { useT } from "../platform/context";
import { Spinner } from "../ui/Spinner";

/** A centred spinner with the translated "Loading…" label. */
export function ShellLoading() {
	return (
		<div class="zd-loading">
			<Spinner label={useT()("shell.loading")} showLabel />
		</div>
	);
}
