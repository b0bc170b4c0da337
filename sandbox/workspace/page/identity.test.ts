import { describe, expect, it } from "vitest";
import { chosenIdentity, pickIdentities, rememberIdentity } from "./identity";

const users = [
	{ id: 1, name: "Ann Admin", email: "ann@example.com", role: "admin", role_type: 4 },
	{ id: 2, name: "Admin", email: "admin@example.com", role: "admin", role_type: 4 },
	{ id: 3, name: "Lou Light", email: "lou@example.com", role: "agent", role_type: 1 },
	{ id: 4, name: "Gus Gone", email: "gus@example.com", role: "agent", role_type: 0, active: false },
	{ id: 5, name: "Ada Agent", email: "ada@example.com", role: "agent", role_type: 0 },
	{ id: 6, name: "Eve End", email: "eve@example.com", role: "end-user" },
];

function memoryStorage() {
	const data = new Map<string, string>();
	return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe("identity", () => {
	it("picks admin@example.com, an active full agent and a light agent", () => {
		expect(pickIdentities(users).map(i => [i.key, i.email, i.userId])).toEqual([
			["admin", "admin@example.com", 2],
			["agent", "ada@example.com", 5],
			["light_agent", "lou@example.com", 3],
		]);
	});

	it("defaults to the agent and remembers a choice", () => {
		const identities = pickIdentities(users);
		const storage = memoryStorage();
		expect(chosenIdentity(identities, storage)?.key).toBe("agent");
		rememberIdentity("light_agent", storage);
		expect(chosenIdentity(identities, storage)?.key).toBe("light_agent");
	});

	it("falls back to the agent when the stored identity does not exist in this world", () => {
		const storage = memoryStorage();
		rememberIdentity("light_agent", storage);
		expect(chosenIdentity(pickIdentities(users.filter(u => u.id !== 3)), storage)?.key).toBe("agent");
	});

	it("picks a full agent whose locale is French as the French agent", () => {
		const withFrench = [
			...users,
			{ id: 7, name: "Lou Léger", email: "lou.fr@example.com", role: "agent", role_type: 1, locale: "fr" },
			{ id: 8, name: "Camille", email: "camille@example.com", role: "agent", role_type: 0, locale: "fr" },
		];
		expect(pickIdentities(withFrench).map(i => [i.key, i.userId])).toEqual([
			["admin", 2],
			["agent", 5],
			["light_agent", 3],
			["french_agent", 8],
		]);
	});

	it("signs in as the identity ?as= names and remembers it; ignores an unknown key", () => {
		const identities = pickIdentities(users);
		const storage = memoryStorage();
		expect(chosenIdentity(identities, storage, "?as=light_agent")?.key).toBe("light_agent");
		expect(chosenIdentity(identities, storage)?.key).toBe("light_agent");
		expect(chosenIdentity(identities, storage, "?as=french_agent")?.key).toBe("light_agent");
		expect(chosenIdentity(identities, storage, "?as=admin&x=1")?.key).toBe("admin");
	});
});
