/**
 * The workspace's toast area for ZAF `invoke('notify', message, kind, options)`: text only,
 * kind `notice` | `alert` | `error` as a data attribute, gone after the duration (default 5 s).
 */
import { el } from "./dom";

/** Shows one toast in `container`. `options` may be a number (ms) or `{ sticky?: boolean }`. */
export function showToast(container: HTMLElement, message: string, kind: string, options?: unknown): HTMLElement {
	const toast = el(
		"div",
		{
			class: `toast toast-${kind}`,
			"data-testid": "toast",
			"data-kind": kind,
			role: kind === "error" ? "alert" : "status",
		},
		message,
	);
	container.appendChild(toast);
	const sticky = typeof options === "object" && options !== null && (options as { sticky?: unknown }).sticky === true;
	const ms = typeof options === "number" && options > 0 ? options : 5000;
	if (!sticky) setTimeout(() => toast.remove(), ms);
	return toast;
}
