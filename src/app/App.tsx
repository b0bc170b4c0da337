/** The root component: loading and start-up failure, then the component for the ZAF location. */
import type { ComponentType } from "preact";
import { useT, EnvCtx } from "../platform/context";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Spinner } from "../ui/Spinner";
import { ShellSidebar } from "./ShellSidebar";
import type { ShellModel } from "../platform/createShellModel";

/** Component per ZAF location. Locations not listed get a short note (the manifest only declares these). */
const LOCATIONS: Record<string, ComponentType> = {
	ticket_sidebar: ShellSidebar,
};

/** Renders the shell state of the model `mount` created. Does not load anything itself: `mount` starts `shell.load()`. */
export function App({ shell }: { shell: ShellModel }) {
	const t = useT();
	const state = shell.state.value;
	if (state.status === "loading") {
		return (
			<div class="zd-loading">
				<Spinner label={t("shell.loading")} showLabel />
			</div>
		);
	}
	if (state.status === "failed") {
		return (
			<div class="zd-startup-failed">
				<p class="zd-muted">{t("shell.startFailed")}</p>
				<ErrorNotice error={state.error} onRetry={() => void shell.load()} />
			</div>
		);
	}
	const Location = LOCATIONS[state.env.location];
	return (
		<EnvCtx.Provider value={state.env}>
			{Location ? (
				<Location />
			) : (
				<p class="zd-muted">{t("shell.unsupportedLocation", { location: state.env.location })}</p>
			)}
		</EnvCtx.Provider>
	);
}

/** The page shown outside Zendesk (`ZAFClient.init()` returned false): where to open the app, not a blank panel. */
export function ShellOutside() {
	const t = useT();
	return (
		<div class="zd-outside" role="alert">
			<h1 class="zd-outside__title">{t("shell.outsideZendesk.title")}</h1>
			<p>{t("shell.outsideZendesk.body")}</p>
		</div>
	);
}
