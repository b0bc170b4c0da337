import { describe, expect, it } from "vitest";
import { isPossiblyInternalNote, noteWithCcsIssue, type CommentLike } from "./peopleNoteRule";
import type { PeoplePatch } from "../../../shared/peopleTypes";

describe("noteWithCcsIssue", () => {
	const ccs: PeoplePatch = { emailCcs: [{ userId: 3, action: "put" }] };
	const followers: PeoplePatch = { followers: [{ userId: 10, action: "put" }] };
	const cases: Array<[label: string, patch: PeoplePatch, comment: CommentLike | null | undefined, blocked: boolean]> = [
		["CC changes alone pass", ccs, undefined, false],
		["CC changes with a public reply pass", ccs, { public: true }, false],
		["CC changes with an internal note are refused", ccs, { public: false }, true],
		["CC changes with a comment of unknown privacy are refused", ccs, {}, true],
		["follower changes with an internal note pass (the rule is about email CCs)", followers, { public: false }, false],
		["legacy collaborators with an internal note pass", { additionalCollaborators: [3] }, { public: false }, false],
		["an internal note without CC changes passes", { emailCcs: [] }, { public: false }, false],
	];
	it.each(cases)("%s", (_label, patch, comment, blocked) => {
		expect(noteWithCcsIssue(patch, comment)).toEqual(
			blocked ? { field: "form", code: "people.issues.noteWithCcs" } : null,
		);
	});

	it("treats null and missing comments as no note", () => {
		expect(isPossiblyInternalNote(null)).toBe(false);
		expect(isPossiblyInternalNote(undefined)).toBe(false);
	});
});
