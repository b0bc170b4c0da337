/** What stands in for a part of the panel whose code could not be fetched: the reason and "Try again". */
import { useT } from "../platform/context";
import { Button } from "./Button";

/** The translated notice with a retry button. Does not retry by itself. */
export function ChunkFailed({ onRetry }: { onRetry(): void }) {
	const t = useT();
	return (
		<div class="zd-notice zd-notice--error" role="alert">
			<p>{t("shell.chunkFailed")}</p>
			<Button small onClick={onRetry}>
				{t("shell.retry")}
			</Button>
		</div>
	);
}
