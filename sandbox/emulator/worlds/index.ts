/** The registry of named worlds. Seeds are built once per process and cloned on every reset. */
import type { Seed } from "../db/db";
import { collaboratorsLegacyWorld } from "./collaboratorsLegacy";
import { defaultWorld } from "./default";
import { emptyWorld } from "./empty";
import type { World } from "./worldBuilder";

export type { World } from "./worldBuilder";

const WORLDS: World[] = [defaultWorld, collaboratorsLegacyWorld, emptyWorld];
const built = new Map<string, Seed>();

/** The world with this name, or undefined. */
export function getWorld(name: string): World | undefined {
	return WORLDS.find(w => w.name === name);
}

/** Names and descriptions of every world. */
export function listWorlds(): Array<{ name: string; description: string }> {
	return WORLDS.map(({ name, description }) => ({ name, description }));
}

/** The seed of a world (built on first use, then cached; callers must clone it — createDb does). */
export function worldSeed(name: string): Seed | undefined {
	const world = getWorld(name);
	if (!world) return undefined;
	let seed = built.get(name);
	if (!seed) {
		seed = world.build();
		built.set(name, seed);
	}
	return seed;
}
