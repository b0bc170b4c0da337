/**
 * A native button in Garden's look; `busy` disables it and announces progress. One that becomes unavailable while
 * focused keeps the focus (`aria-disabled`, clicks ignored), so Enter on Save never drops it to the document.
 */
import type { ButtonHTMLAttributes, ComponentChildren } from "preact";
import { useState } from "preact/hooks";

/** Props of `Button`: native button attributes plus look and busy state. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "class" | "type"> {
	/** `primary` (filled), `default` (outlined), `basic` (text only). */
	variant?: "primary" | "default" | "basic";
	type?: "button" | "submit";
	busy?: boolean;
	small?: boolean;
	children: ComponentChildren;
}

/** A button. Defaults to `type="button"` so it never submits a form by accident. */
export function Button({
	variant = "default",
	type = "button",
	busy = false,
	small = false,
	disabled,
	children,
	onClick,
	onFocus,
	onBlur,
	...rest
}: ButtonProps) {
	const [focused, setFocused] = useState(false);
	const unavailable = Boolean(disabled) || busy;
	// Natively disabled, the browser would blur it; aria-disabled keeps it focused and still says "unavailable".
	const keepFocus = unavailable && focused;
	const classes = ["zd-btn", `zd-btn--${variant}`, small ? "zd-btn--small" : "", busy ? "is-busy" : ""]
		.filter(Boolean)
		.join(" ");
	return (
		<button
			{...rest}
			type={type}
			class={classes}
			disabled={unavailable && !keepFocus}
			aria-disabled={keepFocus || undefined}
			aria-busy={busy || undefined}
			onFocus={event => {
				setFocused(true);
				onFocus?.(event);
			}}
			onBlur={event => {
				setFocused(false);
				onBlur?.(event);
			}}
			onClick={event => {
				if (unavailable)
					event.preventDefault(); // also keeps a submit button from submitting
				else onClick?.(event);
			}}
		>
			{children}
		</button>
	);
}
