/** Adding strings to a bundle the translator already reads (the on-demand part of the English). */
import type { Bundle } from "./createTranslator";

const isNode = (value: unknown): value is Bundle =>
	typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Copies every string of `extra` into `bundle`, in place, keeping what `bundle` has: the
 * translator looks keys up when it is called, so text added here is found from then on.
 */
export function mergeBundle(bundle: Bundle, extra: Bundle): void {
	for (const [key, value] of Object.entries(extra)) {
		const have = bundle[key];
		if (isNode(have) && isNode(value)) mergeBundle(have, value);
		else if (have === undefined) bundle[key] = value;
	}
}
