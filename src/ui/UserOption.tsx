/** How a user reads in a picker's list: name, email and badges (role, suspended), as text. */
import type { User } from "../platform/api/types";

/** One user option. `badges` are translated by the picker's owner. */
export function UserOption({ user, badges = [] }: { user: User; badges?: readonly string[] }) {
	return (
		<span class="zd-picker__option">
			<span class="zd-person__name">{user.name}</span>
			{user.email !== null ? <span class="zd-person__email">{user.email}</span> : null}
			{badges.map(badge => (
				<span key={badge} class="zd-person__badge">
					{badge}
				</span>
			))}
		</span>
	);
}
