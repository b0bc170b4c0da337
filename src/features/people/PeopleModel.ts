/**
 * The people model's public shape: what the section renders and calls. Implemented by
 * `createPeopleModel`.
 */
import type { ReadonlySignal } from "@preact/signals";
import type { ApiError } from "../../platform/api/errors";
import type { Issue } from "../../shared/issues";
import type { CurrentPeople, PeopleList, PeopleRules, PersonRef, StagedPeople } from "../../shared/peopleTypes";
import type { PeopleSearch } from "../../ui/createPeopleSearch";
import type { ExternalChange, RebaseNote } from "./rules/peopleRebase";
import type { PeopleSummary, SummaryLine } from "./rules/peopleSummary";
import type { UnappliedChange } from "./rules/peopleVerify";

/** Where loading is. */
export type PeopleLoadState = "loading" | "ready" | "failed";

/** The people model: state as signals, and actions. */
export interface PeopleModel {
	readonly state: ReadonlySignal<PeopleLoadState>;
	readonly current: ReadonlySignal<CurrentPeople | undefined>;
	readonly rules: ReadonlySignal<PeopleRules>;
	readonly staged: ReadonlySignal<StagedPeople>;
	readonly summary: ReadonlySignal<PeopleSummary | undefined>;
	/**
	 * Problems of the last rejected addition, per list, then of the staged set, then (`form`) the
	 * pending metadata blocking the last apply; render next to the list.
	 */
	readonly issues: ReadonlySignal<Issue[]>;
	/** What happened on a refresh or conflict (someone else already added X, the cap, ...). */
	readonly notes: ReadonlySignal<RebaseNote[]>;
	/** What someone else changed meanwhile (shown with the notes). */
	readonly external: ReadonlySignal<ExternalChange[]>;
	/** Sent changes Zendesk did not reflect (e.g. a user deleted meanwhile). */
	readonly unapplied: ReadonlySignal<UnappliedChange[]>;
	/** What the last successful apply changed (for a confirmation). */
	readonly applied: ReadonlySignal<SummaryLine[] | null>;
	/** The last remote failure (load or apply); staged changes are kept. */
	readonly error: ReadonlySignal<ApiError | null>;
	readonly applying: ReadonlySignal<boolean>;
	/** True when there is something to send and the staged set has no issues. */
	readonly canApply: ReadonlySignal<boolean>;
	/** Search as you type for each picker (debounced, stale answers dropped). */
	readonly searches: Readonly<Record<PeopleList, PeopleSearch>>;
	/** Loads settings and people, restores staged changes. Safe to call again (retry). */
	load(): Promise<void>;
	/** Validates and stages an addition; returns false (and sets `issues`) when refused. */
	add(list: PeopleList, person: PersonRef): boolean;
	/** Stages a removal (or cancels a staged addition of that person). */
	remove(list: PeopleList, person: PersonRef): void;
	/** Drops whatever is staged about that person on that list. */
	undo(list: PeopleList, person: PersonRef): void;
	/** Clears the issues of a rejected addition (e.g. when the agent types again). */
	clearCandidateIssues(): void;
	/** Drops every staged change. */
	discard(): void;
	/** Sends the staged changes in one safe update. Never rejects for an ApiError (see `error`). */
	apply(): Promise<void>;
	/** Re-reads the ticket and rebases the staged changes on it. Never rejects for an ApiError. */
	refresh(): Promise<void>;
	dispose(): void;
}
