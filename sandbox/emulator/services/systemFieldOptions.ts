/**
 * `system_field_options` of the system fields that have them (captured gz-ticket-fields: status,
 * tickettype, priority; `{name, value}` only). Status lists what an agent can pick: hold is on in
 * every sandbox world, `new` and `closed` are not pickable.
 */
export const SYSTEM_FIELD_OPTIONS: Record<string, Array<{ name: string; value: string }>> = {
	status: [
		{ name: "Open", value: "open" },
		{ name: "Pending", value: "pending" },
		{ name: "On-hold", value: "hold" },
		{ name: "Solved", value: "solved" },
	],
	tickettype: [
		{ name: "Question", value: "question" },
		{ name: "Incident", value: "incident" },
		{ name: "Problem", value: "problem" },
		{ name: "Task", value: "task" },
	],
	priority: [
		{ name: "Low", value: "low" },
		{ name: "Normal", value: "normal" },
		{ name: "High", value: "high" },
		{ name: "Urgent", value: "urgent" },
	],
};
