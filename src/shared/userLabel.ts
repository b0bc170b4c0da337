/** How a user reads as one line of text, and as an avatar's initials. Pure; does not look users up. */

/** "Name <email>", or just the name when there is no email. Plain text for text nodes and labels, never HTML. */
export function userLabel(user: { name: string; email: string | null }): string {
	return user.email ? `${user.name} <${user.email}>` : user.name;
}

/** Up to two initials: of the name's first and last word ("Ana María López" → "AL") or an email's local part. */
export function initials(nameOrEmail: string): string {
	const text = nameOrEmail.trim();
	if (text === "") return "?";
	const base = text.includes("@") && !text.includes(" ") ? (text.split("@")[0] ?? text) : text;
	const words = base.split(/[\s._-]+/).filter(word => word !== "");
	const first = Array.from(words[0] ?? base)[0] ?? "?";
	const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? "")[0] ?? "") : "";
	return (first + last).toLocaleUpperCase();
}

/** The parts of a `userLabel` ("Name <email>" → name and email; a plain name has no email). */
export function splitUserLabel(label: string): { name: string; email: string | null } {
	const match = /^(.*\S)\s*<([^<>\s]+)>$/.exec(label.trim());
	return match ? { name: match[1] ?? label, email: match[2] ?? null } : { name: label.trim(), email: null };
}
