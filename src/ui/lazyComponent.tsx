/**
 * Chunks fetched on first use: `createChunk` shares one fetch and keeps no failure (the next `load()` tries a new
 * URL: `retryUrl`); `lazyComponent` shows a spinner, then the part or `ChunkFailed`. Neither retries by itself.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../platform/context";
import { Button } from "./Button";
import { Spinner } from "./Spinner";

/**
 * The URL to retry a failed dynamic import from: browsers remember a failed module fetch for the page's life, so
 * a query makes a new URL. Chromium and Firefox name the URL in the message; `undefined` when it is not there.
 */
export function retryUrl(error: unknown, attempt: number): string | undefined {
	const message = error instanceof Error ? error.message : String(error);
	const url = /\bhttps?:\/\/\S+?\.m?js\b/.exec(message)?.[0];
	return url === undefined ? undefined : `${url}?retry=${attempt}`;
}

const noop = () => undefined;

/** Wraps `load`, a dynamic `import()` with a literal path (so the bundler makes it a chunk). */
export function createChunk<M>(load: () => Promise<M>) {
	let module: M | undefined;
	let pending: Promise<M> | undefined;
	let failure: { error: unknown; attempt: number } | undefined;

	const fetchModule = (): Promise<M> => {
		const again = failure && retryUrl(failure.error, failure.attempt);
		return again === undefined ? load() : (import(/* @vite-ignore */ again) as Promise<M>);
	};

	const start = (): Promise<M> => {
		pending ??= fetchModule().then(
			arrived => {
				module = arrived;
				return arrived;
			},
			(error: unknown) => {
				pending = undefined;
				failure = { error, attempt: (failure?.attempt ?? 0) + 1 };
				throw error;
			},
		);
		return pending;
	};

	return {
		/** The module; rejects with the browser's error when it cannot be fetched (nothing is cached then). */
		load: start,
		/** The module if it has arrived, else undefined. */
		loaded: (): M | undefined => module,
		/** Starts fetching (once; again after a failure). Never rejects. */
		preload: () => void start().catch(noop),
	};
}

/** What stands in for a part whose code could not be fetched: the reason and "Try again". */
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

/** A component backed by a chunk, plus a way to start fetching that chunk early. */
export type LazyComponent<P> = ComponentType<P> & {
	/** Starts fetching the chunk (once; again after a failure). Never rejects. */
	preload(): void;
	/** Resolves once the chunk has arrived or failed to (fetching it if needed). Never rejects. */
	ready(): Promise<void>;
};

/** Wraps `load` (a dynamic `import()`) and `pick` (its component) as a component that loads on first use. */
export function lazyComponent<M, P extends object>(
	load: () => Promise<M>,
	pick: (module: M) => ComponentType<P>,
): LazyComponent<P> {
	const chunk = createChunk(load);

	function Lazy(props: P) {
		const t = useT();
		const [, rerender] = useState(0);
		const [failed, setFailed] = useState(false);
		const module = chunk.loaded();
		useEffect(() => {
			if (module !== undefined || failed) return;
			let live = true;
			chunk.load().then(
				() => live && rerender(n => n + 1),
				() => live && setFailed(true),
			);
			return () => {
				live = false;
			};
		}, [failed]);
		if (module !== undefined) {
			const Component = pick(module);
			return <Component {...props} />;
		}
		if (failed) return <ChunkFailed onRetry={() => setFailed(false)} />;
		return <Spinner label={t("shell.loading")} showLabel />;
	}

	const ready = () => chunk.load().then(noop, noop);
	return Object.assign(Lazy, { preload: chunk.preload, ready, displayName: "Lazy" });
}
