/** A native button in Garden's look. `busy` disables it and announces progress; no other behaviour. */
import type { ButtonHTMLAttributes, ComponentChildren } from "preact";

/** Props of `Button`: native button attributes plus look and busy state. */
export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "class" | "type"> {
	/** `primary` (filled), `default` (outlined), `basic` (text only), `danger` (outlined red). */
	variant?: "primary" | "default" | "basic" | "danger";
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
	...rest
}: ButtonProps) {
	const classes = ["zd-btn", `zd-btn--${variant}`, small ? "zd-btn--small" : "", busy ? "is-busy" : ""]
		.filter(Boolean)
		.join(" ");
	return (
		<button {...rest} type={type} class={classes} disabled={Boolean(disabled) || busy} aria-busy={busy || undefined}>
			{children}
		</button>
	);
}
