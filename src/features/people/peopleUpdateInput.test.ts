import { describe, expect, it } from "vitest";
import { toPeopleUpdateInput } from "./peopleUpdateInput";

describe("toPeopleUpdateInput", () => {
	it("sends email CCs and followers in Zendesk's shape, and nothing else (the writer adds the safe-update fields)", () => {
		const input = toPeopleUpdateInput({
			emailCcs: [
				{ userId: 3, action: "put" },
				{ userEmail: "jo@x.com", userName: "Jo", action: "put" },
			],
			followers: [{ userId: 10, action: "delete" }],
		});
		expect(input).toEqual({
			email_ccs: [
				{ user_id: "3", action: "put" },
				{ user_email: "jo@x.com", user_name: "Jo", action: "put" },
			],
			followers: [{ user_id: "10", action: "delete" }],
		});
	});

	it("sends legacy collaborators as given, and never a comment", () => {
		const input = toPeopleUpdateInput({
			collaborators: [3, { name: "Jo", email: "jo@x.com" }],
			additionalCollaborators: ["k@x.com"],
		});
		expect(input).toEqual({
			collaborators: [3, { name: "Jo", email: "jo@x.com" }],
			additional_collaborators: ["k@x.com"],
		});
		expect("comment" in input).toBe(false);
	});
});
