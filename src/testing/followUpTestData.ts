/** Test-only builders for follow-up domain tests (not imported by the app). */
import type { FollowUpDraft } from "../features/followUp/rules/followUpDraft";
import { createFollowUpDraft } from "../features/followUp/rules/followUpDraft";
import type { FollowUpSource, RequesterChoice } from "../features/followUp/rules/followUpDraft";

/** A closed source ticket with sensible values; override what the test is about. */
export function aSource(overrides: Partial<FollowUpSource> = {}): FollowUpSource {
	return {
		id: 41,
		status: "closed",
		subject: "Printer overheats",
		requesterId: 7,
		groupId: 3,
		assigneeId: 2,
		tags: ["printer", "hardware"],
		emailCcIds: [],
		followerIds: [],
		customFields: [],
		followupIds: [],
		...overrides,
	};
}

/** A draft for `source` with a comment, ready to send unless overridden. */
export function aDraft(source: FollowUpSource = aSource(), overrides: Partial<FollowUpDraft> = {}): FollowUpDraft {
	return { ...createFollowUpDraft(source), comment: "My printer is still too hot!", ...overrides };
}

/** The agent's choice of a new requester (`localeId` null: no language picked). */
export const newRequester = (name: string, email: string, localeId: number | null = null): RequesterChoice => ({
	kind: "new",
	name,
	email,
	localeId,
});
