import { describe, expect, it } from "vitest";
import { aSnapshot } from "./testFixtures";
import { createTicketState, type TicketChange } from "./ticketState";

describe("ticketState", () => {
	it("shows the server ticket in ZAF's shape while the form is clean", () => {
		const state = createTicketState(aSnapshot());
		expect(state.edits()).toEqual({});
		expect(state.updateBody()).toBeNull();
		expect(state.zafTicket()).toMatchObject({
			id: 42,
			subject: "Printer on fire",
			"customField:custom_field_900": "ABC-1",
			comment: { text: "", type: "publicReply" },
		});
	});

	it.each([
		["status", "solved", undefined],
		["status", "closed", "InvalidValue"],
		["priority", null, undefined],
		["priority", "asap", "InvalidValue"],
		["type", "task", undefined],
		["tags", ["a", "a", "b"], undefined],
		["tags", "a", "InvalidValue"],
		["subject", 3, "InvalidValue"],
		["comment.type", "internalNote", undefined],
		["customField:custom_field_901", "reason_broken", undefined],
		["customField:custom_field_12345", "x", "APIUnavailable"],
		["requester.id", 5, "APIUnavailable"],
	])("set %s to %j → %s", (path, value, errorName) => {
		const state = createTicketState(aSnapshot());
		expect(state.set(path, value)?.name).toBe(errorName);
	});

	it("turns the edits into one safe REST update stamped with the server's updated_at", () => {
		const state = createTicketState(aSnapshot());
		state.set("status", "pending");
		state.set("tags", ["x"]);
		state.set("customField:custom_field_901", "reason_broken");
		state.set("comment.text", "Checked the printer");
		state.set("comment.type", "internalNote");
		expect(state.updateBody()).toEqual({
			ticket: {
				status: "pending",
				tags: ["x"],
				custom_fields: [{ id: 901, value: "reason_broken" }],
				comment: { body: "Checked the printer", public: false },
				safe_update: true,
				updated_stamp: "2024-03-02T11:30:00Z",
			},
		});
	});

	it("keeps the agent's edits when the server ticket changes underneath, and reports ZAF change events", () => {
		const state = createTicketState(aSnapshot());
		const seen: TicketChange[][] = [];
		state.onChange(c => seen.push(c));
		state.set("status", "hold");
		const changes = state.refresh(
			aSnapshot({ status: "pending", subject: "Printer fixed", updated_at: "2024-03-03T00:00:00Z" }),
		);
		expect(state.zafTicket()).toMatchObject({ status: "hold", subject: "Printer fixed" });
		expect(changes).toEqual([{ event: "ticket.subject.changed", value: "Printer fixed" }]);
		expect(seen).toEqual([[{ event: "ticket.status.changed", value: "hold" }], changes]);
		expect(state.updateBody()?.["ticket"]).toMatchObject({ updated_stamp: "2024-03-03T00:00:00Z" });
	});

	it("reports custom field changes by field name", () => {
		const state = createTicketState(aSnapshot());
		const changes = state.refresh(
			aSnapshot({
				custom_fields: [
					{ id: 900, value: "ABC-2" },
					{ id: 901, value: null },
				],
			}),
		);
		expect(changes).toEqual([{ event: "ticket.custom_field_900.changed", value: "ABC-2" }]);
	});

	it("adds and removes tags without duplicates, and appends comment text", () => {
		const state = createTicketState(aSnapshot());
		state.changeTags("add", ["vip", "new"]);
		state.changeTags("remove", "printer");
		state.appendCommentText("Hi ");
		state.appendCommentText("there");
		expect(state.edits()).toEqual({ "ticket.tags": ["vip", "new"], "ticket.comment.text": "Hi there" });
		expect(state.changeTags("add", [1])?.name).toBe("InvalidValue");
	});

	it("clears the edits after a submit", () => {
		const state = createTicketState(aSnapshot());
		state.set("status", "solved");
		expect(state.clearEdits()).toEqual([{ event: "ticket.status.changed", value: "open" }]);
		expect(state.edits()).toEqual({});
	});
});
