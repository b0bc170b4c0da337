/**
 * Validation of people changes → `Issue[]` (empty = fine). Pure and total: never throws, never looks
 * anything up; the translated messages live under `people.issues.*`.
 */
import { emailProblem, TYPED_EMAIL_PROBLEMS, type EmailProblem } from "../../../shared/email";
import type { Issue } from "../../../shared/issues";
import { countCcs, isRequester } from "./peopleCap";
import { displayName, findOnList, samePerson } from "./peopleIdentity";
import { stageAdd } from "./stagedPeople";
import {
	LIGHT_AGENT_ROLE_TYPE,
	type CurrentPeople,
	type PeopleList,
	type PeopleRules,
	type PersonRef,
	type StagedChange,
	type StagedPeople,
} from "../../../shared/peopleTypes";

/**
 * Longest `user_name` the app sends for a new CC. Zendesk does not document a limit; 255 is the
 * usual column size for user names [U], and anything longer is almost certainly a paste accident.
 */
export const MAX_NEW_USER_NAME = 255;

/** What the validators look at. */
export interface PeopleValidationContext {
	current: CurrentPeople;
	staged: StagedPeople;
	rules: PeopleRules;
}

const EMAIL_CODES: Record<EmailProblem, string> = {
	empty: "people.issues.emailEmpty",
	too_long: "people.issues.emailTooLong",
	missing_at: "people.issues.emailMissingAt",
	invalid: "people.issues.emailInvalid",
	...(TYPED_EMAIL_PROBLEMS as Record<"lookalike_at" | "spelled_at" | "lookalike", string>),
};

/**
 * What the picker says while the agent types: the problem of text that is clearly meant as an
 * address but cannot be one (`＠`, "bob at example.com", full-width or invisible characters), so
 * it is never taken silently for a name search. `null` for anything else, valid or half-typed.
 */
export function typedEmailIssue(list: PeopleList, text: string): Issue | null {
	const problem = emailProblem(text);
	const code = problem === null ? undefined : TYPED_EMAIL_PROBLEMS[problem];
	return code === undefined ? null : { field: list, code, vars: { email: text.trim() } };
}

/**
 * Whether `person` may be staged for addition to `list` now (the picker calls this before staging).
 * Reports every problem found, in a stable order; does not check the person exists in Zendesk.
 */
export function validateCandidate(ctx: PeopleValidationContext, list: PeopleList, person: PersonRef): Issue[] {
	const issues = personIssues(ctx.current, ctx.rules, list, person);
	if (issues.length > 0) return issues;
	const name = displayName(person);
	if (findOnList(ctx.current, list, person) !== undefined) {
		return [
			{
				field: list,
				code: list === "ccs" ? "people.issues.alreadyCc" : "people.issues.alreadyFollower",
				vars: { name },
			},
		];
	}
	const stagedAlready = ctx.staged.changes.some(
		change => change.list === list && change.op === "add" && samePerson(change.person, person),
	);
	if (stagedAlready) return [{ field: list, code: "people.issues.alreadyStaged", vars: { name } }];
	if (list === "ccs") {
		const counts = countCcs(ctx.current, stageAdd(ctx.staged, list, person));
		if (counts.final > counts.max) return [capIssue(counts.max, counts.final)];
		if (ctx.current.mode === "ccsAndFollowers" && counts.requested > counts.max) {
			return [{ field: "ccs", code: "people.issues.ccRequestCap", vars: { max: counts.max, count: counts.requested } }];
		}
	}
	return [];
}

/**
 * Validates the whole staged set before it is applied: each addition as a candidate, each removal
 * against the ticket, duplicates, and the CC cap on the final count. Empty means "safe to send".
 */
export function validateStaged(ctx: PeopleValidationContext): Issue[] {
	const { current, staged, rules } = ctx;
	if (staged.changes.length === 0) return [];
	if (current.mode === "disabled") return [{ field: "form", code: "people.issues.modeDisabled" }];
	const issues: Issue[] = [];
	const seen: StagedChange[] = [];
	for (const change of staged.changes) {
		const name = displayName(change.person);
		if (seen.some(other => other.list === change.list && samePerson(other.person, change.person))) {
			issues.push({ field: change.list, code: "people.issues.alreadyStaged", vars: { name } });
			continue;
		}
		seen.push(change);
		const present = findOnList(current, change.list, change.person) !== undefined;
		if (change.op === "remove") {
			if (!present) issues.push({ field: change.list, code: "people.issues.notThere", vars: { name } });
			continue;
		}
		issues.push(...personIssues(current, rules, change.list, change.person));
		if (present) {
			const code = change.list === "ccs" ? "people.issues.alreadyCc" : "people.issues.alreadyFollower";
			issues.push({ field: change.list, code, vars: { name } });
		}
	}
	const counts = countCcs(current, staged);
	if (counts.final > counts.max) issues.push(capIssue(counts.max, counts.final));
	else if (current.mode === "ccsAndFollowers" && counts.requested > counts.max) {
		// Within the cap but too many items for one request (a huge swap): Zendesk would answer 400.
		issues.push({
			field: "ccs",
			code: "people.issues.ccRequestCap",
			vars: { max: counts.max, count: counts.requested },
		});
	}
	return issues;
}

/** Problems with the person themselves for this list, independent of what is already staged. */
function personIssues(current: CurrentPeople, rules: PeopleRules, list: PeopleList, person: PersonRef): Issue[] {
	if (current.mode === "disabled") return [{ field: "form", code: "people.issues.modeDisabled" }];
	if (current.mode === "collaborators" && list === "followers") {
		return [{ field: "followers", code: "people.issues.noFollowersInCollaboratorsMode" }];
	}
	if (person.kind === "email") {
		const problem = emailProblem(person.email);
		if (problem !== null) return [{ field: list, code: EMAIL_CODES[problem], vars: { email: person.email.trim() } }];
		if (list === "followers")
			return [{ field: list, code: "people.issues.followerNeedsAgent", vars: { email: person.email } }];
		if (person.name !== null && person.name.length > MAX_NEW_USER_NAME) {
			return [{ field: list, code: "people.issues.nameTooLong", vars: { max: MAX_NEW_USER_NAME } }];
		}
		if (isRequester(current, person))
			return [{ field: list, code: "people.issues.requesterCc", vars: { name: person.email } }];
		return [];
	}
	const { user } = person;
	const name = displayName(person);
	if (!user.active) return [{ field: list, code: "people.issues.userInactive", vars: { name } }];
	if (list === "followers" && user.role === "end-user") {
		return [{ field: list, code: "people.issues.endUserFollower", vars: { name } }];
	}
	if (list === "ccs" && isRequester(current, person))
		return [{ field: list, code: "people.issues.requesterCc", vars: { name } }];
	if (
		list === "ccs" &&
		current.mode === "ccsAndFollowers" &&
		!rules.lightAgentEmailCcsAllowed &&
		user.role === "agent" &&
		user.roleType === LIGHT_AGENT_ROLE_TYPE
	) {
		return [{ field: list, code: "people.issues.lightAgentCc", vars: { name } }];
	}
	return [];
}

function capIssue(max: number, count: number): Issue {
	return { field: "ccs", code: "people.issues.ccCap", vars: { max, count } };
}
