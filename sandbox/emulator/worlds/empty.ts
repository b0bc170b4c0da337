/**
 * A nearly empty account: the admin (1001) and agent (1002) of the default world, one end user
 * (1101), the default world's fields and forms, and no tickets. For tests that build their own data.
 */
import { accountRecord } from "./accountSettings";
import { addDefaultFields } from "./defaultWorldSetup";
import { createWorldBuilder, type World } from "./worldBuilder";

/** The empty world. */
export const emptyWorld: World = {
	name: "empty",
	description: "Admin 1001, agent 1002, end user 1101, the default fields and forms, no tickets",
	build() {
		const w = createWorldBuilder(accountRecord({ ccsAndFollowers: true }), "2025-01-02T08:00:00Z");
		w.addGroup(6001, "Support", true);
		w.addUser({
			id: 1001,
			name: "Ada Lindqvist",
			email: "admin@example.com",
			role: "admin",
			role_type: 4,
			default_group_id: 6001,
		});
		w.addUser({ id: 1002, name: "Sam Carter", email: "agent@example.com", role: "agent", default_group_id: 6001 });
		w.addUser({ id: 1101, name: "Olivia Bennett", email: "olivia.bennett@example.org" });
		addDefaultFields(w);
		return w.seed();
	},
};
