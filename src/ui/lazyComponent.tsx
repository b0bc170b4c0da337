/**
 * A component whose code is a separate chunk (code splitting) for rarely used parts of the panel
 * such as the audit list: fetched the first time it renders, or earlier through `preload` (e.g.
 * when the agent points at the button that opens it). Until then a spinner shows; if the chunk
 * cannot be fetched, a message with "Try again" shows in its place and nothing else in the panel
 * is affected. Knows nothing about what it loads; does not retry by itself.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useT } from "../platform/context";
import { ChunkFailed } from "./ChunkFailed";
import { createChunk } from "./createChunk";
import { Spinner } from "./Spinner";

/** A component backed by a chunk, plus a way to start fetching that chunk early. */
export type LazyComponent<P> = ComponentType<P> & {
	/** Starts fetching the chunk (once; again after a failure). Never rejects. */
	preload(): void;
	/** Resolves once the chunk has arrived or failed to (fetching it if needed). Never rejects. */
	ready(): Promise<void>;
};

/**
 * Wraps `load` (a dynamic `import()` of the module) and `pick` (its component) as a component
 * that loads on first use.
 */
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

	const ready = () =>
		chunk.load().then(
			() => undefined,
			() => undefined,
		);
	return Object.assign(Lazy, { preload: chunk.preload, ready, displayName: "Lazy" });
}
