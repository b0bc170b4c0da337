/**
 * Tells the agent, before a draft is lost, that this browser does not let the app keep drafts
 * (it refuses the iframe storage): shown once the agent first has a draft, until dismissed. The
 * dismissal holds for the panel, and for the browser session when session storage is allowed
 * (usually it is refused along with local storage, so the next panel warns again).
 */
import { useState } from "preact/hooks";
import { useStorage, useT } from "../platform/context";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { Button } from "../ui/Button";

/** Where the dismissal is remembered for the browser session. */
export const UNKEPT_DRAFTS_DISMISSED_KEY = "zd-sidebar:unkeptDraftsDismissed:v1";

function wasDismissed(session: StorageLike | undefined): boolean {
	try {
		return session?.getItem(UNKEPT_DRAFTS_DISMISSED_KEY) === "1";
	} catch {
		return false;
	}
}

function rememberDismissal(session: StorageLike | undefined): void {
	try {
		session?.setItem(UNKEPT_DRAFTS_DISMISSED_KEY, "1");
	} catch {
		// refused too: the dismissal holds for this panel only
	}
}

/** The notice. Always renders its live region, so screen readers hear the notice when it appears. */
export function UnkeptDraftsNotice() {
	const t = useT();
	const { unkeptDrafts, session } = useStorage();
	const [dismissed, setDismissed] = useState(() => wasDismissed(session));
	const shown = unkeptDrafts?.value === true && !dismissed;
	const dismiss = () => {
		rememberDismissal(session);
		setDismissed(true);
	};
	return (
		<div
			class={shown ? "zd-unkept-drafts zd-notice zd-notice--warning" : "zd-unkept-drafts"}
			role="status"
			aria-live="polite"
			data-testid="unkept-drafts"
		>
			{shown ? (
				<>
					<p class="zd-notice__text">{t("shell.unkeptDrafts")}</p>
					<div class="zd-notice__actions">
						<Button variant="basic" small onClick={dismiss}>
							{t("errors.dismiss")}
						</Button>
					</div>
				</>
			) : null}
		</div>
	);
}
