import { describe, expect, it } from "vitest";
import { CAST } from "../../../testing/peopleFixtures";
import {
	choosePeopleMode,
	peopleOf,
	peopleRules,
	type PeopleAccountSettings,
	type TicketPeopleFacts,
} from "./peopleMode";
import type { PeopleMode } from "../../../shared/peopleTypes";

describe("choosePeopleMode", () => {
	const cases: Array<[PeopleAccountSettings, PeopleMode]> = [
		[{ followerAndEmailCcCollaborations: true, collaboration: true }, "ccsAndFollowers"],
		[{ followerAndEmailCcCollaborations: true }, "ccsAndFollowers"],
		[{ followerAndEmailCcCollaborations: true, collaboration: false }, "disabled"],
		[{ followerAndEmailCcCollaborations: false, collaboration: true }, "collaborators"],
		[{ followerAndEmailCcCollaborations: false }, "collaborators"],
		[{}, "collaborators"],
		[{ followerAndEmailCcCollaborations: false, collaboration: false }, "disabled"],
	];
	it.each(cases)("chooses from %j → %s", (settings, mode) => {
		expect(choosePeopleMode(settings)).toBe(mode);
	});

	it("allows light agents as CCs only when the setting says so", () => {
		expect(peopleRules({ lightAgentEmailCcsAllowed: true })).toEqual({ lightAgentEmailCcsAllowed: true });
		expect(peopleRules({})).toEqual({ lightAgentEmailCcsAllowed: false });
	});
});

describe("peopleOf", () => {
	const ticket: TicketPeopleFacts = {
		id: 7,
		requesterId: 1,
		emailCcIds: [2, 3, 2],
		followerIds: [10],
		collaboratorIds: [2, 3, 10],
		updatedAt: "2024-01-01T10:00:00Z",
	};
	const users = [CAST.rita, CAST.ann, CAST.bob, CAST.alice];

	it("resolves CCs and followers from the sideloaded users, once each", () => {
		const current = peopleOf({ ticket, users }, "ccsAndFollowers");
		expect(current.ccs).toEqual([CAST.ann, CAST.bob]);
		expect(current.followers).toEqual([CAST.alice]);
		expect(current.requesterEmail).toBe("rita@example.com");
		expect(current.updatedAt).toBe(ticket.updatedAt);
	});

	it("uses the collaborators list and no followers in collaborators mode", () => {
		const current = peopleOf({ ticket, users }, "collaborators");
		expect(current.ccs.map(user => user.id)).toEqual([2, 3, 10]);
		expect(current.followers).toEqual([]);
	});

	it("keeps a user missing from the sideload as a removable placeholder", () => {
		const current = peopleOf({ ticket: { ...ticket, emailCcIds: [99] }, users: [] }, "ccsAndFollowers");
		expect(current.ccs).toEqual([
			{ id: 99, name: "#99", email: null, role: "end-user", roleType: null, active: false, suspended: false },
		]);
		expect(current.requesterEmail).toBeNull();
	});
});
