import { describe, expect, it } from "vitest";
import { ticketPermissions, type PermissionUser, type TicketPermissions } from "./ticketPermissions";
import type { TicketStatus } from "./ticketTypes";

const admin: PermissionUser = { id: 1001, role: "admin", roleType: 4 };
const agent: PermissionUser = { id: 1002, role: "agent", roleType: null };
const customAgent: PermissionUser = { id: 1003, role: "agent", roleType: 0 };
const light: PermissionUser = { id: 1005, role: "agent", roleType: 1 };
const lightUnknown: PermissionUser = { id: 1005, role: "agent", roleType: null };

const editable: TicketPermissions = { canEditProperties: true, reason: null };
const closed: TicketPermissions = { canEditProperties: false, reason: "closed" };
const lightAgent: TicketPermissions = { canEditProperties: false, reason: "lightAgent" };

describe("ticketPermissions", () => {
	const cases: Array<
		[name: string, status: TicketStatus, requesterId: number | null, user: PermissionUser, expected: TicketPermissions]
	> = [
		["an admin on an open ticket", "open", 1101, admin, editable],
		["an agent on an open ticket", "open", 1101, agent, editable],
		["a custom-role agent on a pending ticket", "pending", 1101, customAgent, editable],
		["an agent on a solved ticket (it can be reopened)", "solved", 1101, agent, editable],
		["an admin on a closed ticket", "closed", 1101, admin, closed],
		["an agent on a closed ticket", "closed", 1101, agent, closed],
		["a light agent on someone else's ticket", "open", 1101, light, lightAgent],
		["a light agent on a new ticket without requester", "new", null, light, lightAgent],
		["a light agent who requested the ticket", "open", 1005, light, editable],
		["a light agent on a closed ticket they requested", "closed", 1005, light, closed],
		["a light agent on someone else's closed ticket (closed wins)", "closed", 1101, light, closed],
		["an agent whose role type is unknown", "open", 1101, lightUnknown, editable],
		["an end user with role type 1 (not an agent)", "open", 1101, { id: 9, role: "end-user", roleType: 1 }, editable],
	];
	it.each(cases)("%s", (_name, status, requesterId, user, expected) => {
		expect(ticketPermissions({ status, requesterId }, user)).toEqual(expected);
	});
});
