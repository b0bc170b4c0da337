/** An ApiError as a translated message per `kind` (with Zendesk's words where they help), and an optional Retry. */
import { DEFAULT_RETRY_AFTER_SECONDS, type ApiError, type ApiErrorKind } from "../platform/api/errors";
import type { TranslateVars } from "../platform/i18n/createTranslator";
import { useT } from "../platform/context";
import { Button } from "./Button";

/** Translation key per error kind. Total over the union: adding a kind fails to compile until it has a message. */
export const ERROR_KEYS: Record<ApiErrorKind, string> = {
	unauthorized: "errors.unauthorized",
	forbidden: "errors.forbidden",
	not_found: "errors.not_found",
	conflict: "errors.conflict",
	db_conflict: "errors.db_conflict",
	closed_ticket: "errors.closed_ticket",
	invalid: "errors.invalid",
	too_large: "errors.too_large",
	rate_limited: "errors.rate_limited",
	server: "errors.server",
	timeout: "errors.timeout",
	network: "errors.network",
	unexpected_response: "errors.unexpected_response",
};

/** Kinds where Zendesk's own words tell the agent what to fix. */
const SHOW_DETAIL: ReadonlySet<ApiErrorKind> = new Set(["invalid", "forbidden", "too_large"]);

/** The translated sentence(s) for an error: `[message, detail?]`. Pure apart from `t`. */
export function errorMessages(t: (key: string, vars?: TranslateVars) => string, error: ApiError): string[] {
	const main = t(ERROR_KEYS[error.kind], { seconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS });
	const detail =
		Object.values(error.details ?? {})
			.flat()
			.find(d => typeof d.description === "string")?.description ?? error.description;
	return SHOW_DETAIL.has(error.kind) && detail ? [main, t("errors.detail", { detail })] : [main];
}

/** An alert box for a remote failure. Renders text only (never HTML from Zendesk). */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
	const t = useT();
	const [main, detail] = errorMessages(t, error);
	return (
		<div class="zd-notice zd-notice--error" role="alert" data-kind={error.kind}>
			<p class="zd-notice__text">{main}</p>
			{detail ? <p class="zd-notice__detail">{detail}</p> : null}
			{onRetry ? (
				<div class="zd-notice__actions">
					<Button onClick={onRetry}>{t("shell.retry")}</Button>
				</div>
			) : null}
		</div>
	);
}
