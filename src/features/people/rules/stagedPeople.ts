/**
 * Staged people changes as data: who is who (by id, else email, case-insensitively), staging, reading a draft back,
 * the CC cap and validation (`Issue[]`, `people.issues.*`). Pure and total: never throws, never looks anything up.
 */
import {
	emailProblem,
	normalizeEmail,
	sameEmail,
	TYPED_EMAIL_PROBLEMS,
	type EmailProblem,
} from "../../../shared/email";
import { isRecord } from "../../../shared/isRecord";
import type { Issue } from "../../../shared/issues";
import {
	LIGHT_AGENT_ROLE_TYPE,
	type CurrentPeople,
	type PeopleList,
	type PeopleRules,
	type PersonRef,
	type PersonUser,
	type StagedChange,
	type StagedPeople,
} from "../../../shared/peopleTypes";

/** True when the reference denotes this user: same id, or an email ref matching the user's email. */
export function refMatchesUser(ref: PersonRef, user: PersonUser): boolean {
	if (ref.kind === "user") return ref.user.id === user.id;
	return user.email !== null && sameEmail(ref.email, user.email);
}

/** True when two references denote the same person (by id, or by email when either side has no id). */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
	if (a.kind === "user" && b.kind === "user") return a.user.id === b.user.id;
	const emailA = a.kind === "user" ? a.user.email : a.email;
	const emailB = b.kind === "user" ? b.user.email : b.email;
	return emailA !== null && emailB !== null && sameEmail(emailA, emailB);
}

/** The user on `list` of `current` that the reference denotes. Does not look at staged changes. */
export function findOnList(current: CurrentPeople, list: PeopleList, ref: PersonRef): PersonUser | undefined {
	return current[list].find(user => refMatchesUser(ref, user));
}

/** A stable key for rendering and de-duplication: `u:<id>` or `e:<lower-cased email>`. */
export function personKey(ref: PersonRef): string {
	return ref.kind === "user" ? `u:${ref.user.id}` : `e:${ref.email.trim().toLowerCase()}`;
}

/** The name to show: the user's name, else the given name, else the email. Never empty for valid refs. */
export function displayName(ref: PersonRef): string {
	if (ref.kind === "user") return ref.user.name.trim() || ref.user.email || `#${ref.user.id}`;
	return ref.name?.trim() || ref.email;
}

/** Wraps a user as a reference. */
export function userRef(user: PersonUser): PersonRef {
	return { kind: "user", user };
}

/** Nothing staged. */
export const EMPTY_STAGED: StagedPeople = { changes: [] };

