/**
 * Small REST-shaped fixtures for the workspace's unit tests (a ticket, its people and fields).
 * Test-only: the page and the server never import it.
 */
import type { TicketSnapshot } from "./ticketState";
import type { Rest } from "./zafShapes";

/** A REST user. */
export function aUser(overrides: Rest = {}): Rest {
	return {
		id: 10,
		name: "Ada Agent",
		email: "ada@example.com",
		role: "agent",
		role_type: 0,
		locale: "en-US",
		time_zone: "Europe/Berlin",
		iana_time_zone: "Europe/Berlin",
		photo: null,
		tags: [],
		...overrides,
	};
}

/** A snapshot of ticket 42 with a requester, an assignee, a CC, a follower and two custom fields. */
export function aSnapshot(ticketOverrides: Rest = {}): TicketSnapshot {
	return {
		ticket: {
			id: 42,
			subject: "Printer on fire",
			description: "It is on fire.",
			status: "open",
			priority: "normal",
			type: "incident",
			tags: ["printer", "vip"],
			requester_id: 20,
			submitter_id: 20,
			assignee_id: 10,
			group_id: 5,
			collaborator_ids: [21, 11],
			email_cc_ids: [21],
			follower_ids: [11],
			custom_fields: [
				{ id: 900, value: "ABC-1" },
				{ id: 901, value: null },
			],
			created_at: "2024-03-01T10:00:00Z",
			updated_at: "2024-03-02T11:30:00Z",
			via: { channel: "web", source: { from: {}, to: {}, rel: null } },
			...ticketOverrides,
		},
		users: [
			aUser(),
			aUser({ id: 11, name: "Finn Follower", email: "finn@example.com" }),
			aUser({ id: 20, name: "Rita Requester", email: "rita@example.com", role: "end-user", role_type: null }),
			aUser({ id: 21, name: "Carl Cc", email: "carl@example.com", role: "end-user", role_type: null }),
		],
		fields: [
			{ id: 1, type: "subject", title: "Subject", removable: false, active: true },
			{
				id: 2,
				type: "priority",
				title: "Priority",
				removable: false,
				active: true,
				system_field_options: [
					{ name: "Low", value: "low" },
					{ name: "Normal", value: "normal" },
				],
			},
			{ id: 900, type: "text", title: "Order number", removable: true, active: true },
			{
				id: 901,
				type: "tagger",
				title: "Reason",
				removable: true,
				active: true,
				required: true,
				custom_field_options: [{ name: "Broken", value: "reason_broken" }],
			},
		],
		groups: [{ id: 5, name: "Support" }],
	};
}
