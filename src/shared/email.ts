/** Practical email checks (not RFC 5322): what Zendesk accepts passes; typos, look-alikes, "at" are named. No DNS. */

/** Why an address was refused; `lookalike`: full-width or invisible characters (an IME, pasted rich text). */
export type EmailProblem =
	"empty" | "too_long" | "missing_at" | "lookalike_at" | "spelled_at" | "lookalike" | "invalid";

/** The problems that show an address was meant, said while typing, in the same words (`email.*`) everywhere. */
export const TYPED_EMAIL_PROBLEMS: Readonly<Partial<Record<EmailProblem, string>>> = {
	lookalike_at: "email.lookalikeAt",
	spelled_at: "email.spelledAt",
	lookalike: "email.lookalike",
};

/** RFC 5321 limits: 64 octets for the local part, 254 for the whole path. */
const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;

// Local part: dot-atom characters, no leading/trailing/double dots (checked separately).
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
// Domain label: letters/digits, inner hyphens, at most 63 characters.
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
// FULLWIDTH COMMERCIAL AT and SMALL COMMERCIAL AT.
const LOOKALIKE_AT = /[\uff20\ufe6b]/u;
// "bob at example.com", "bob [at] example.com", "bob(at)example.com": an @ written out.
const SPELLED_AT = /^[^\s@]+(?:\s+at\s+|\s*[[(]at[\])]\s*)[^\s@]+\.[^\s@]+$/iu;
// Full-width ASCII forms (ｂｏｂ, ．), ideographic and half-width full stops, zero-width and other format characters.
const LOOKALIKE = /[\uff01-\uff5e\u3002\uff61\p{Cf}]/u;

/** Trims surrounding whitespace and lower-cases the domain (the local part keeps its case). Does not validate. */
export function normalizeEmail(value: string): string {
	const trimmed = value.trim();
	const at = trimmed.lastIndexOf("@");
	if (at < 0) return trimmed;
	return trimmed.slice(0, at) + "@" + trimmed.slice(at + 1).toLowerCase();
}

/** Returns what is wrong with an address (after trimming), or `null` when it is acceptable. Never throws. */
export function emailProblem(value: string): EmailProblem | null {
	const email = value.trim();
	if (email === "") return "empty";
	if (email.length > EMAIL_MAX_LENGTH) return "too_long";
	const at = email.lastIndexOf("@");
	if (at < 0 && LOOKALIKE_AT.test(email)) return "lookalike_at";
	if (at < 0 && SPELLED_AT.test(email)) return "spelled_at";
	if (LOOKALIKE.test(email)) return "lookalike";
	if (at < 0) return "missing_at";
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (local === "" || local.length > LOCAL_MAX_LENGTH || !LOCAL_PART.test(local)) return "invalid";
	if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return "invalid";
	const labels = domain.split(".");
	if (labels.length < 2) return "invalid";
	if (!labels.every(label => DOMAIN_LABEL.test(label))) return "invalid";
	if (!TLD.test(labels[labels.length - 1] ?? "")) return "invalid";
	return null;
}

/** Case-insensitive equality of two addresses after trimming (Zendesk matches users by email case-insensitively). */
export function sameEmail(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Splits pasted text ("a@x.com; Name <c@z.com>") into trimmed addresses, in order, without duplicates; no checks. */
export function splitEmailList(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of text.split(/[,;\n\r\t]+/)) {
		const angle = /<([^<>]*)>\s*$/.exec(raw);
		const candidate = (angle ? (angle[1] ?? "") : raw).trim();
		if (candidate === "") continue;
		const key = candidate.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(candidate);
	}
	return out;
}