/** Stages adding `person` to `list`; cancels a staged removal of them, and is idempotent. */
export function stageAdd(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedPeople {
	return stage(staged, { list, op: "add", person });
}

/** Stages removing `person` from `list`; cancels a staged addition of them, and is idempotent. */
export function stageRemove(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedPeople {
	return stage(staged, { list, op: "remove", person });
}

/** Drops the staged change(s) about `person` on `list`, whatever their direction. */
export function unstage(staged: StagedPeople, list: PeopleList, person: PersonRef): StagedPeople {
	const changes = staged.changes.filter(change => !(change.list === list && samePerson(change.person, person)));
	return changes.length === staged.changes.length ? staged : { changes };
}

function stage(staged: StagedPeople, next: StagedChange): StagedPeople {
	const existing = staged.changes.find(change => change.list === next.list && samePerson(change.person, next.person));
	if (existing === undefined) return { changes: [...staged.changes, next] };
	// Opposite directions cancel out: the person is back to how Zendesk has them.
	return existing.op === next.op ? staged : unstage(staged, next.list, next.person);
}

/** Reads a stored draft back: `null` for anything malformed; drops single malformed changes. */
export function parseStaged(raw: unknown): StagedPeople | null {
	if (!isRecord(raw) || !Array.isArray(raw.changes)) return null;
	return { changes: raw.changes.map(parseChange).filter(change => change !== null) };
}

function parseChange(raw: unknown): StagedChange | null {
	if (!isRecord(raw) || (raw.list !== "ccs" && raw.list !== "followers")) return null;
	if (raw.op !== "add" && raw.op !== "remove") return null;
	const person = parsePerson(raw.person);
	// A removal is always of someone Zendesk has, hence a user.
	if (person === null || (raw.op === "remove" && person.kind !== "user")) return null;
	return { list: raw.list, op: raw.op, person };
}

function parsePerson(raw: unknown): PersonRef | null {
	if (!isRecord(raw)) return null;
	if (raw.kind === "email") {
		if (typeof raw.email !== "string" || emailProblem(raw.email) !== null) return null;
		const name = typeof raw.name === "string" && raw.name.trim() !== "" ? raw.name.trim() : null;
		return { kind: "email", email: normalizeEmail(raw.email), name };
	}
	if (raw.kind !== "user") return null;
	const user = raw.user;
	if (!isRecord(user) || typeof user.id !== "number" || !Number.isSafeInteger(user.id) || user.id <= 0) return null;
	const role = user.role === "agent" || user.role === "admin" ? user.role : "end-user";
	return {
		kind: "user",
		user: {
			id: user.id,
			name: typeof user.name === "string" ? user.name : "",
			email: typeof user.email === "string" ? user.email : null,
			role,
			roleType: typeof user.roleType === "number" ? user.roleType : null,
			active: user.active !== false,
			suspended: user.suspended === true,
		},
	};
}

/**
 * "A ticket can only have 48 email CCs" [V GUIDE "Setting email CCs", HC-CC]: more in one request is a 400, existing
 * plus added above 48 is silently truncated, so the app enforces it before sending (legacy collaborators too).
 */
export const MAX_EMAIL_CCS = 48;

/** The CC numbers the counter and the validators need: on the ticket now, once applied, distinct additions. */
export interface CcCounts {
	current: number;
	final: number;
	added: number;
	/**
	 * `email_ccs` items the update would carry: "more than 48 email CCs ... in the request" is a 400; whether removals
	 * count is not documented [U], so they count, as in the emulator (never a 400; a rare huge swap is split).
	 */
	requested: number;
	max: number;
}

/** CCs before and after the staged changes: never followers or the requester (not CCed); each person once. */
export function countCcs(current: CurrentPeople, staged: StagedPeople): CcCounts {
	const added: PersonRef[] = [];
	const removed: PersonRef[] = [];
	for (const change of staged.changes) {
		if (change.list !== "ccs") continue;
		const present = findOnList(current, "ccs", change.person) !== undefined;
		const seen = (refs: PersonRef[]) => refs.some(ref => samePerson(ref, change.person));
		if (change.op === "remove") {
			if (present && !seen(removed)) removed.push(change.person);
		} else if (!present && !isRequester(current, change.person) && !seen(added)) added.push(change.person);
	}
	const now = current.ccs.length;
	const final = now - removed.length + added.length;
	return { current: now, final, added: added.length, requested: added.length + removed.length, max: MAX_EMAIL_CCS };
}

/**
 * True when the reference is the ticket's requester: a user by id (an address belongs to one user of an account),
 * an address by the requester's email when known.
 */
export function isRequester(current: CurrentPeople, ref: PersonRef): boolean {
	if (ref.kind === "user") return ref.user.id === current.requesterId;
	return current.requesterEmail !== null && sameEmail(ref.email, current.requesterEmail);
}

/** Longest `user_name` sent for a new CC: no documented limit; 255 is the usual column size [U], longer a paste slip. */
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

/** The problem of text meant as an address that can't be one (`＠`, "bob at x.com"), never searched as a name. */
export function typedEmailIssue(list: PeopleList, text: string): Issue | null {
	const problem = emailProblem(text);
	const code = problem === null ? undefined : TYPED_EMAIL_PROBLEMS[problem];
	return code === undefined ? null : { field: list, code, vars: { email: text.trim() } };
}

/** Whether `person` may be staged for addition to `list` now: the first problem found, in a stable order. */
export function validateCandidate(ctx: PeopleValidationContext, list: PeopleList, person: PersonRef): Issue[] {
	const issues = personIssues(ctx.current, ctx.rules, list, person);
	if (issues.length > 0) return issues;
	const name = displayName(person);
	if (findOnList(ctx.current, list, person) !== undefined) return [alreadyOnList(list, name)];
	if (
		ctx.staged.changes.some(change => change.list === list && change.op === "add" && samePerson(change.person, person))
	)
		return [{ field: list, code: "people.issues.alreadyStaged", vars: { name } }];
	return list === "ccs" ? capIssues(ctx.current, stageAdd(ctx.staged, list, person)) : [];
}

/** The staged set before apply: additions as candidates, removals vs the ticket, duplicates, the cap. Empty: send. */
export function validateStaged({ current, staged, rules }: PeopleValidationContext): Issue[] {
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
		if (present) issues.push(alreadyOnList(change.list, name));
	}
	return [...issues, ...capIssues(current, staged)];
}

function alreadyOnList(list: PeopleList, name: string): Issue {
	return {
		field: list,
		code: list === "ccs" ? "people.issues.alreadyCc" : "people.issues.alreadyFollower",
		vars: { name },
	};
}

/** The cap on the final count, else too many items for one request (a huge swap: Zendesk would answer 400). */
function capIssues(current: CurrentPeople, staged: StagedPeople): Issue[] {
	const { final, requested, max } = countCcs(current, staged);
	if (final > max) return [{ field: "ccs", code: "people.issues.ccCap", vars: { max, count: final } }];
	if (current.mode === "ccsAndFollowers" && requested > max) {
		return [{ field: "ccs", code: "people.issues.ccRequestCap", vars: { max, count: requested } }];
	}
	return [];
}

/** Problems with the person themselves for this list, independent of what is already staged. */
function personIssues(current: CurrentPeople, rules: PeopleRules, list: PeopleList, person: PersonRef): Issue[] {
	if (current.mode === "disabled") return [{ field: "form", code: "people.issues.modeDisabled" }];
	if (current.mode === "collaborators" && list === "followers") {
		return [{ field: "followers", code: "people.issues.noFollowersInCollaboratorsMode" }];
	}
	const issue = (code: string, vars: Issue["vars"]): Issue[] => [{ field: list, code, vars }];
	if (person.kind === "email") {
		const problem = emailProblem(person.email);
		if (problem !== null) return issue(EMAIL_CODES[problem], { email: person.email.trim() });
		if (list === "followers") return issue("people.issues.followerNeedsAgent", { email: person.email });
		if (person.name !== null && person.name.length > MAX_NEW_USER_NAME) {
			return issue("people.issues.nameTooLong", { max: MAX_NEW_USER_NAME });
		}
		return isRequester(current, person) ? issue("people.issues.requesterCc", { name: person.email }) : [];
	}
	const { user } = person;
	const name = displayName(person);
	if (!user.active) return issue("people.issues.userInactive", { name });
	if (list === "followers" && user.role === "end-user") return issue("people.issues.endUserFollower", { name });
	if (list === "ccs" && isRequester(current, person)) return issue("people.issues.requesterCc", { name });
	const lightAgent = user.role === "agent" && user.roleType === LIGHT_AGENT_ROLE_TYPE;
	if (list === "ccs" && current.mode === "ccsAndFollowers" && !rules.lightAgentEmailCcsAllowed && lightAgent) {
		return issue("people.issues.lightAgentCc", { name });
	}
	return [];
}
