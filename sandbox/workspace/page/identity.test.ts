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
});
