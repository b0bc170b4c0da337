/**
 * The "signed in as" switch: the staff identities of the loaded world (admin, agent, light agent,
 * and a French-speaking agent for the app's French UI), picked from the emulator's users, and the
 * choice persisted in localStorage; `?as=<key>` on the page's URL chooses too. Requests then carry
 * that user's Basic credentials, and the app's `currentUser.locale` is that user's locale. It does
 * not log anyone in anywhere else.
 */
import { num, str, type Rest } from "../host/zafShapes";

/** One selectable identity. */
export interface Identity {
	key: "admin" | "agent" | "light_agent" | "french_agent";
	label: string;
	email: string;
	name: string;
	userId: number;
}

const STORAGE_KEY = "sandbox.signedInAs";
const LABELS: Record<Identity["key"], string> = {
	admin: "Admin",
	agent: "Agent",
	light_agent: "Light agent",
	french_agent: "Agent (français)",
};

/** The query parameter that picks an identity by key (`?as=french_agent`). */
export const IDENTITY_PARAM = "as";

/**
 * Picks admin, agent, light agent and a French-speaking agent from a user list (admin@example.com
 * first for admin; the agent is the first full agent, the French agent the first whose locale is `fr…`).
 */
export function pickIdentities(users: Rest[]): Identity[] {
	const staff = users.filter(u => u["active"] !== false && u["suspended"] !== true);
	const admin = staff.find(u => str(u, "email") === "admin@example.com") ?? staff.find(u => str(u, "role") === "admin");
	const isLight = (u: Rest) => num(u, "role_type") === 1 || /light/i.test(str(u, "custom_role_name"));
	const agent = staff.find(u => str(u, "role") === "agent" && !isLight(u));
	const light = staff.find(u => str(u, "role") === "agent" && isLight(u));
	const french = staff.find(u => str(u, "role") === "agent" && !isLight(u) && /^fr(-|$)/i.test(str(u, "locale")));
	const out: Identity[] = [];
	for (const [key, user] of [
		["admin", admin],
		["agent", agent],
		["light_agent", light],
		["french_agent", french],
	] as const) {
		if (user)
			out.push({
				key,
				label: LABELS[key],
				email: str(user, "email"),
				name: str(user, "name"),
				userId: num(user, "id") ?? 0,
			});
	}
	return out;
}

/**
 * The identity `?as=<key>` names if it exists (remembered, so it survives navigation and reloads),
 * else the stored choice if it still exists, else the agent (else the first identity).
 */
export function chosenIdentity(
	identities: Identity[],
	storage: Pick<Storage, "getItem" | "setItem">,
	search = "",
): Identity | undefined {
	const asked = identities.find(i => i.key === new URLSearchParams(search).get(IDENTITY_PARAM));
	if (asked) rememberIdentity(asked.key, storage);
	const stored = storage.getItem(STORAGE_KEY);
	return identities.find(i => i.key === stored) ?? identities.find(i => i.key === "agent") ?? identities[0];
}

/** Remembers the choice for the next page load. */
export function rememberIdentity(key: Identity["key"], storage: Pick<Storage, "setItem">): void {
	storage.setItem(STORAGE_KEY, key);
}
