/**
 * The panel's two status lines, each always rendering its polite live region so the first message
 * is heard: the unkept-drafts warning and the status line of automatic waits.
 */
import type { ComponentChildren } from "preact";
import { useContext, useState } from "preact/hooks";
import { useStorage, useT } from "../platform/context";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { TicketCoreCtx } from "../ticket/TicketProvider";
import { ReadWaitCtx } from "../ticket/useWait";
import type { Wait } from "../ticket/waitClock";
import { Button } from "../ui/Button";
import { WaitNotice } from "../ui/WaitNotice";

/** Where the dismissal of the unkept-drafts warning is remembered for the browser session. */
const UNKEPT_DRAFTS_DISMISSED_KEY = "zd-sidebar:unkeptDraftsDismissed:v1";

const ANNOUNCE_KEYS: Record<Wait["reason"], string> = {
	rate_limited: "conflict.status.announceRateLimited",
	retry: "conflict.status.announceRetrying",
};

function LiveLine(props: {
	name: string;
	shown: boolean;
	testId: string;
	reason?: string;
	children: ComponentChildren;
}) {
	return (
		<div
			class={props.shown ? `${props.name} zd-notice zd-notice--warning` : props.name}
			role="status"
			aria-live="polite"
			data-testid={props.testId}
			data-reason={props.reason}
		>
			{props.children}
		</div>
	);
}

/**
 * Tells the agent, before a draft is lost, that this browser refuses the app's storage: shown once
 * they first have a draft, until dismissed. The dismissal holds for the panel, and for the browser
 * session when session storage is allowed (usually refused too, so the next panel warns again).
 */
export function UnkeptDraftsNotice() {
	const t = useT();
	const { unkeptDrafts, session } = useStorage();
	const [dismissed, setDismissed] = useState(() => wasDismissed(session));
	const shown = unkeptDrafts?.value === true && !dismissed;
	const dismiss = () => {
		try {
			session?.setItem(UNKEPT_DRAFTS_DISMISSED_KEY, "1");
		} catch {
			// refused too: the dismissal holds for this panel only
		}
		setDismissed(true);
	};
	return (
		<LiveLine name="zd-unkept-drafts" shown={shown} testId="unkept-drafts">
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
		</LiveLine>
	);
}

function wasDismissed(session: StorageLike | undefined): boolean {
	try {
		return session?.getItem(UNKEPT_DRAFTS_DISMISSED_KEY) === "1";
	} catch {
		return false;
	}
}

/**
 * The status line of automatic waits. Visible only for a wait no action on screen stands for: a
 * read being retried (`withReadRetries`); a save's wait shows beside its button (`WaitNotice`). It
 * is the panel's one live region for every wait: one sentence per wait (the clock's `announced`),
 * not every tick, however many places show it. Never starts or cancels anything.
 */
export function WriterStatus() {
	const t = useT();
	const announced = useContext(TicketCoreCtx)?.clock.announced.value ?? null;
	const read = useContext(ReadWaitCtx)?.value ?? null;
	return (
		<LiveLine name="zd-writer-status" shown={read !== null} testId="writer-status" reason={read?.reason}>
			{announced ? (
				<span class="zd-visually-hidden">
					{t(ANNOUNCE_KEYS[announced.wait.reason], { seconds: announced.seconds, count: announced.seconds })}
				</span>
			) : null}
			{/* The ticking number is hidden from screen readers: they heard the sentence above. */}
			{read ? (
				<div aria-hidden="true">
					<WaitNotice wait={read} />
				</div>
			) : null}
		</LiveLine>
	);
}
