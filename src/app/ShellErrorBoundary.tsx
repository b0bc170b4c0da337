/** Catches bugs thrown while rendering (remote failures are ApiErrors the models handle), logs them, offers a retry. */
import { Component, type ComponentChildren } from "preact";
import { MESSAGE_PREFIX } from "../platform/api/errors";
import { I18nCtx } from "../platform/context";
import type { Translator } from "../platform/i18n/createTranslator";
import { Button } from "../ui/Button";

interface Props {
	children: ComponentChildren;
	/** Where it sits, for the console message (e.g. "people"). */
	name: string;
}

interface State {
	error: unknown;
}

/** Error boundary around the panel and around each section, so one broken section leaves the others usable. */
export class ShellErrorBoundary extends Component<Props, State> {
	override state: State = { error: undefined };

	static override getDerivedStateFromError(error: unknown): State {
		return { error: error ?? new Error("unknown error") };
	}

	override componentDidCatch(error: unknown): void {
		console.error(`${MESSAGE_PREFIX} ${this.props.name} crashed`, error);
	}

	override render() {
		if (this.state.error === undefined) return this.props.children;
		return (
			<I18nCtx.Consumer>
				{(i18n: Translator | null) => (
					<div class="zd-notice zd-notice--error" role="alert" data-crashed={this.props.name}>
						<p class="zd-notice__text">{i18n ? i18n.t("shell.crashed") : "Something went wrong."}</p>
						<div class="zd-notice__actions">
							<Button onClick={() => this.setState({ error: undefined })}>
								{i18n ? i18n.t("shell.retry") : "Try again"}
							</Button>
						</div>
					</div>
				)}
			</I18nCtx.Consumer>
		);
	}
}
