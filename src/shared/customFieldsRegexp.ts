/**
 * Compiles a field's `regexp_for_validation` for checking in the browser. Zendesk evaluates the
 * pattern in Ruby, so the common Ruby-only syntax is translated (`\A`, `\z`, `\Z`, `\h`, a leading
 * `(?i)`); anything JavaScript still cannot compile is reported, never thrown.
 */

/** The outcome of compiling a pattern: a RegExp, or `null` when it is missing or cannot be compiled here. */
export interface CompiledPattern {
	regex: RegExp | null;
	/** True when a pattern was given but could not be compiled (the value is then left for Zendesk to judge). */
	broken: boolean;
}

/** Longest pattern we try to compile; an admin typo of megabytes must not freeze the sidebar. */
const MAX_PATTERN_LENGTH = 2000;

/**
 * Translates and compiles a Ruby-flavoured pattern. Ruby's `^`/`$` match at line boundaries, so the
 * result uses the `m` flag. Does not throw and does not guard against slow (backtracking) patterns.
 */
export function compileZendeskPattern(pattern: string | null | undefined): CompiledPattern {
	if (typeof pattern !== "string" || pattern === "") return { regex: null, broken: false };
	if (pattern.length > MAX_PATTERN_LENGTH) return { regex: null, broken: true };
	let source = pattern;
	let flags = "m";
	const inline = /^\(\?([imx]+)\)/.exec(source);
	if (inline) {
		const letters = inline[1] ?? "";
		if (letters.includes("x")) return { regex: null, broken: true };
		if (letters.includes("i")) flags += "i";
		// Ruby's `m` is JavaScript's `s` (dot matches newline).
		if (letters.includes("m")) flags += "s";
		source = source.slice(inline[0].length);
	}
	try {
		return { regex: new RegExp(translateRubyEscapes(source), flags), broken: false };
	} catch {
		return { regex: null, broken: true };
	}
}

/** Rewrites Ruby-only escapes outside and inside character classes. Leaves everything else untouched. */
function translateRubyEscapes(source: string): string {
	let out = "";
	let inClass = false;
	for (let i = 0; i < source.length; i++) {
		const ch = source[i];
		if (ch === "\\") {
			const next = source[i + 1];
			i++;
			if (next === undefined) return out + "\\"; // a trailing backslash: let RegExp reject it
			if (!inClass && next === "A") out += "^";
			else if (!inClass && (next === "z" || next === "Z")) out += "$";
			else if (next === "h") out += inClass ? "0-9a-fA-F" : "[0-9a-fA-F]";
			else out += "\\" + next;
			continue;
		}
		if (ch === "[" && !inClass) inClass = true;
		else if (ch === "]" && inClass) inClass = false;
		out += ch;
	}
	return out;
}
