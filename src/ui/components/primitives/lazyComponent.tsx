/**
 * Code splitting for rarely used parts of the panel (the follow-up form, the audit history): the
 * part's code is a separate chunk that is fetched the first time it renders (or earlier, through
 * `preload`, e.g. when the agent points at the button that opens it). Until then a spinner shows;
 * if the chunk cannot be fetched, a message with "Try again" shows in its place and nothing else
 * in the panel is affected (the models, and so the agent's drafts, live outside the chunk).
 * Knows nothing about what it loads; does not retry by itself.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../../context";
import { Button } from "./Button";
import { Spinner } from "./Spinner";

/** A component backed by a chunk, plus a way to start fetching that chunk early. */
export type LazyComponent<P> = ComponentType<P> & {
	/** Starts fetching the chunk (once; again after a failure). Never rejects. */
	preload(): void;
};

/**
 * The URL to fetch a chunk from again after `error`, a failed dynamic import. Browsers remember a
 * failed module fetch for the page's lifetime, so importing the same URL again fails at once
 * without asking the network; a query makes it a new URL. Chromium and Firefox name the URL in
 * the message; `undefined` when it does not (the same import is then simply tried again).
 */
export function retryUrl(error: unknown, attempt: number): string | undefined {
	const message = error instanceof Error ? error.message : String(error);
	const url = /\bhttps?:\/\/\S+?\.m?js\b/.exec(message)?.[0];
	return url === undefined ? undefined : `${url}?retry=${attempt}`;
}

/**
 * Wraps `load` (a dynamic `import()` of the module) and `pick` (its component) as a component
 * that loads on first use.
 */
export function lazyComponent<M, P extends object>(
	load: () => Promise<M>,
	pick: (module: M) => ComponentType<P>,
): LazyComponent<P> {
	let loaded: ComponentType<P> | undefined;
	let pending: Promise<ComponentType<P>> | undefined;
	let failure: { error: unknown; attempt: number } | undefined;

	const fetchModule = (): Promise<M> => {
		const again = failure && retryUrl(failure.error, failure.attempt);
		return again === undefined ? load() : (import(/* @vite-ignore */ again) as Promise<M>);
	};

	const start = (): Promise<ComponentType<P>> => {
		pending ??= fetchModule().then(
			module => {
				loaded = pick(module);
				return loaded;
			},
			(error: unknown) => {
				pending = undefined;
				failure = { error, attempt: (failure?.attempt ?? 0) + 1 };
				throw error;
			},
		);
		return pending;
	};

	function Lazy(props: P) {
		const t = useT();
		const [, rerender] = useState(0);
		const [failed, setFailed] = useState(false);
		useEffect(() => {
			if (loaded || failed) return;
			let live = true;
			start().then(
				() => live && rerender(n => n + 1),
				() => live && setFailed(true),
			);
			return () => {
				live = false;
			};
		}, [failed]);
		if (loaded) {
			const Component = loaded;
			return <Component {...props} />;
		}
		if (failed) {
			return (
				<div class="zd-notice zd-notice--error" role="alert">
					<p>{t("shell.chunkFailed")}</p>
					<Button small onClick={() => setFailed(false)}>
						{t("shell.retry")}
					</Button>
				</div>
			);
		}
		return <Spinner label={t("shell.loading")} showLabel />;
	}

	return Object.assign(Lazy, {
		preload: () => {
			start().catch(() => undefined);
		},
		displayName: "Lazy",
	});
}
