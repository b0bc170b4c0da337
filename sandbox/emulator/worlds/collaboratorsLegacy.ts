/**
 * The default world's people, fields and tickets on an account WITHOUT the "CCs and followers"
 * experience: `collaborators`/`collaborator_ids` are the only CC mechanism and `email_ccs` /
 * `followers` are ignored (§5.4 [V]). Same ids as the default world; tickets 1 and 7 carry their
 * CCs and followers as legacy collaborators.
 */
import { accountRecord } from "./accountSettings";
import { addDefaultTickets } from "./default";
import { addDefaultFields, addDefaultPeople } from "./defaultWorldSetup";
import { createWorldBuilder, type World } from "./worldBuilder";

/** The legacy-CC world. */
export const collaboratorsLegacyWorld: World = {
	name: "collaboratorsLegacy",
	description: "The default world on an account with CCs and followers disabled (legacy collaborators only)",
	otherAgentEmail: "maria@example.com",
	build() {
		// Built with CCs and followers on (so the same history applies), then switched off: the
		// stored CCs/followers become legacy collaborators.
		const w = createWorldBuilder(accountRecord({ ccsAndFollowers: true }), "2025-01-02T08:00:00Z");
		addDefaultPeople(w);
		addDefaultFields(w);
		addDefaultTickets(w);
		w.db.account.settings.tickets.follower_and_email_cc_collaborations = false;
		for (const ticket of w.db.tickets) {
			ticket.collaborator_ids = [...new Set([...ticket.email_cc_ids, ...ticket.follower_ids])];
			ticket.email_cc_ids = [];
			ticket.follower_ids = [];
		}
		return w.seed();
	},
};
