/**
 * The plan the shared ticket writer calls for a people save: pure apart from remembering what it
 * decided (notes, others' changes, what was sent) and the shared metadata model's bookkeeping, so
 * the model can report it. Called again on fresh data after a 409 or an uncertain failure; it
 * re-applies the intent (rebase), attaches the pending audit metadata again, and allows ONE
 * automatic retry.
 */
import { diffPeople, effectiveChanges, isPatchEmpty } from "./rules/ccDiff";
import type { Issue } from "../../shared/issues";
import type { MetadataObject } from "../../ticket/metadata/metadata";
import { rebasePeople, type ExternalChange, type RebaseNote } from "./rules/peopleRebase";
import type { CurrentPeople, PeoplePatch, PeopleRules, StagedChange, StagedPeople } from "../../shared/peopleTypes";
import { validateStaged } from "./rules/peopleValidation";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import type { Plan } from "../../ticket/createTicketWriter";
import { toPeopleUpdateInput } from "./peopleUpdateInput";

/** What the writer sends: the patch planned against `base` (the snapshot whose stamp goes with it). */
export interface PeoplePayload {
	patch: PeoplePatch;
	base: CurrentPeople;
	changes: StagedChange[];
	/** The pending audit metadata attached to this update (absent: none pending). */
	metadata?: MetadataObject;
}

/** The part of the shared metadata model a people save uses to attach it. */
export type PeopleMetadata = Pick<MetadataModel, "attach">;

/** The metadata to send with `patch`, or the metadata model's reasons not to send at all. Never sends metadata alone. */
export function attachPeopleMetadata(
	metadata: PeopleMetadata | undefined,
	patch: PeoplePatch,
	stamp: string,
): { ok: true; metadata?: MetadataObject } | { ok: false; issues: Issue[] } {
	if (metadata === undefined) return { ok: true };
	// The exact body the update will have (minus the metadata), so "nothing but metadata" is judged on it.
	const attached = metadata.attach({ ...toPeopleUpdateInput(patch, stamp) });
	if (!attached.ok) return attached;
	return attached.update.metadata === undefined ? { ok: true } : { ok: true, metadata: attached.update.metadata };
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
	/** Why the metadata stopped the last plan (rows made invalid or too large meanwhile), or null. */
	readonly metadataIssues: Issue[] | null;
}

/** The note added when a second collision stops the automatic retry. */
const CONFLICT_AGAIN: RebaseNote = { code: "people.rebase.conflictAgain", vars: {}, blocking: true };

/**
 * Plans saving `intent`, staged against `base`, with the pending audit metadata of `metadata` when
 * given. On fresh data: an ambiguous rebase, a second rebase with something left to send, staged
 * changes no longer valid, or metadata the model refuses → `ask` (the rebased changes are kept for
 * the agent to review); nothing left to send → `noop` (and no metadata sent).
 */
export function createPeopleSavePlan(
	intent: StagedPeople,
	base: CurrentPeople,
	rules: PeopleRules,
	metadata?: PeopleMetadata,
): PeopleSavePlan {
	let rebases = 0;
	let notes: RebaseNote[] = [];
	let external: ExternalChange[] = [];
	let sent: PeoplePayload | null = null;
	let metadataIssues: Issue[] | null = null;
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
			const attached = attachPeopleMetadata(metadata, patch, snapshot.updatedAt);
			metadataIssues = attached.ok ? null : attached.issues;
			if (!attached.ok) return { kind: "ask", conflicts: next };
			const changes = effectiveChanges(snapshot, next);
			sent = { patch, base: snapshot, changes, ...(attached.metadata ? { metadata: attached.metadata } : {}) };
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
		get metadataIssues() {
			return metadataIssues;
		},
	};
}
