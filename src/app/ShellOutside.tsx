/** The page shown when the app is opened outside Zendesk (`ZAFClient.init()` returned false). */
import { useT } from "../platform/context";

/** Explains where to open the app, instead of a blank panel. */
export function ShellOutside() {
	const t = useT();
	return (
		<div class="zd-outside" role="alert">
			<h1 class="zd-outside__title">{t("shell.outsideZendesk.title")}</h1>
			<p>{t("shell.outsideZendesk.body")}</p>
		</div>
	);
}
