import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import type { ZafPort } from "./zaf/port";
import { createShellModel, readStartUp, START_UP_PATHS, toCurrentUser, toFormHint } from "./createShellModel";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

/** The in-process port on `ticketId` (none: a location without a ticket), counting its `get` calls. */
function setup(ticketId?: number) {
	const emulator = createEmulator();
	const { port, client } = createInProcessPort({
		emulator,
		userEmail: "agent@example.com",
		...(ticketId === undefined ? {} : { ticketId }),
	});
	cleanups.push(
		() => client.close(),
		() => emulator.dispose(),
	);
	const gets: string[][] = [];
	const counted: ZafPort = { ...port, get: paths => (gets.push(paths), port.get(paths)) };
	return { emulator, zaf: counted, gets };
}

describe("toCurrentUser", () => {
	it("keeps ZAF's roleType when it is a number, and leaves it out otherwise", () => {
		expect(toCurrentUser({ id: 1005, name: "Lena", role: "agent", roleType: 1 })?.roleType).toBe(1);
		expect(toCurrentUser({ id: 1002, name: "Sam", role: "agent" })).not.toHaveProperty("roleType");
		expect(toCurrentUser({ id: 1002, role: "agent", roleType: null })).not.toHaveProperty("roleType");
	});

	it("reads the light agent's role type through the workspace host's currentUser", async () => {
		const emulator = createEmulator();
		const { port, client } = createInProcessPort({ emulator, userEmail: "light@example.com", ticketId: 1 });
		cleanups.push(
			() => client.close(),
			() => emulator.dispose(),
		);
		expect((await readStartUp(port)).currentUser).toMatchObject({ id: 1005, role: "agent", roleType: 1 });
	});
});

describe("toFormHint", () => {
	it.each([
		[{ id: 7001 }, 7001],
		[{ id: null }, null],
		[null, null],
		[undefined, undefined],
		[{}, undefined],
		[{ id: "7001" }, undefined],
		[{ id: -1 }, undefined],
		[{ id: 1.5 }, undefined],
		[7001, undefined],
		["form", undefined],
	])("%j → %j", (raw, hint) => {
		expect(toFormHint(raw)).toBe(hint);
	});
});

describe("start-up values", () => {
	it("reads the agent and the ticket's form in ONE ZAF get", async () => {
		const { zaf, gets } = setup(2);
		const values = await readStartUp(zaf);
		expect(gets).toEqual([START_UP_PATHS]);
		expect(values.currentUser?.id).toBe(1002);
		expect(values.ticketFormHint).toBe(7001);
	});

	it("says 'no form' for a ticket without one, and gives no hint where there is no ticket", async () => {
		expect((await readStartUp(setup(1).zaf)).ticketFormHint).toBeNull();
		const outside = await readStartUp(setup().zaf);
		expect(outside.ticketFormHint).toBeUndefined();
		expect(outside.currentUser?.id).toBe(1002);
	});

	it("puts the hint into the environment without a second get when mount already read it", async () => {
		const { zaf, gets } = setup(2);
		const shell = createShellModel(zaf, await readStartUp(zaf));
		await shell.load();
		expect(shell.state.value).toMatchObject({ status: "ready", env: { ticketId: 2, ticketFormHint: 7001 } });
		expect(gets).toHaveLength(1);
	});

	it("reads the agent and the hint together when it has to read them itself", async () => {
		const { zaf, gets } = setup(5);
		const shell = createShellModel(zaf);
		await shell.load();
		expect(shell.state.value).toMatchObject({
			status: "ready",
			env: { ticketFormHint: 7002, currentUser: { id: 1002 } },
		});
		expect(gets).toEqual([START_UP_PATHS]);
	});

	it("leaves the hint out of the environment where there is no ticket", async () => {
		const { zaf } = setup();
		const shell = createShellModel(zaf, await readStartUp(zaf));
		await shell.load();
		const state = shell.state.value;
		expect(state.status === "ready" && "ticketFormHint" in state.env).toBe(false);
	});
});
