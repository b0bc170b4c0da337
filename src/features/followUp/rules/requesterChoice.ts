/**
 * Who the follow-up is for: the original requester, another existing user, or a new requester
 * (GUIDE "Creating a ticket with a new requester": name and email required, locale optional).
 */
import { emailProblem, normalizeEmail } from "../../../shared/email";
import type { Id } from "../../../shared/ticketTypes";
import type { Issue } from "../../../shared/issues";

/** The requester choice as the draft keeps it (serialisable; half-typed input is kept as typed). */
export type RequesterChoice =
	| { kind: "same" }
	| {
			kind: "existing";
			/** `null` until the agent picks someone from the search results. */
			userId: Id | null;
			/** Name and email of the picked user, kept for display after a reload. */
			label: string;
	  }
	| {
			kind: "new";
			name: string;
			email: string;
			/** Zendesk locale id (`/api/v2/locales`), `null` for the account default. */
			localeId: Id | null;
	  };

/** Longest requester name we send; our own cap (Zendesk documents none) against pasted garbage. */
export const REQUESTER_NAME_MAX_LENGTH = 255;

/** The requester part of a create body: `requester_id`, or `requester` for a new one. */
export type RequesterPayload = { requester_id: Id } | { requester: { name: string; email: string; locale_id?: Id } };

/**
 * Checks a requester choice. `sourceRequesterId` is the original's requester (for `same`);
 * `knownLocaleIds`, when given, restricts `localeId` to the account's locales. Never throws.
 */
export function validateRequesterChoice(
	choice: RequesterChoice,
	sourceRequesterId: Id | null,
	knownLocaleIds?: readonly Id[],
): Issue[] {
	switch (choice.kind) {
		case "same":
			return sourceRequesterId === null ? [{ field: "requester", code: "followUp.issues.requesterSourceMissing" }] : [];
		case "existing":
			return choice.userId === null ? [{ field: "requester", code: "followUp.issues.requesterNotChosen" }] : [];
		case "new": {
			const issues: Issue[] = [];
			const name = choice.name.trim();
			if (name === "") issues.push({ field: "requester.name", code: "followUp.issues.requesterNameEmpty" });
			else if (name.length > REQUESTER_NAME_MAX_LENGTH)
				issues.push({
					field: "requester.name",
					code: "followUp.issues.requesterNameTooLong",
					vars: { max: REQUESTER_NAME_MAX_LENGTH },
				});
			const problem = emailProblem(choice.email);
			if (problem === "empty") issues.push({ field: "requester.email", code: "followUp.issues.requesterEmailEmpty" });
			else if (problem !== null)
				issues.push({
					field: "requester.email",
					code: "followUp.issues.requesterEmailInvalid",
					vars: { email: choice.email.trim() },
				});
			if (choice.localeId !== null) {
				const wellFormed = Number.isSafeInteger(choice.localeId) && choice.localeId > 0;
				if (!wellFormed || (knownLocaleIds !== undefined && !knownLocaleIds.includes(choice.localeId)))
					issues.push({ field: "requester.locale", code: "followUp.issues.requesterLocaleUnknown" });
			}
			return issues;
		}
	}
}

/**
 * The requester part of the create body. Assumes the choice passed `validateRequesterChoice`;
 * returns `null` when it cannot be expressed (no user picked, no original requester).
 */
export function requesterPayload(choice: RequesterChoice, sourceRequesterId: Id | null): RequesterPayload | null {
	switch (choice.kind) {
		case "same":
			return sourceRequesterId === null ? null : { requester_id: sourceRequesterId };
		case "existing":
			return choice.userId === null ? null : { requester_id: choice.userId };
		case "new": {
			// An existing email makes Zendesk reuse that user unchanged (GUIDE); name and locale then do nothing.
			const requester: { name: string; email: string; locale_id?: Id } = {
				name: choice.name.trim(),
				email: normalizeEmail(choice.email),
			};
			if (choice.localeId !== null) requester.locale_id = choice.localeId;
			return { requester };
		}
	}
}
