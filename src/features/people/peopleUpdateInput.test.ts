import { describe, expect, it } from "vitest";
import { toPeopleUpdateInput } from "./peopleUpdateInput";

describe("toPeopleUpdateInput", () => {
	const stamp = "2024-01-01T10:00:00Z";

	it("sends email CCs and followers in Zendesk's shape with the safe-update fields", () => {
		const input = toPeopleUpdateInput(
			{
				emailCcs: [
					{ userId: 3, action: "put" },
					{ userEmail: "jo@x.com", userName: "Jo", action: "put" },
				],
				followers: [{ userId: 10, action: "delete" }],
			},
			stamp,
		);
		expect(input).toEqual({
			safe_update: true,
			updated_stamp: stamp,
			email_ccs: [
				{ user_id: "3", action: "put" },
				{ user_email: "jo@x.com", user_name: "Jo", action: "put" },
			],
			followers: [{ user_id: "10", action: "delete" }],
		});
	});

	it("carries the audit metadata it is given, and none otherwise", () => {
		const patch = { emailCcs: [{ userId: 3, action: "put" as const }] };
		expect(toPeopleUpdateInput(patch, stamp, { source: "sidebar", reason: "call" })).toEqual({
			safe_update: true,
			updated_stamp: stamp,
			email_ccs: [{ user_id: "3", action: "put" }],
			metadata: { source: "sidebar", reason: "call" },
		});
		expect(toPeopleUpdateInput(patch, stamp)).not.toHaveProperty("metadata");
	});

	it("sends legacy collaborators as given, and never a comment", () => {
		const input = toPeopleUpdateInput(
			{ collaborators: [3, { name: "Jo", email: "jo@x.com" }], additionalCollaborators: ["k@x.com"] },
			stamp,
		);
		expect(input).toEqual({
			safe_update: true,
			updated_stamp: stamp,
			collaborators: [3, { name: "Jo", email: "jo@x.com" }],
			additional_collaborators: ["k@x.com"],
		});
		expect("comment" in input).toBe(false);
	});
});
