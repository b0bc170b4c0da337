/**
 * The people editor's model: the snapshot's CCs and followers in the account's mode, and the staged changes (kept per
 * agent and ticket), applied as ONE intent through the writer (a 409 rebases and retries once when unambiguous).
 * A new snapshot rebases what is staged. An error never drops staged changes.
 */
import { computed, effect, signal, untracked, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import { keepTypedText } from "../../platform/storage/keepTypedText";
import type { Issue } from "../../shared/issues";
import type { CurrentPeople, PeopleList, PeopleRules, PersonRef, StagedPeople } from "../../shared/peopleTypes";
import type { TicketStore } from "../../ticket/createTicketStore";
import { createPeopleSearch } from "../../ui/createPeopleSearch";
import { choosePeopleMode, peopleOf, peopleRules } from "./rules/peopleMode";
import {
	createPeopleSavePlan,
	rebasePeople,
	summarizePeople,
	toPeopleUpdateInput,
	unappliedChanges,
	type ExternalChange,
	type RebaseNote,
	type SummaryLine,
	type UnappliedChange,
} from "./rules/peopleSave";
import {
	EMPTY_STAGED,
	parseStaged,
	stageAdd,
	stageRemove,
	unstage,
	validateCandidate,
	validateStaged,
} from "./rules/stagedPeople";

/** The ticket's store (snapshot, writer), the API for settings and searches, the agent's drafts for this ticket. */
interface PeopleModelOptions {
	ticket: TicketStore;
	api: Pick<ZendeskApi, "getAccountSettings" | "searchUsers" | "autocompleteUsers">;
	drafts: DraftStore;
	/** Debounce of the pickers' search (default: the shared search's). */
	searchDebounceMs?: number;
}

/** The people model: state as signals, and actions. */
export type PeopleModel = ReturnType<typeof createPeopleModel>;

/** Builds the model. Call `load()` once mounted. */
export function createPeopleModel(options: PeopleModelOptions) {
	const { api, ticket, drafts } = options;
	const state = signal<"loading" | "ready" | "failed">("loading");
	const current = signal<CurrentPeople | undefined>(undefined);
	const rules = signal<PeopleRules>({ lightAgentEmailCcsAllowed: false });
	const staged = signal<StagedPeople>(EMPTY_STAGED);
	const candidateIssues = signal<Issue[]>([]);
	const metadataIssues = signal<Issue[]>([]);
	const notes = signal<RebaseNote[]>([]);
	const external = signal<ExternalChange[]>([]);
	const unapplied = signal<UnappliedChange[]>([]);
	const applied = signal<SummaryLine[] | null>(null);
	const error = signal<ApiError | null>(null);
	const applying = signal(false);
	// What is typed in a picker (an address being corrected) is kept like the staged changes.
	const searchOf = (list: PeopleList) =>
		createPeopleSearch(api, {
			keepText: keepTypedText(drafts, "people", list),
			...(options.searchDebounceMs === undefined ? {} : { debounceMs: options.searchDebounceMs }),
		});
	const searches = { ccs: searchOf("ccs"), followers: searchOf("followers") };
	let restored = false;
	let disposed = false;

	const summary = computed(() => (current.value ? summarizePeople(current.value, staged.value) : undefined));
	const stagedIssues = computed(() => {
		const now = current.value;
		return now ? validateStaged({ current: now, staged: staged.value, rules: rules.value }) : [];
	});
	const issues = computed(() => [...candidateIssues.value, ...stagedIssues.value, ...metadataIssues.value]);
	const canApply = computed(
		() => !applying.value && (summary.value?.pending ?? 0) > 0 && stagedIssues.value.length === 0,
	);

	// Persist every change of the staged set (after restore, so an early empty value never wipes a draft).
	const stopPersist = effect(() => {
		const value = staged.value;
		if (restored && value.changes.length === 0) drafts.clear("people");
		else if (restored) drafts.save("people", value);
	});

	// Follow the store: a new snapshot (another agent, the agent's Submit) rebases what is staged.
	// While applying, the apply's own outcome decides; it catches up when it is over.
	const stopFollow = effect(() => {
		const snap = ticket.snapshot.value;
		if (snap !== undefined && state.value === "ready" && !applying.value) untracked(() => follow());
	});

	/** Rebases on the store's snapshot when it moved on from what the section shows. */
	function follow(): void {
		const before = current.value;
		const snap = ticket.snapshot.value;
		if (before === undefined || snap === undefined || disposed) return;
		const fresh = peopleOf(snap, before.mode);
		if (fresh.updatedAt === before.updatedAt && sameIds(fresh, before)) return;
		const editing = staged.value.changes.length > 0;
		const result = rebasePeople(staged.value, before, fresh);
		current.value = fresh;
		staged.value = result.staged;
		// Without staged changes the lists simply update; "while you were editing" would be noise.
		notes.value = editing ? result.notes : [];
		external.value = editing ? result.external : [];
	}

	async function load(): Promise<void> {
		state.value = "loading";
		error.value = null;
		try {
			const settings = await api.getAccountSettings();
			rules.value = peopleRules(settings);
			const fresh = peopleOf(await ticket.ready(), choosePeopleMode(settings));
			if (disposed) return;
			current.value = fresh;
			if (!restored) {
				const parsed = parseStaged(drafts.load("people", (value): value is unknown => parseStaged(value) !== null));
				restored = true;
				if (parsed !== null && parsed.changes.length > 0) {
					// Staged against an older read: re-apply on the fresh one and say what became a no-op.
					const result = rebasePeople(parsed, fresh, fresh);
					notes.value = result.notes;
					staged.value = result.staged;
				}
			}
			state.value = "ready";
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			error.value = caught;
			state.value = "failed";
		}
	}

	async function apply(): Promise<void> {
		const base = current.value;
		if (base === undefined || applying.value) return;
		const intent = staged.value;
		if (validateStaged({ current: base, staged: intent, rules: rules.value }).length > 0) return;
		metadataIssues.value = [];
		applying.value = true;
		error.value = null;
		applied.value = null;
		unapplied.value = [];
		const planner = createPeopleSavePlan(intent, base, rules.value);
		try {
			const outcome = await ticket.write<StagedPeople>({
				plan(snap, rebased) {
					const decision = planner.plan(peopleOf(snap, base.mode), rebased);
					if (decision.kind !== "send") return decision;
					return { kind: "send", payload: toPeopleUpdateInput(decision.payload.patch) };
				},
				users: intent.changes.flatMap(({ person }) => (person.kind === "user" ? [person.user] : [])),
			});
			const after = peopleOf(outcome.snapshot, base.mode);
			current.value = after;
			notes.value = planner.notes;
			external.value = planner.external;
			if (outcome.kind === "ask") {
				staged.value = outcome.conflicts;
				return;
			}
			if (outcome.kind === "blocked") {
				// The pending metadata cannot go (the metadata section says why): nothing was sent, the changes wait.
				metadataIssues.value = [{ field: "form", code: "people.issues.metadataBlocked" }];
				return;
			}
			const sent = planner.sent;
			if (outcome.kind === "saved" && sent !== null) {
				applied.value = summarizePeople(sent.base, { changes: sent.changes }).lines;
				unapplied.value = unappliedChanges(sent.changes, after);
			}
			staged.value = EMPTY_STAGED;
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			error.value = caught;
			notes.value = planner.notes;
		} finally {
			applying.value = false;
		}
	}

	function add(list: PeopleList, person: PersonRef): boolean {
		const now = current.value;
		if (now === undefined) return false;
		const found = validateCandidate({ current: now, staged: staged.value, rules: rules.value }, list, person);
		candidateIssues.value = found;
		metadataIssues.value = [];
		if (found.length > 0) return false;
		staged.value = stageAdd(staged.value, list, person);
		applied.value = null;
		return true;
	}

	return {
		state: state as ReadonlySignal<typeof state.value>,
		current: current as ReadonlySignal<CurrentPeople | undefined>,
		staged: staged as ReadonlySignal<StagedPeople>,
		summary,
		/** The last refused addition's problems (per list), the staged set's, then the blocked metadata (`form`). */
		issues,
		/** What happened on a refresh or conflict (someone else already added X, the cap, ...). */
		notes: notes as ReadonlySignal<RebaseNote[]>,
		/** What someone else changed meanwhile (shown with the notes). */
		external: external as ReadonlySignal<ExternalChange[]>,
		/** Sent changes Zendesk did not reflect (e.g. a user deleted meanwhile). */
		unapplied: unapplied as ReadonlySignal<UnappliedChange[]>,
		/** What the last successful apply changed (for a confirmation). */
		applied: applied as ReadonlySignal<SummaryLine[] | null>,
		/** The last remote failure (load or apply); staged changes are kept. */
		error: error as ReadonlySignal<ApiError | null>,
		applying: applying as ReadonlySignal<boolean>,
		/** True when there is something to send and the staged set has no issues. */
		canApply,
		searches,
		/** Loads settings and people, restores staged changes. Safe to call again (retry). */
		load,
		/** Validates and stages an addition; false (and `issues` say why) when refused. */
		add,
		/** Stages a removal (or cancels a staged addition of that person). */
		remove(list: PeopleList, person: PersonRef) {
			candidateIssues.value = [];
			metadataIssues.value = [];
			applied.value = null;
			staged.value = stageRemove(staged.value, list, person);
		},
		/** Drops whatever is staged about that person on that list. */
		undo(list: PeopleList, person: PersonRef) {
			metadataIssues.value = [];
			staged.value = unstage(staged.value, list, person);
		},
		/** Clears the issues of a refused addition (the agent types again). */
		clearCandidateIssues() {
			if (candidateIssues.value.length > 0) candidateIssues.value = [];
		},
		discard() {
			candidateIssues.value = [];
			metadataIssues.value = [];
			notes.value = [];
			staged.value = EMPTY_STAGED;
		},
		/** Sends the staged changes in one safe update. Never rejects for an ApiError (see `error`). */
		apply,
		dispose() {
			disposed = true;
			for (const search of Object.values(searches)) search.dispose();
			stopFollow();
			stopPersist();
		},
	};
}

function sameIds(a: CurrentPeople, b: CurrentPeople): boolean {
	const ids = (people: CurrentPeople) => [...people.ccs, ...people.followers].map(user => user.id).join(",");
	return ids(a) === ids(b) && a.requesterId === b.requesterId;
}
