/**
 * Renders a UI primitive on its own with the English strings (no ticket, no emulator), for
 * component tests of `src/ui/`. Each test file calls `hideShown()` after every test.
 */
import { render, type JSX } from "preact";
import { act } from "preact/test-utils";
import { createTranslator } from "../platform/i18n/createTranslator";
import { I18nCtx } from "../platform/context";
import { bundle } from "./panelTestSetup";

let container: HTMLElement | null = null;

/** Renders `element` into a new container in the document and returns it. */
export function showInEnglish(element: JSX.Element): HTMLElement {
	const root = document.createElement("div");
	document.body.append(root);
	container = root;
	act(() =>
		render(<I18nCtx.Provider value={createTranslator("en", { en: bundle("en") })}>{element}</I18nCtx.Provider>, root),
	);
	return root;
}

/** Unmounts and removes what `showInEnglish` rendered last. */
export function hideShown(): void {
	const root = container;
	if (root) act(() => render(null, root));
	root?.remove();
	container = null;
}
