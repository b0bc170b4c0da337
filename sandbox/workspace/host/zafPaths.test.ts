import { describe, expect, it } from "vitest";
import { aSnapshot, aUser } from "./testFixtures";
import { createTicketState } from "./ticketState";
import { resolveGet, type ZafDataSource } from "./zafPaths";
import { toZafTicketField, toZafUser } from "./zafShapes";

function source(ticketOverrides: Record<string, unknown> = {}): ZafDataSource {
	const snapshot = aSnapshot(ticketOverrides);
	return {
		ticket: createTicketState(snapshot),
		currentUser: () => toZafUser(aUser()),
		currentAccount: () => ({ subdomain: "sandbox" }),
		ticketFields: () => snapshot.fields.map(toZafTicketField),
	};
}

describe("resolveGet", () => {
	it("answers ticket.form as { id } of the ticket's form, in the same get as currentUser", () => {
		const reply = resolveGet(["currentUser", "ticket.form", "ticket.form.id"], source({ ticket_form_id: 7001 }));
		expect(reply).toEqual({
			errors: {},
			currentUser: expect.objectContaining({ id: 10 }),
			"ticket.form": { id: 7001 },
			"ticket.form.id": 7001,
		});
	});

	it("answers { id: null } for a ticket without a form", () => {
		const reply = resolveGet(["ticket.form", "ticket.form.id"], source());
		expect(reply).toEqual({ errors: {}, "ticket.form": { id: null }, "ticket.form.id": null });
	});

	it("reports an unknown path per path and still answers the others", () => {
		const reply = resolveGet(["ticket.form", "ticket.nope", "nope"], source({ ticket_form_id: 7002 }));
		expect(reply["ticket.form"]).toEqual({ id: 7002 });
		expect(Object.keys(reply.errors)).toEqual(["ticket.nope", "nope"]);
		expect(reply.errors["nope"]).toEqual({
			name: "APIUnavailable",
			message: "Could not find API for nope",
			path: "nope",
		});
	});
});
