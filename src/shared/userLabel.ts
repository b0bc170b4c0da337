/** How a user reads as one line of text. Pure; does not look users up. */

/** "Name <email>", or just the name when there is no email. Plain text for text nodes and labels, never HTML. */
export function userLabel(user: { name: string; email: string | null }): string {
	return user.email ? `${user.name} <${user.email}>` : user.name;
}
