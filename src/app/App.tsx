/**
 * The root component: loading and start-up failure states, then the component for the ZAF
 * location (a table, as in Zendesk's scaffold), inside the environment provider.
 */
import type { ComponentType } from "preact";
import { useT, EnvCtx } from "../platform/context";
import { ErrorNotice } from "../ui/ErrorNotice";
import { ShellLoading } from "./ShellLoading";
import { ShellSidebar } from "./ShellSidebar";
import type { ShellModel } from "../platform/createShellModel";

/** Component per ZAF location. Locations not listed get a short note (the manifest only declares these). */
export const LOCATIONS: Record<string, ComponentType> = {
	ticket_sidebar: ShellSidebar,
};

/** Props of `App`: the shell model `mount` created. */
export interface AppProps {
	shell: ShellModel;
}

/** Renders the shell state. Does not load anything itself: `mount` starts `shell.load()`. */
export function App({ shell }: AppProps) {
	const t = useT();
	const state = shell.state.value;
	if (state.status === "loading") return <ShellLoading />;
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
