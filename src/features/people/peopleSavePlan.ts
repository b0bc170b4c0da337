/**
 * The plan the ticket's writer calls for a people save: pure apart from remembering what it decided
 * (notes, others' changes, what was sent), so the model can report it. Called again on fresh data
 * after a 409 or an uncertain failure; it re-applies the intent (rebase) and allows ONE automatic
 * retry. The writer attaches the pending audit metadata.
 */
import { diffPeople, effectiveChanges, isPatchEmpty } from "./rules/ccDiff";
import { rebasePeople, type ExternalChange, type RebaseNote } from "./rules/peopleRebase";
import type { CurrentPeople, PeoplePatch, PeopleRules, StagedChange, StagedPeople } from "../../shared/peopleTypes";
import { validateStaged } from "./rules/peopleValidation";
import type { Plan } from "../../ticket/createTicketWriter";

/** What the writer sends: the patch planned against `base` (the snapshot whose stamp goes with it). */
export interface PeoplePayload {
	patch: PeoplePatch;
	base: CurrentPeople;
	changes: StagedChange[];
}

/** The plan plus what it found out along the way. */
export interface PeopleSavePlan {
	plan(snapshot: CurrentPeople, rebased: boolean): Plan<PeoplePayload, StagedPeople>;
	/** Notes of the last rebase (empty when the first attempt went through). */
	readonly notes: RebaseNote[];
	/** What others changed, as seen by the last rebase. */
	readonly external: ExternalChange[];
	/** The last payload handed to the writer, or null. */
	readonly sent: PeoplePayload | null;
}

/** The note added when a second collision stops the automatic retry. */
const CONFLICT_AGAIN: RebaseNote = { code: "people.rebase.conflictAgain", vars: {}, blocking: true };

/**
 * Plans saving `intent`, staged against `base`. On fresh data: an ambiguous rebase, a second rebase
 * with something left to send, or staged changes no longer valid → `ask` (the rebased changes are
 * kept for the agent to review); nothing left to send → `noop`.
 */
export function createPeopleSavePlan(intent: StagedPeople, base: CurrentPeople, rules: PeopleRules): PeopleSavePlan {
	let rebases = 0;
	let notes: RebaseNote[] = [];
	let external: ExternalChange[] = [];
	let sent: PeoplePayload | null = null;
	return {
		plan(snapshot, rebased) {
			// The writer may hand a first attempt a snapshot newer than `base` (it keeps the newest ticket
			// it has seen: another section's save, an earlier failed try), so the intent is always
			// re-applied on it; only a collision (`rebased`) counts against the single automatic retry.
			if (rebased) rebases++;
			const result = rebasePeople(intent, base, snapshot);
			notes = result.notes;
			external = result.external;
			const next = result.staged;
			if (result.ambiguous) return { kind: "ask", conflicts: next };
			const patch = diffPeople(snapshot, next);
			if (isPatchEmpty(patch)) return { kind: "noop" };
			// Retry once on our own; a second collision means the ticket is busy: let the agent look.
			if (rebases > 1) {
				notes = [...notes, CONFLICT_AGAIN];
				return { kind: "ask", conflicts: next };
			}
			if (validateStaged({ current: snapshot, staged: next, rules }).length > 0)
				return { kind: "ask", conflicts: next };
			const changes = effectiveChanges(snapshot, next);
			sent = { patch, base: snapshot, changes };
			return { kind: "send", payload: sent };
		},
		get notes() {
			return notes;
		},
		get external() {
			return external;
		},
		get sent() {
			return sent;
		},
	};
}
